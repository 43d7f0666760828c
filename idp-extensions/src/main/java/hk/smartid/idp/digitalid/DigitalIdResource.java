package hk.smartid.idp.digitalid;

import hk.smartid.idp.access.ApiError;
import hk.smartid.idp.access.BearerCaller;
import hk.smartid.idp.assurance.AssuranceLevel;
import hk.smartid.idp.realm.RealmRole;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The calling resident's own digital-ID attributes, for pre-filling an e-service form (e-ME form filling):
 * {@code GET /realms/smartid/digital-id/attributes} with the resident's bearer token (role {@code resident}). The
 * portal asks when the resident opens a form and again when they submit it; nothing is copied ahead of time.
 *
 * <p>An attribute is {@code verified} when counter staff vouched for it: the account is {@code loa-verified} (its
 * identity was checked against the HKID card at enrolment or in-person verification, which is when the counter
 * writes these attributes) and the attribute is one the counter checks ({@link DigitalIdAttribute#checkedAtCounter()}:
 * names, HKID number, date of birth, gender, address). A self-registered account's values (its contact, the login name,
 * answered as its email or mobile number), and anyone's mobile number and email, are what the person declared: not
 * verified.
 */
public class DigitalIdResource {

    private final KeycloakSession session;

    DigitalIdResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("attributes")
    @Produces(MediaType.APPLICATION_JSON)
    public Response attributes() {
        UserModel resident;
        try {
            resident = BearerCaller.withRealmRole(session, RealmRole.RESIDENT).user();
        } catch (ApiError refusal) {
            return refusal.response();
        }
        AssuranceLevel level = AssuranceLevel.of(resident);
        List<Attribute> attributes = Arrays.stream(DigitalIdAttribute.values())
                .flatMap(attribute -> attribute.valueOf(resident).stream().map(value -> new Attribute(
                        attribute.attribute(), value, level == AssuranceLevel.VERIFIED && attribute.checkedAtCounter())))
                .toList();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(Map.of("assuranceLevel", level.acr(), "attributes", attributes)).cacheControl(noStore).build();
    }

    /** One attribute as the API answers it. */
    record Attribute(String name, String value, boolean verified) {
    }
}
