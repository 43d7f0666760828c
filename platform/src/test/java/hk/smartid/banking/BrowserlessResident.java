package hk.smartid.banking;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import hk.smartid.idp.StaffConsoleClient;
import hk.smartid.platform.Platform;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A resident without a browser: plain HTTP with cookies, and a passkey whose WebAuthn answers are written
 * with WebAuthn4J (as an authenticator would produce them), so flows can run many times a second
 * (benchmarks) and tests can misbehave where a browser would not let them.
 */
public final class BrowserlessResident {

    private static final Pattern CHALLENGE = Pattern.compile("challenge\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern USER_ID = Pattern.compile("userid\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"([^\"]+)\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"([^\"]+)\"");
    private static final Pattern REGISTRATION_LINK = Pattern.compile("<a[^>]*href=\"([^\"]*/registrations?\\?[^\"]*)\"");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final LocalhostCookies cookies = new LocalhostCookies();
    /**
     * Over HTTP/1.1, as browsers speak to a plain-http origin and a front proxy to Payara (the JDK's client would
     * otherwise ask every new connection to upgrade to HTTP/2 over cleartext, which Keycloak and Payara accept).
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String idpOrigin;
    private final String portalOrigin;
    private final byte[] credentialId = new byte[32];
    private final KeyPair keyPair;
    private String userHandle;
    private int signCount;
    private String answerOrigin;

    public BrowserlessResident(Platform platform) throws Exception {
        this.idpOrigin = platform.settings().keycloakUrl().toString();
        this.portalOrigin = platform.settings().portalUrl().toString();
        this.answerOrigin = idpOrigin;
        new SecureRandom().nextBytes(credentialId);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        this.keyPair = generator.generateKeyPair();
    }

    /**
     * Browsers keep Secure cookies on http://localhost (a secure context), and Keycloak marks its session
     * cookies Secure; Java's cookie manager would drop them over http, so they are kept as a browser would.
     */
    private static final class LocalhostCookies extends CookieHandler {
        private volatile CookieManager cookies = new CookieManager();

        void forget() {
            cookies = new CookieManager();
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return cookies.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            responseHeaders.forEach((name, values) -> headers.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(value -> value.replaceAll("(?i);\\s*Secure", "")).toList() : values));
            cookies.put(uri, headers);
        }
    }

    /**
     * The signature counter the next passkey answer presents; later answers count on from it. A copied
     * authenticator presents one its original has already used; synced passkeys always present 0.
     */
    public void presentSignCount(int next) {
        signCount = next - 1;
    }

    /**
     * The origin the next passkey answers name in their client data, as a browser names the page that asked: the IdP's
     * unless a phishing page's is wanted.
     */
    public void answerFromOrigin(String origin) {
        answerOrigin = origin;
    }

    /**
     * Reads the portal in {@code language} ({@code en}, {@code zh-HK}, {@code zh-CN}) from the next portal session on:
     * the language cookie, as the portal's language switcher sets it. Forgotten with the other cookies.
     */
    public void readPortalIn(String language) throws IOException {
        cookies.put(URI.create(portalOrigin + "/"),
                Map.of("Set-Cookie", List.of("smartid_lang=" + language + "; Path=/")));
    }

    /** One GET with this browser's cookies, redirects not followed (a benchmark counts a redirect as a wrong answer). */
    public HttpResponse<String> fetch(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Forgets every cookie, as a new browser would: the next login needs the passkey again. Open connections are kept
     * (a new client per login cost the benchmarks' clients more CPU than some of the logins they measure).
     */
    public void forgetSessions() {
        cookies.forget();
    }

    /**
     * A resident enrolled at a counter of {@code branch} (a new HKID number, born 1970-01-01) who has activated their
     * account with this passkey; the browser is then closed, so the next login needs the passkey.
     */
    public static BrowserlessResident activatedAtCounter(Platform platform, String branch) throws Exception {
        String hkid = StaffConsoleClient.randomHkid();
        String code = StaffConsoleClient.forCounterStaff(platform, branch).enrol(hkid, "1970-01-01");
        BrowserlessResident resident = new BrowserlessResident(platform);
        resident.activate(platform, hkid, "1970-01-01", code);
        resident.forgetSessions();
        return resident;
    }

    /** Activates a counter-enrolled account through the portal's /activate and binds this passkey; ends logged in to the portal. */
    public void activate(Platform platform, String hkid, String birth, String code) throws Exception {
        Page page = get(URI.create(platform.settings().portalUrl() + "/activate?code=" + code));
        page = page.submit("smartid-activation-form", Map.of("hkidNumber", hkid, "dateOfBirth", birth,
                "activationCode", code, "activate", ""));
        page = register(page);
        if (page.status() != 200 || !page.uri().toString().startsWith(platform.settings().portalUrl().toString())) {
            throw new AssertionError("Activation did not land in the portal but on " + page.uri() + " (" + page.status() + ")");
        }
    }

    /**
     * Opens an authorization URL and, instead of logging in, creates a new self-registered account from the
     * login page's "Create an account" link, with this passkey. Returns where Keycloak then sends the browser.
     */
    public Page registerFrom(URI authorizationUrl, String contact, String displayName) throws Exception {
        return register(startRegistration(authorizationUrl, contact, displayName));
    }

    /** As {@link #registerFrom}, but stops on the page that asks for a passkey (or on the form, if refused). */
    public Page startRegistration(URI authorizationUrl, String contact, String displayName) throws Exception {
        Page login = get(authorizationUrl);
        Page form = get(login.uri().resolve(login.match(REGISTRATION_LINK).replace("&amp;", "&")));
        return form.submit("kc-register-form", Map.of("username", contact, "firstName", displayName));
    }

    /** On Keycloak's passkey registration page: answers as navigator.credentials.create() would. */
    private Page register(Page page) throws Exception {
        String challenge = page.match(CHALLENGE);
        userHandle = page.match(USER_ID);
        String clientData = """
                {"type":"webauthn.create","challenge":"%s","origin":"%s","crossOrigin":false}"""
                .formatted(challenge, idpOrigin);
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authenticatorData = new AuthenticatorData<>(
                rpIdHash(), (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT), 0,
                new AttestedCredentialData(AAGUID.ZERO, credentialId,
                        EC2COSEKey.create((ECPublicKey) keyPair.getPublic(), COSEAlgorithmIdentifier.ES256)));
        byte[] attestation = new AttestationObjectConverter(new ObjectConverter())
                .convertToBytes(new AttestationObject(authenticatorData, new NoneAttestationStatement()));
        return page.submit("register", Map.of(
                "clientDataJSON", BASE64URL.encodeToString(clientData.getBytes(StandardCharsets.UTF_8)),
                "attestationObject", BASE64URL.encodeToString(attestation),
                "publicKeyCredentialId", BASE64URL.encodeToString(credentialId),
                "authenticatorLabel", "Browserless passkey",
                "transports", "internal"));
    }

    /**
     * Opens an authorization URL and, when Keycloak asks for a passkey, answers with this one. Returns the
     * page after the login: a consent page, or the redirect to the client (status 302).
     */
    public Page openAuthorization(URI authorizationUrl) throws Exception {
        Page page = get(authorizationUrl);
        if (page.status() == 200 && page.body().contains("id=\"webauth\"")) {
            page = authenticate(page);
        }
        return page;
    }

    /** On Keycloak's passkey login page: answers as navigator.credentials.get() would. */
    public Page authenticate(Page page) throws Exception {
        String clientData = """
                {"type":"webauthn.get","challenge":"%s","origin":"%s","crossOrigin":false}"""
                .formatted(page.match(CHALLENGE), answerOrigin);
        byte[] clientDataBytes = clientData.getBytes(StandardCharsets.UTF_8);
        byte[] authenticatorData = ByteBuffer.allocate(37).put(rpIdHash())
                .put((byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV)).putInt(++signCount).array();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keyPair.getPrivate());
        signer.update(authenticatorData);
        signer.update(MessageDigest.getInstance("SHA-256").digest(clientDataBytes));
        return page.submit("webauth", Map.of(
                "clientDataJSON", BASE64URL.encodeToString(clientDataBytes),
                "authenticatorData", BASE64URL.encodeToString(authenticatorData),
                "signature", BASE64URL.encodeToString(signer.sign()),
                "credentialId", BASE64URL.encodeToString(credentialId),
                "userHandle", userHandle,
                "error", ""));
    }

    /** On the consent page: approves sharing what the bank asked for. Returns the redirect to the bank. */
    public Page approveConsent(Page consent) throws Exception {
        return consent.submit("smartid-consent-form", Map.of("decision", "approve"));
    }

    public Page get(URI uri) throws Exception {
        return follow(http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Follows redirects while they stay on the IdP or the portal; stops at a redirect elsewhere (a bank's callback). */
    private Page follow(HttpResponse<String> response) throws Exception {
        while (response.statusCode() / 100 == 3) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (!isOurs(next)) {
                return new Page(response);
            }
            response = http.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        return new Page(response);
    }

    private boolean isOurs(URI uri) {
        return uri.toString().startsWith(idpOrigin) || uri.toString().startsWith(portalOrigin);
    }

    private static byte[] rpIdHash() throws Exception {
        return MessageDigest.getInstance("SHA-256").digest("localhost".getBytes(StandardCharsets.UTF_8));
    }

    /** An HTML page (or a redirect) the resident is looking at. */
    public final class Page {
        private final HttpResponse<String> response;

        Page(HttpResponse<String> response) {
            this.response = response;
        }

        public int status() {
            return response.statusCode();
        }

        public URI uri() {
            return response.uri();
        }

        public String body() {
            return response.body();
        }

        /** Where a redirect points (e.g. the bank's callback with code or error). */
        public URI location() {
            return response.uri().resolve(response.headers().firstValue("Location")
                    .orElseThrow(() -> new AssertionError("Not a redirect but " + status() + " at " + uri() + ":\n" + body())));
        }

        String match(Pattern pattern) {
            Matcher matcher = pattern.matcher(body());
            if (!matcher.find()) {
                throw new AssertionError("Expected " + pattern + " on " + uri() + " (" + status() + "):\n" + body());
            }
            return matcher.group(1);
        }

        /** Posts the form with this id, as its submit button would, with these fields. */
        public Page submit(String formId, Map<String, String> fields) throws Exception {
            String action = null;
            Matcher forms = FORM_ACTION.matcher(body());
            while (forms.find()) {
                if (formId.equals(forms.group(1))) {
                    action = forms.group(2);
                } else if (formId.equals(forms.group(4))) {
                    action = forms.group(3);
                }
            }
            if (action == null) {
                throw new AssertionError("No form " + formId + " on " + uri() + " (" + status() + "):\n" + body());
            }
            URI target = uri().resolve(action.replace("&amp;", "&"));
            String form = new LinkedHashMap<>(fields).entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return follow(http.send(HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
        }
    }
}
