package hk.smartid.idp.consent;

import hk.smartid.idp.bank.BankClient;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.models.utils.RepresentationToModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

import java.util.List;
import java.util.Map;

/**
 * Names, in a bank's access token, the consent the resident gave in the login that token came from, so the person-data
 * API answers under that consent's purpose and items. Read when the token is issued: with single sign-on one client
 * session serves every login of the resident to the bank, and its note then names the newest consent only.
 */
public class ConsentClaimMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper {

    public static final String PROVIDER_ID = "smartid-consent-claim-mapper";
    public static final String CLAIM = "smartid_consent";
    public static final String NAME = "consent of the login";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "SmartID consent of the login";
    }

    @Override
    public String getHelpText() {
        return "Adds the claim " + CLAIM + ": the id of the consent the resident gave in this login (banks only).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    /** Once the database is migrated, banks registered before this claim existed get the mapper. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, ConsentClaimMapper::addToEarlierBanks);
            }
        });
    }

    /**
     * Without the claim a bank's tokens are refused at the person-data API. Nodes of a cluster starting together may
     * both add it; the two mappers then set the same claim.
     */
    static void addToEarlierBanks(KeycloakSession session) {
        session.realms().getRealmsStream().forEach(realm -> realm.getClientsStream()
                .filter(client -> BankClient.of(client).isPresent())
                .filter(client -> client.getProtocolMappersStream()
                        .noneMatch(mapper -> PROVIDER_ID.equals(mapper.getProtocolMapper())))
                .forEach(client -> client.addProtocolMapper(RepresentationToModel.toModel(representation()))));
    }

    /** The mapper as a data-sharing bank's client carries it. */
    public static ProtocolMapperRepresentation representation() {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(NAME);
        mapper.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        mapper.setProtocolMapper(PROVIDER_ID);
        mapper.setConfig(Map.of(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, "true"));
        return mapper;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession keycloakSession, ClientSessionContext clientSessionCtx) {
        String consentId = clientSessionCtx.getClientSession().getNote(Consent.LOGIN_NOTE);
        if (consentId != null) {
            token.getOtherClaims().put(CLAIM, consentId);
        }
    }
}
