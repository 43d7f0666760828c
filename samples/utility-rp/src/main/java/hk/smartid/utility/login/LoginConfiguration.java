package hk.smartid.utility.login;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OidcBackChannelLogoutHandler;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.session.InMemoryOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Login with SmartID as with any OpenID provider: authorization code with PKCE, the code redeemed with a
 * {@code private_key_jwt} client assertion, RP-initiated logout back to the home page, and back-channel logout (SmartID
 * posts a logout token to {@code /logout/connect/back-channel/smartid} when the customer's SmartID session ends, e.g.
 * "This was not me": the customer's session here ends too). Everything about the provider comes from its discovery
 * document (application.properties: {@code issuer-uri}).
 */
@Configuration
public class LoginConfiguration {

    @Bean
    ECKey clientKey(@Value("${utility.data-dir}") Path dataDirectory) throws IOException {
        return ClientKey.loadOrCreate(dataDirectory);
    }

    /** The customers' SmartID sessions, by {@code sid}, so a logout token can name the session it ends. */
    @Bean
    OidcSessionRegistry oidcSessions() {
        return new InMemoryOidcSessionRegistry();
    }

    /** Ends the session a logout token names; it needs to know our session cookie's name (application.properties). */
    @Bean
    OidcBackChannelLogoutHandler backChannelLogout(OidcSessionRegistry sessions,
                                                   @Value("${server.servlet.session.cookie.name}") String sessionCookie) {
        OidcBackChannelLogoutHandler handler = new OidcBackChannelLogoutHandler(sessions);
        handler.setSessionCookieName(sessionCookie);
        return handler;
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, ClientRegistrationRepository registrations, ECKey clientKey) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        // PKCE for a confidential client too, and the provider's pages in the reader's language (OIDC ui_locales).
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(request -> request.additionalParameters(parameters ->
                        parameters.put("ui_locales", LocaleContextHolder.getLocale().toLanguageTag()))));

        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        tokens.addParametersConverter(new NimbusJwtClientAuthenticationParametersConverter<OAuth2AuthorizationCodeGrantRequest>(
                registration -> clientKey));

        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/");

        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/jwks.json", "/utility.css", "/error", "/logout/connect/back-channel/*").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage("/")
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                        .tokenEndpoint(endpoint -> endpoint.accessTokenResponseClient(tokens)))
                .logout(out -> out.logoutSuccessHandler(logout))
                .oidcLogout(out -> out.backChannel(Customizer.withDefaults()))
                .build();
    }

    /** The public half of the client key, where the registration's {@code jwksUri} points. */
    @RestController
    static class ClientKeySet {

        private final ECKey clientKey;

        ClientKeySet(ECKey clientKey) {
            this.clientKey = clientKey;
        }

        @GetMapping(value = "/jwks.json", produces = "application/json")
        Map<String, Object> jwks() {
            return new JWKSet(clientKey.toPublicJWK()).toJSONObject();
        }
    }
}
