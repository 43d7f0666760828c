package hk.smartid.business;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A business's back-channel logout endpoint (OpenID Connect Back-Channel Logout 1.0) inside the test: a JDK HTTP
 * server that keeps each {@code logout_token} it is posted, answers 200, and hands the tokens to the test.
 */
final class LogoutTokenReceiver implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<String> tokens = new LinkedBlockingQueue<>();

    LogoutTokenReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/backchannel-logout", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            List<String> token = URLUtils.parseParameters(form).get("logout_token");
            if (token != null && !token.isEmpty()) {
                tokens.add(token.get(0));
            }
            exchange.sendResponseHeaders(token == null ? 400 : 200, -1);
            exchange.close();
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/backchannel-logout");
    }

    /**
     * The next logout token posted here, checked as the business must check it: signed by a key of the realm's JWKS,
     * issuer, audience the business, the back-channel logout event, a {@code sid} or {@code sub}, no nonce.
     */
    LogoutTokenClaimsSet next(URI issuer, String clientId, Duration wait) throws Exception {
        String token = tokens.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (token == null) {
            throw new AssertionError("No logout token was posted to " + uri() + " within " + wait);
        }
        JWSAlgorithm algorithm = (JWSAlgorithm) JWTParser.parse(token).getHeader().getAlgorithm();
        return new LogoutTokenValidator(new Issuer(issuer), new ClientID(clientId), algorithm,
                URI.create(issuer + "/protocol/openid-connect/certs").toURL(), null)
                .validate(JWTParser.parse(token));
    }

    /** Whether another token arrived (none is expected). */
    boolean isEmpty() {
        return tokens.isEmpty();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
