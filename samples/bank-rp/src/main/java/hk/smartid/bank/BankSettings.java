package hk.smartid.bank;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * How the bank is configured: each setting from {@code --name=value}, else the environment variable, else the
 * development default.
 *
 * @param issuer        SmartID's issuer (the realm URL); discovery, tokens and person data are found from it
 * @param port          the HTTP port this bank listens on
 * @param clientId      the client id SmartID registered the bank under
 * @param keyDirectory  where the bank's keys are kept (made on first start)
 * @param publicBaseUrl the bank's address as browsers and SmartID see it (redirect URI, JWKS URI)
 * @param portalUrl     the GovHK portal, where the bank notifies the payments of e-service fees
 * @param paymentSecret the key the bank signs payment notifications with, shared with the portal; null: it pays
 *                      no bills ({@code BANK_PAYMENT_SECRET}, best given in the environment, not on the command line)
 */
public record BankSettings(URI issuer, int port, String clientId, Path keyDirectory, URI publicBaseUrl, URI portalUrl,
                           String paymentSecret) {

    static final String USAGE = """
            usage: SampleBank [--issuer=URL] [--port=N] [--client-id=ID] [--keys=DIR] [--base-url=URL] [--portal-url=URL]
              or the environment: BANK_ISSUER, BANK_PORT, BANK_CLIENT_ID, BANK_KEYS, BANK_BASE_URL, BANK_PORTAL_URL
              defaults: http://localhost:8180/realms/smartid, 8280, sample-bank, var/bank, http://localhost:<port>,
                        http://localhost:8080
              BANK_PAYMENT_SECRET (environment): the payment provider's secret shared with the portal; none: no bill payments""";

    static BankSettings from(String[] args, Map<String, String> environment) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Not a setting: " + arg);
            }
            given.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        BiFunction<String, String, String> setting = (name, fallback) -> given.getOrDefault(name,
                environment.getOrDefault("BANK_" + name.toUpperCase().replace('-', '_'), fallback));
        int port = Integer.parseInt(setting.apply("port", "8280"));
        return new BankSettings(
                URI.create(setting.apply("issuer", "http://localhost:8180/realms/smartid")),
                port,
                setting.apply("client-id", "sample-bank"),
                Path.of(setting.apply("keys", "var/bank")),
                URI.create(stripSlash(setting.apply("base-url", "http://localhost:" + port))),
                URI.create(stripSlash(setting.apply("portal-url", "http://localhost:8080"))),
                setting.apply("payment-secret", null));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public URI callback() {
        return URI.create(publicBaseUrl + "/callback");
    }

    /** The person-data API of the contract (docs/banking-made-easy.md), under the issuer. */
    public URI personDataApi() {
        return URI.create(issuer + "/data-sharing/person");
    }
}
