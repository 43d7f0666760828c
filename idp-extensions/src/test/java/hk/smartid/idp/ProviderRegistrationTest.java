package hk.smartid.idp;

import hk.smartid.idp.assurance.AssuranceLevelMapper;
import hk.smartid.idp.digitalid.DigitalIdResourceProviderFactory;
import hk.smartid.idp.passkey.PasskeyCredentialProviderFactory;
import hk.smartid.idp.passkey.PasskeyUseListenerFactory;
import hk.smartid.idp.persondata.DataSharingResourceProviderFactory;
import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.credential.WebAuthnPasswordlessCredentialProviderFactory;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.protocol.ProtocolMapper;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak finds providers only through META-INF/services; a missing line fails silently at runtime. */
class ProviderRegistrationTest {

    @Test
    void shouldRegisterTheAssuranceLevelMapper() {
        assertThat(ServiceLoader.load(ProtocolMapper.class).stream().map(ServiceLoader.Provider::type))
                .contains(AssuranceLevelMapper.class);
    }

    @Test
    void shouldRegisterThePasskeyUseListenerUnderTheIdTheRealmEnables() {
        assertThat(ServiceLoader.load(EventListenerProviderFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(PasskeyUseListenerFactory.class);
        assertThat(PasskeyUseListenerFactory.PROVIDER_ID).isEqualTo("smartid-passkey-use");
    }

    @Test
    void shouldServeDataSharingUnderTheRealm() {
        assertThat(ServiceLoader.load(RealmResourceProviderFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(DataSharingResourceProviderFactory.class::isInstance)
                .map(RealmResourceProviderFactory::getId))
                .containsExactly("data-sharing");
    }

    @Test
    void shouldServeTheResidentsDigitalIdUnderTheRealm() {
        assertThat(ServiceLoader.load(RealmResourceProviderFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(DigitalIdResourceProviderFactory.class::isInstance)
                .map(RealmResourceProviderFactory::getId))
                .containsExactly("digital-id");
    }

    @Test
    void shouldTakeThePlaceOfKeycloaksPasskeyCredentialProvider() {
        PasskeyCredentialProviderFactory ours = ServiceLoader.load(CredentialProviderFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(PasskeyCredentialProviderFactory.class::isInstance)
                .map(PasskeyCredentialProviderFactory.class::cast).findFirst().orElseThrow();
        assertThat(ours.getId()).isEqualTo(WebAuthnPasswordlessCredentialProviderFactory.PROVIDER_ID);
        assertThat(ours.order()).isGreaterThan(new WebAuthnPasswordlessCredentialProviderFactory().order());
    }
}
