package hk.smartid.idp.enrolment;

import hk.smartid.idp.access.BearerCaller;
import hk.smartid.idp.assurance.AssuranceLevel;
import hk.smartid.idp.audit.StaffAction;
import hk.smartid.idp.audit.StaffActionOutcome;
import hk.smartid.idp.audit.StaffAuditTrail;
import hk.smartid.idp.hkid.HkidNumber;
import hk.smartid.idp.hkid.HkidRegister;
import hk.smartid.idp.passkey.PasskeyRegistrationFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The staff enrolment API ({@code /realms/smartid/enrolment}). Called by the portal's staff console with
 * the staff member's own access token; the IdP checks the role and the age of the login itself.
 * Every call, refused ones included, goes to the staff audit trail.
 */
public class EnrolmentResource {

    public static final String STAFF_ROLE = "counter-staff";
    /** Set by administrators on each staff account: the counter branch they work at. */
    public static final String BRANCH_ATTRIBUTE = "counter_branch";

    static final String HKID_ATTRIBUTE = "hkid_number";
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    private final KeycloakSession session;
    private final EnrolmentPolicy policy;
    private final RealmModel realm;
    private final Clock clock = Clock.systemUTC();

    EnrolmentResource(KeycloakSession session, EnrolmentPolicy policy) {
        this.session = session;
        this.policy = policy;
        this.realm = session.getContext().getRealm();
    }

    /** Find a resident by HKID number. */
    @GET
    @Path("residents")
    @Produces(MediaType.APPLICATION_JSON)
    public Response findResident(@QueryParam("hkid") String hkid) {
        StaffCall call = authenticate(StaffAction.SEARCH);
        if (call.refusal() != null) {
            return call.refusal();
        }
        HkidNumber.ParseResult parsed = HkidNumber.parse(hkid);
        if (!parsed.isValid()) {
            audit(call, StaffAction.SEARCH, null, StaffActionOutcome.INVALID, "hkid " + parsed.problem().orElseThrow());
            return fieldErrors(Map.of("hkidNumber", parsed.problem().orElseThrow().messageKey()));
        }
        Optional<UserModel> resident = residentWith(parsed.number().orElseThrow());
        audit(call, StaffAction.SEARCH, resident.map(UserModel::getId).orElse(null),
                resident.isPresent() ? StaffActionOutcome.SUCCESS : StaffActionOutcome.NOT_FOUND, null);
        return resident.map(r -> Response.ok(ResidentRecord.of(r)).build())
                .orElseGet(() -> error(Response.Status.NOT_FOUND, "resident_not_found"));
    }

    /**
     * Enrol a resident whose identity staff have checked in person: creates the account at
     * {@code loa-verified} and returns a one-time activation code. Nothing is created when anything is refused.
     */
    @POST
    @Path("residents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response enrol(EnrolmentRequest request) {
        StaffCall call = authenticate(StaffAction.ENROL);
        if (call.refusal() != null) {
            return call.refusal();
        }
        if (request == null) {
            audit(call, StaffAction.ENROL, null, StaffActionOutcome.INVALID, "no body");
            return error(Response.Status.BAD_REQUEST, "invalid_request");
        }
        Map<String, String> errors = request.fieldErrors(LocalDate.now(clock.withZone(HONG_KONG)));
        if (!errors.isEmpty()) {
            audit(call, StaffAction.ENROL, null, StaffActionOutcome.INVALID, "fields " + errors.keySet());
            return fieldErrors(errors);
        }
        HkidNumber hkid = HkidNumber.of(request.hkidNumber());
        Optional<UserModel> existing = residentWith(hkid);
        if (existing.isPresent()) {
            audit(call, StaffAction.ENROL, existing.get().getId(), StaffActionOutcome.DUPLICATE, "hkid already enrolled");
            return error(Response.Status.CONFLICT, "hkid_already_enrolled");
        }
        UserModel contactHolder = session.users().getUserByUsername(realm, request.contact());
        if (contactHolder != null && isSelfRegistered(contactHolder)) {
            // The person registered online before: verify that account rather than make a second one.
            audit(call, StaffAction.ENROL, contactHolder.getId(), StaffActionOutcome.DUPLICATE,
                    "contact belongs to a self-registered account");
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "contact_has_basic_account", "residentId", contactHolder.getId())).build();
        }
        if (contactHolder != null) {
            audit(call, StaffAction.ENROL, null, StaffActionOutcome.DUPLICATE, "contact already used");
            return fieldErrors(Map.of("mobileNumber", "smartid.enrolment.contact.inUse"));
        }
        UserModel resident;
        try {
            Map<String, List<String>> attributes = profileAttributes(request, hkid, call);
            attributes.put(UserModel.USERNAME, List.of(request.contact()));
            UserProfile profile = session.getProvider(UserProfileProvider.class)
                    .create(UserProfileContext.USER_API, attributes);
            resident = profile.create();
        } catch (ValidationException e) {
            Map<String, String> profileErrors = firstErrorPerAttribute(e);
            audit(call, StaffAction.ENROL, null, StaffActionOutcome.INVALID, "profile " + profileErrors.keySet());
            return fieldErrors(profileErrors);
        }
        resident.setEnabled(true);
        if (!EnrolmentRequest.blank(request.preferredLanguage())) {
            resident.setSingleAttribute(UserModel.LOCALE, request.preferredLanguage().trim());
        }
        resident.addRequiredAction(PasskeyRegistrationFactory.PROVIDER_ID);
        IssuedActivationCode code = new ActivationCodes(session)
                .issue(realm, resident, call.staff().getId(), call.branch(), policy.activationCodeValidity());
        // Claimed last, so that a concurrent enrolment of the same number waits only for this commit.
        if (!new HkidRegister(session).claim(realm, resident, hkid)) {
            return refuseClaimedMeanwhile(call, StaffAction.ENROL, hkid, null);
        }
        audit(call, StaffAction.ENROL, resident.getId(), StaffActionOutcome.SUCCESS, null);
        return Response.status(Response.Status.CREATED).entity(new ActivationCodeIssued(resident.getId(), code)).build();
    }

    /** A new activation code for a resident who lost their device, after staff re-verified them in person. */
    @POST
    @Path("residents/{id}/activation-code")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reissue(@PathParam("id") String residentId) {
        StaffCall call = authenticate(StaffAction.REISSUE);
        if (call.refusal() != null) {
            return call.refusal();
        }
        UserModel resident = session.users().getUserById(realm, residentId);
        if (resident == null || resident.getFirstAttribute(HKID_ATTRIBUTE) == null) {
            audit(call, StaffAction.REISSUE, residentId, StaffActionOutcome.NOT_FOUND, null);
            return error(Response.Status.NOT_FOUND, "resident_not_found");
        }
        IssuedActivationCode code = new ActivationCodes(session)
                .issue(realm, resident, call.staff().getId(), call.branch(), policy.activationCodeValidity());
        audit(call, StaffAction.REISSUE, resident.getId(), StaffActionOutcome.SUCCESS, null);
        return Response.status(Response.Status.CREATED).entity(new ActivationCodeIssued(resident.getId(), code)).build();
    }

    /**
     * Verify a self-registered ({@code loa-basic}) account in person: it becomes {@code loa-verified} with
     * the identity from the HKID card, keeping its login name, passkeys and history. No code is needed.
     */
    @POST
    @Path("residents/{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response verifyExisting(@PathParam("id") String residentId, EnrolmentRequest request) {
        StaffCall call = authenticate(StaffAction.VERIFY);
        if (call.refusal() != null) {
            return call.refusal();
        }
        UserModel resident = session.users().getUserById(realm, residentId);
        if (resident == null) {
            audit(call, StaffAction.VERIFY, residentId, StaffActionOutcome.NOT_FOUND, null);
            return error(Response.Status.NOT_FOUND, "resident_not_found");
        }
        if (!isSelfRegistered(resident)) {
            audit(call, StaffAction.VERIFY, residentId, StaffActionOutcome.DUPLICATE, "already verified");
            return error(Response.Status.CONFLICT, "already_verified");
        }
        if (request == null) {
            audit(call, StaffAction.VERIFY, residentId, StaffActionOutcome.INVALID, "no body");
            return error(Response.Status.BAD_REQUEST, "invalid_request");
        }
        Map<String, String> errors = request.fieldErrors(LocalDate.now(clock.withZone(HONG_KONG)), false);
        if (!errors.isEmpty()) {
            audit(call, StaffAction.VERIFY, residentId, StaffActionOutcome.INVALID, "fields " + errors.keySet());
            return fieldErrors(errors);
        }
        HkidNumber hkid = HkidNumber.of(request.hkidNumber());
        if (residentWith(hkid).isPresent()) {
            audit(call, StaffAction.VERIFY, residentId, StaffActionOutcome.DUPLICATE, "hkid already enrolled");
            return error(Response.Status.CONFLICT, "hkid_already_enrolled");
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>(resident.getAttributes());
        attributes.putAll(profileAttributes(request, hkid, call));
        attributes.put(UserModel.USERNAME, List.of(resident.getUsername()));
        try {
            session.getProvider(UserProfileProvider.class)
                    .create(UserProfileContext.USER_API, attributes, resident).update();
        } catch (ValidationException e) {
            Map<String, String> profileErrors = firstErrorPerAttribute(e);
            audit(call, StaffAction.VERIFY, residentId, StaffActionOutcome.INVALID, "profile " + profileErrors.keySet());
            return fieldErrors(profileErrors);
        }
        if (!new HkidRegister(session).claim(realm, resident, hkid)) {
            return refuseClaimedMeanwhile(call, StaffAction.VERIFY, hkid, residentId);
        }
        audit(call, StaffAction.VERIFY, residentId, StaffActionOutcome.SUCCESS, null);
        return Response.ok(ResidentRecord.of(resident)).build();
    }

    /**
     * The number was enrolled by a concurrent request after this one checked: nothing this request did is kept,
     * and the refusal is audited in a transaction of its own, as the request's transaction is rolled back.
     * {@code residentId} is the account the call was about; for a new enrolment, the number's holder is named.
     */
    private Response refuseClaimedMeanwhile(StaffCall call, StaffAction action, HkidNumber hkid, String residentId) {
        session.getTransactionManager().setRollbackOnly();
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), auditSession -> {
            String about = residentId != null ? residentId
                    : new HkidRegister(auditSession).holderOf(hkid).orElse(null);
            new StaffAuditTrail(auditSession).record(auditSession.realms().getRealm(realm.getId()), action,
                    call.staff().getId(), call.staff().getUsername(), call.branch(), about,
                    StaffActionOutcome.DUPLICATE, "hkid already enrolled");
        });
        return error(Response.Status.CONFLICT, "hkid_already_enrolled");
    }

    /** Keycloak's user-profile errors as field errors: the request field to the message key of its first error. */
    private static Map<String, String> firstErrorPerAttribute(ValidationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getErrors().forEach(error -> errors.putIfAbsent(
                REQUEST_FIELD_OF_ATTRIBUTE.getOrDefault(error.getAttribute(), error.getAttribute()), error.getMessage()));
        return errors;
    }

    /** User-profile attribute to the request field a person typed it in, so errors land next to that field. */
    private static final Map<String, String> REQUEST_FIELD_OF_ATTRIBUTE = Map.ofEntries(
            Map.entry(HKID_ATTRIBUTE, "hkidNumber"), Map.entry("surname_en", "surname"),
            Map.entry("given_names_en", "givenNames"), Map.entry(UserModel.FIRST_NAME, "givenNames"),
            Map.entry("name_zh", "chineseName"), Map.entry("birthdate", "dateOfBirth"),
            Map.entry("residential_address", "residentialAddress"), Map.entry("mobile_number", "mobileNumber"),
            Map.entry(UserModel.USERNAME, "mobileNumber"), Map.entry(UserModel.EMAIL, "email"));

    /** Registered online with a passkey and never checked at a counter. */
    private static boolean isSelfRegistered(UserModel user) {
        return user.getFirstAttribute(HKID_ATTRIBUTE) == null
                && AssuranceLevel.of(user) == AssuranceLevel.BASIC;
    }

    private Map<String, List<String>> profileAttributes(EnrolmentRequest request, HkidNumber hkid, StaffCall call) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(UserModel.FIRST_NAME, List.of(request.displayName()));
        put(attributes, UserModel.EMAIL, request.email());
        put(attributes, HKID_ATTRIBUTE, hkid.toString());
        put(attributes, "surname_en", request.surname().trim().toUpperCase(java.util.Locale.ROOT));
        put(attributes, "given_names_en", request.givenNames());
        put(attributes, "name_zh", request.chineseName());
        put(attributes, "birthdate", request.dateOfBirth());
        put(attributes, "gender", request.gender());
        put(attributes, "residential_address", request.residentialAddress());
        put(attributes, "mobile_number", request.mobileNumber());
        put(attributes, AssuranceLevel.USER_ATTRIBUTE, AssuranceLevel.VERIFIED.acr());
        put(attributes, "verified_by", call.staff().getId());
        put(attributes, "verified_branch", call.branch());
        put(attributes, "verified_at", Instant.now(clock).toString());
        return attributes;
    }

    private static void put(Map<String, List<String>> attributes, String name, String value) {
        if (!EnrolmentRequest.blank(value)) {
            attributes.put(name, List.of(value.trim()));
        }
    }

    private Optional<UserModel> residentWith(HkidNumber hkid) {
        return session.users().searchForUserByUserAttributeStream(realm, HKID_ATTRIBUTE, hkid.toString()).findFirst();
    }

    /** Who calls, or why they may not: no valid token, not counter staff, or a login too old (RFC 9470 step-up). */
    private StaffCall authenticate(StaffAction action) {
        Optional<BearerCaller> bearer = BearerCaller.of(session);
        if (bearer.isEmpty()) {
            return StaffCall.refused(BearerCaller.invalidToken());
        }
        UserModel caller = bearer.get().user();
        String branch = Optional.ofNullable(caller.getFirstAttribute(BRANCH_ATTRIBUTE)).orElse("unassigned");
        if (!bearer.get().hasRealmRole(STAFF_ROLE)) {
            trail().record(realm, action, caller.getId(), caller.getUsername(), branch, null,
                    StaffActionOutcome.REFUSED, "caller lacks role " + STAFF_ROLE);
            return StaffCall.refused(BearerCaller.insufficientRole());
        }
        AccessToken token = bearer.get().auth().getToken();
        StaffLoginAge loginAge = new StaffLoginAge(token.getAuth_time(), token.getIat(),
                caller.getServiceAccountClientLink() != null);
        long maxAge = policy.staffMaxAuthAge().toSeconds();
        if (!loginAge.isWithin(policy.staffMaxAuthAge(), Instant.now(clock))) {
            trail().record(realm, action, caller.getId(), caller.getUsername(), branch, null,
                    StaffActionOutcome.REFUSED, "login older than " + maxAge + " s");
            return StaffCall.refused(Response.status(Response.Status.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\", "
                            + "error_description=\"A more recent login is required\", max_age=" + maxAge)
                    .entity(Map.of("error", "insufficient_user_authentication", "max_age", maxAge))
                    .type(MediaType.APPLICATION_JSON).build());
        }
        return new StaffCall(caller, branch, null);
    }

    private void audit(StaffCall call, StaffAction action, String residentId, StaffActionOutcome outcome, String detail) {
        trail().record(realm, action, call.staff().getId(), call.staff().getUsername(), call.branch(), residentId,
                outcome, detail);
    }

    private StaffAuditTrail trail() {
        return new StaffAuditTrail(session);
    }

    private static Response fieldErrors(Map<String, String> errors) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "invalid_request", "fields", errors)).build();
    }

    private static Response error(Response.Status status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", error)).build();
    }

    private record StaffCall(UserModel staff, String branch, Response refusal) {
        static StaffCall refused(Response refusal) {
            return new StaffCall(null, null, refusal);
        }
    }
}
