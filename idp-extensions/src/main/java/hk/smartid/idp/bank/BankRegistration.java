package hk.smartid.idp.bank;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import hk.smartid.idp.realm.Language;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a bank or business registers (docs/banking-made-easy.md, docs/businesses.md): its profile, names and purpose
 * statements in three languages, exact redirect and post-logout redirect URIs, a back-channel logout URI, its keys,
 * and per purpose the data items it may ask for (data sharing only).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BankRegistration(String clientId, String profile, Map<String, String> name, List<String> redirectUris,
                               List<String> postLogoutRedirectUris, String backchannelLogoutUri, String jwksUri,
                               Map<String, Object> jwks, String tokenEndpointAuthSigningAlg,
                               List<BankClient.RegisteredPurpose> purposes) {

    /** The algorithms FAPI 2.0 allows for a bank's client assertions. */
    static final List<String> SIGNING_ALGORITHMS = List.of("PS256", "ES256");

    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,62}");
    private static final Pattern PURPOSE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    /** Field errors keyed by field path ({@code name.zh-HK}, {@code purposes[0].items}); empty when the registration is acceptable. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            problems.put("clientId", "3 to 63 lower-case letters, digits or hyphens");
        }
        if (profile != null && RelyingPartyProfile.ofRegisteredName(profile).isEmpty()) {
            // What else is required depends on the profile.
            problems.put("profile", "login-only or data-sharing");
            return problems;
        }
        checkLanguages("name", name, problems);
        if (redirectUris == null || redirectUris.isEmpty()) {
            problems.put("redirectUris", "at least one exact redirect URI");
        } else {
            checkExactRedirects("redirectUris", redirectUris, problems);
        }
        if (postLogoutRedirectUris != null) {
            checkExactRedirects("postLogoutRedirectUris", postLogoutRedirectUris, problems);
        }
        if (backchannelLogoutUri != null && !isExactRedirect(backchannelLogoutUri)) {
            problems.put("backchannelLogoutUri", "an absolute https URI (http only for localhost) without wildcard or fragment");
        }
        if ((jwksUri == null) == (jwks == null)) {
            problems.put("jwksUri", "give either jwksUri or jwks, not both");
        } else if (jwksUri != null && !isWebUri(jwksUri)) {
            problems.put("jwksUri", "an absolute https URI (http only for localhost)");
        } else if (jwks != null) {
            keySet(problems).ifPresent(keys -> {
                if (tokenEndpointAuthSigningAlg != null && !tokenEndpointAuthSigningAlg.equals(keys.signingAlgorithm().getName())) {
                    problems.put("tokenEndpointAuthSigningAlg", keys.signingAlgorithm() + " for the registered signing key");
                }
            });
        }
        if (jwks == null && tokenEndpointAuthSigningAlg != null && !SIGNING_ALGORITHMS.contains(tokenEndpointAuthSigningAlg)) {
            problems.put("tokenEndpointAuthSigningAlg", "PS256 or ES256");
        }
        if (profileOrDefault() == RelyingPartyProfile.LOGIN_ONLY) {
            if (purposes != null) {
                problems.put("purposes", "a login-only integration registers no purposes (register data-sharing to receive data items)");
            }
        } else if (purposes == null || purposes.isEmpty()) {
            problems.put("purposes", "at least one purpose");
        } else {
            for (int i = 0; i < purposes.size(); i++) {
                checkPurpose("purposes[" + i + "]", purposes.get(i), problems);
            }
            if (purposes.stream().map(BankClient.RegisteredPurpose::id).distinct().count() != purposes.size()) {
                problems.put("purposes", "purpose ids must differ");
            }
        }
        return problems;
    }

    /** The registered profile; a registration that names none is for data sharing, as banks registered before profiles. */
    public RelyingPartyProfile profileOrDefault() {
        return profile == null ? RelyingPartyProfile.DATA_SHARING
                : RelyingPartyProfile.ofRegisteredName(profile).orElseThrow(() -> new IllegalStateException("Unchecked profile " + profile));
    }

    /** The purposes registered; none for login only. */
    public List<BankClient.RegisteredPurpose> registeredPurposes() {
        return purposes == null ? List.of() : purposes;
    }

    private static void checkExactRedirects(String field, List<String> uris, Map<String, String> problems) {
        for (int i = 0; i < uris.size(); i++) {
            if (!isExactRedirect(uris.get(i))) {
                problems.put(field + "[" + i + "]", "an absolute https URI (http only for localhost) without wildcard or fragment");
            }
        }
    }

    /** Data sharing needs an encryption key for the person-data answers; login only does not. */
    private Optional<BankKeySet> keySet(Map<String, String> problems) {
        return BankKeySet.check(jwks, problems, profileOrDefault() == RelyingPartyProfile.DATA_SHARING);
    }

    private static void checkPurpose(String path, BankClient.RegisteredPurpose purpose, Map<String, String> problems) {
        if (purpose == null) {
            problems.put(path, "a purpose");
            return;
        }
        if (purpose.id() == null || !PURPOSE_ID.matcher(purpose.id()).matches()) {
            problems.put(path + ".id", "2 to 63 lower-case letters, digits or hyphens");
        }
        checkLanguages(path + ".statement", purpose.statement(), problems);
        if (purpose.items() == null || purpose.items().isEmpty()) {
            problems.put(path + ".items", "at least one data item");
        } else {
            List<String> unknown = purpose.items().stream().filter(item -> DataItem.ofScope(item).isEmpty()).toList();
            if (!unknown.isEmpty()) {
                problems.put(path + ".items", "unknown data items: " + String.join(" ", unknown));
            }
        }
    }

    private static void checkLanguages(String path, Map<String, String> texts, Map<String, String> problems) {
        for (String language : Language.TAGS) {
            String text = texts == null ? null : texts.get(language);
            if (text == null || text.isBlank()) {
                problems.put(path + "." + language, "required");
            } else if (text.length() > 500) {
                problems.put(path + "." + language, "at most 500 characters");
            }
        }
    }

    /**
     * The algorithm the bank's client assertions must use, kept as Keycloak's {@code token.endpoint.auth.signing.alg}:
     * that of the inline signing key, or for a JWKS URL the one registered (PS256 unless ES256 is named).
     */
    String signingAlgorithm() {
        if (jwks != null) {
            return keySet(new LinkedHashMap<>()).orElseThrow().signingAlgorithm().getName();
        }
        return tokenEndpointAuthSigningAlg == null ? "PS256" : tokenEndpointAuthSigningAlg;
    }

    /** The inline JWK set as stored, public members only. */
    String jwksJson() {
        return keySet(new LinkedHashMap<>()).orElseThrow().json();
    }

    static boolean isExactRedirect(String uri) {
        return uri != null && isWebUri(uri) && !uri.contains("*") && URI.create(uri).getFragment() == null;
    }

    private static boolean isWebUri(String value) {
        try {
            URI uri = new URI(value);
            String host = uri.getHost();
            return host != null && ("https".equals(uri.getScheme())
                    || "http".equals(uri.getScheme()) && ("localhost".equals(host) || "127.0.0.1".equals(host)));
        } catch (Exception e) {
            return false;
        }
    }
}
