package hk.smartid.business;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpServer;
import hk.smartid.platform.Platform;
import hk.smartid.platform.RunningPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business rotates its signing key without downtime (docs/businesses.md, "Rotating keys"): its JWK set is served by
 * URL (a server of the test's on loopback), both keys are accepted while the set holds both, and once the old key is
 * dropped from the set an assertion signed with it is refused as soon as the IdP fetched the set again. Keycloak
 * fetches a client's JWK set only when an assertion names a kid it has not cached, and at most once per 10 s
 * ({@code minTimeBetweenRequests}): the test waits out that interval from the last fetch it served, no longer.
 * Client authentication is checked at the PAR endpoint: 201 accepted, 401 refused.
 */
@ExtendWith(RunningPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyRotationIT {

    /** Keycloak's default minTimeBetweenRequests (10 s), compared in whole seconds, plus a margin. */
    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(12);

    private final Platform platform;
    private final HttpServer jwksServer;
    private final AtomicReference<String> served = new AtomicReference<>("{\"keys\": []}");
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<Instant> lastFetch = new AtomicReference<>(Instant.EPOCH);

    KeyRotationIT(Platform platform) throws Exception {
        this.platform = platform;
        jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwksServer.createContext("/jwks.json", exchange -> {
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            fetches.incrementAndGet();
            lastFetch.set(Instant.now());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwksServer.start();
    }

    @AfterAll
    void stopJwksServer() {
        jwksServer.stop(0);
    }

    @Test
    void shouldAcceptBothKeysDuringARotationAndRefuseTheOldOneOnceDroppedAndFetchedAgain() throws Exception {
        ECKey old = key("2026-old");
        ECKey next = key("2027-new");
        TestBusiness business = TestBusiness.unregistered(platform);
        serve(old);
        assertThat(business.onboard("""
                {"clientId": "%s", "profile": "login-only",
                 "name": {"en": "Rotating Utility", "zh-HK": "輪換公用事業", "zh-CN": "轮换公用事业"},
                 "redirectUris": ["%s"], "jwksUri": "http://127.0.0.1:%d/jwks.json", "tokenEndpointAuthSigningAlg": "ES256"}"""
                .formatted(business.clientId(), business.redirectUri(), jwksServer.getAddress().getPort())).statusCode())
                .isEqualTo(201);
        assertThat(push(business, old)).isEqualTo(201);
        assertThat(fetches.get()).isEqualTo(1);

        // Rotation: the set holds both; the first assertion with the new kid makes the IdP fetch it again.
        serve(old, next);
        awaitRefetchAllowed();
        assertThat(push(business, next)).isEqualTo(201);
        assertThat(fetches.get()).isEqualTo(2);
        assertThat(push(business, old)).isEqualTo(201);
        assertThat(push(business, next)).isEqualTo(201);

        // The old key is dropped. Until the IdP fetches the set again it still has it (documented); the next fetch,
        // here caused by a kid it has not cached, ends it.
        serve(next);
        assertThat(push(business, old)).isEqualTo(201);
        awaitRefetchAllowed();
        assertThat(push(business, key("never-published"))).isEqualTo(401);
        assertThat(fetches.get()).isEqualTo(3);
        assertThat(push(business, old)).isEqualTo(401);
        assertThat(push(business, next)).isEqualTo(201);
    }

    private int push(TestBusiness business, ECKey key) throws Exception {
        var answer = business.push(business.authorizationRequest(new CodeVerifier(), "openid"), business.assertion(key));
        if (answer.getStatusCode() == 401) {
            // Keycloak's PAR endpoint names a failed client authentication so (not invalid_client).
            assertThat(JSONObjectUtils.parse(answer.getBody())).containsEntry("error_description", "Authentication failed.");
        }
        return answer.getStatusCode();
    }

    private void serve(ECKey... keys) {
        served.set(new JWKSet(List.of(keys).stream().map(ECKey::toPublicJWK).map(jwk -> (com.nimbusds.jose.jwk.JWK) jwk)
                .toList()).toString());
    }

    /** Waits until the IdP's minimum time between two fetches of this set has passed since the last one. */
    private void awaitRefetchAllowed() throws InterruptedException {
        Duration left = Duration.between(Instant.now(), lastFetch.get().plus(REFETCH_INTERVAL));
        if (!left.isNegative()) {
            Thread.sleep(left.toMillis());
        }
    }

    private static ECKey key(String kid) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID(kid).generate();
    }
}
