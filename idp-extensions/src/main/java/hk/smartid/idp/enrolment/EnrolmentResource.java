package hk.smartid.idp.enrolment;

import hk.smartid.idp.access.ApiError;
import hk.smartid.idp.assurance.AssuranceLevel;
import hk.smartid.idp.audit.StaffAction;
import hk.smartid.idp.audit.StaffActionOutcome;
import hk.smartid.idp.audit.StaffAuditTrail;
import hk.smartid.idp.audit.StaffCall;
import hk.smartid.idp.hkid.HkidNumber;
import hk.smartid.idp.hkid.HkidRegister;
import hk.smartid.idp.passkey.PasskeyRegistrationFactory;
import hk.smartid.idp.realm.RealmRole;
import hk.smartid.idp.realm.ResidentAttribute;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.connections.jpa.support.EntityManagers;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The staff enrolment API ({@code /realms/smartid/enrolment}). Called by the portal's staff console with
 * the staff member's own access token; the IdP checks the role and the age of the login itself.
 * Every call, refused ones included, goes to the staff audit trail.
 */
public class EnrolmentResource {

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
        try {
            StaffCall call = authenticate(StaffAction.SEARCH);
            HkidNumber.ParseResult parsed = HkidNumber.parse(hkid);
            if (!parsed.isValid()) {
                throw call.refuse(ApiError.invalidFields(Map.of("hkidNumber", parsed.problem().orElseThrow().messageKey())),
                        null, StaffActionOutcome.INVALID, "hkid " + parsed.problem().orElseThrow());
            }
            Optional<UserModel> resident = residentWith(parsed.number().orElseThrow());
            if (resident.isEmpty()) {
                throw call.refuse(notFound(), null, StaffActionOutcome.NOT_FOUND, null);
            }
            call.record(StaffActionOutcome.SUCCESS, resident.get().getId(), null);
            return Response.ok(ResidentRecord.of(resident.get())).build();
        } catch (ApiError refusal) {
            return refusal.response();
        }
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
        try {
            StaffCall call = authenticate(StaffAction.ENROL);
            requireFields(call, null, request, true);
            HkidNumber hkid = HkidNumber.of(request.hkidNumber());
            Optional<UserModel> existing = residentWith(hkid);
            if (existing.isPresent()) {
                throw call.refuse(alreadyEnrolled(), existing.get().getId(), StaffActionOutcome.DUPLICATE, "hkid already enrolled");
            }
            UserModel contactHolder = session.users().getUserByUsername(realm, request.contact());
            if (contactHolder != null && isSelfRegistered(contactHolder)) {
                // The person registered online before: verify that account rather than make a second one.
                throw call.refuse(ApiError.of(Response.Status.CONFLICT, "contact_has_basic_account",
                                "The contact belongs to a self-registered account: verify that account instead")
                                .with("residentId", contactHolder.getId()),
                        contactHolder.getId(), StaffActionOutcome.DUPLICATE, "contact belongs to a self-registered account");
            }
            if (contactHolder != null) {
                throw call.refuse(ApiError.invalidFields(Map.of("mobileNumber", "smartid.enrolment.contact.inUse")),
                        null, StaffActionOutcome.DUPLICATE, "contact already used");
            }
            UserModel resident;
            try {
                resident = createResident(request, hkid, call);
            } catch (ValidationException e) {
                Map<String, String> profileErrors = firstErrorPerAttribute(e);
                throw call.refuse(ApiError.invalidFields(profileErrors), null, StaffActionOutcome.INVALID,
                        "profile " + profileErrors.keySet());
            }
            IssuedActivationCode code = new ActivationCodes(session)
                    .issue(realm, resident, call.staff().getId(), call.branch(), policy.activationCodeValidity());
            // Claimed last, so that a concurrent enrolment of the same number waits only for this commit.
            if (!new HkidRegister(session).claim(realm, resident, hkid)) {
                throw refuseClaimedMeanwhile(call, StaffAction.ENROL, hkid, null);
            }
            call.record(StaffActionOutcome.SUCCESS, resident.getId(), null);
            return Response.status(Response.Status.CREATED).entity(new ActivationCodeIssued(resident.getId(), code)).build();
        } catch (ApiError refusal) {
            return refusal.response();
        }
    }

    /**
     * Enrols residents a register has already checked (seeding a realm, bringing residents over from the HKID
     * register) in one transaction: every new resident of the batch is enrolled exactly as {@link #enrol} leaves
     * one (attributes, {@code loa-verified}, the passkey required action, the HKID register row), or none is. A
     * resident whose HKID number is already held is skipped, so a batch sent again, or a run resumed, adds
     * nothing. No activation code is issued: nobody is at a counter to be handed one; the resident gets one by
     * re-issue when they come. Needs the role {@code resident-bulk-enrolment}; the batch is one audit line.
     */
    @POST
    @Path("batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response enrolBatch(EnrolmentBatch batch) {
        try {
            StaffCall call = StaffCall.of(session, StaffAction.BULK_ENROL, RealmRole.BULK_ENROLMENT);
            List<EnrolmentRequest> residents = checkedBatch(call, batch);
            BatchProgress progress = new BatchProgress();
            // Keycloak's own bulk import mode: a persistence context of the batch's own, no flush per new user; cleared
            // after each resident, so that every flush checks one resident's entities rather than the whole batch's.
            EntityManagers.runInBatch(session, () -> enrolEach(call, residents, progress), true);
            if (progress.refusal != null) {
                throw refuseAndRollBack(call, progress.refusal, progress.outcome, progress.detail);
            }
            int enrolled = progress.enrolled;
            int skipped = residents.size() - enrolled;
            call.record(StaffActionOutcome.SUCCESS, null, "enrolled " + enrolled + ", skipped " + skipped + " already enrolled");
            return Response.ok(Map.of("enrolled", enrolled, "skipped", skipped)).build();
        } catch (ApiError refusal) {
            return refusal.response();
        }
    }

    /** How far a batch got, and why it stopped if it did (answered once Keycloak's batch mode has ended). */
    private static final class BatchProgress {
        int enrolled;
        ApiError refusal;
        StaffActionOutcome outcome;
        String detail;

        void refuse(ApiError refusal, StaffActionOutcome outcome, String detail) {
            this.refusal = refusal;
            this.outcome = outcome;
            this.detail = detail;
        }
    }

    /** Enrols each resident not enrolled yet, as {@link #enrol} does without the code; stops at the first refusal. */
    private void enrolEach(StaffCall call, List<EnrolmentRequest> residents, BatchProgress progress) {
        HkidRegister register = new HkidRegister(session);
        for (int index = 0; index < residents.size(); index++) {
            EnrolmentRequest request = residents.get(index);
            HkidNumber hkid = HkidNumber.of(request.hkidNumber());
            if (register.holderOf(hkid).isPresent()) {
                continue;
            }
            if (session.users().getUserByUsername(realm, request.contact()) != null) {
                progress.refuse(ApiError.of(Response.Status.CONFLICT, "contact_in_use",
                                "The contact of a resident in the batch belongs to another account").with("index", index),
                        StaffActionOutcome.DUPLICATE, "contact of resident " + index + " already used");
                return;
            }
            UserModel resident;
            try {
                resident = createResident(request, hkid, call);
            } catch (ValidationException e) {
                Map<String, String> profileErrors = firstErrorPerAttribute(e);
                progress.refuse(ApiError.invalidFields(profileErrors).with("index", index), StaffActionOutcome.INVALID,
                        "profile of resident " + index + " " + profileErrors.keySet());
                return;
            }
            if (!register.claim(realm, resident, hkid)) {
                progress.refuse(alreadyEnrolled().with("index", index), StaffActionOutcome.DUPLICATE,
                        "hkid of resident " + index + " enrolled meanwhile");
                return;
            }
            progress.enrolled++;
            EntityManagers.flush(session, true);
        }
    }

    /** The batch's residents, each valid and each HKID number and contact once, before anything is written. */
    private List<EnrolmentRequest> checkedBatch(StaffCall call, EnrolmentBatch batch) throws ApiError {
        if (batch == null || batch.residents() == null || batch.residents().isEmpty()) {
            throw call.refuse(ApiError.of(Response.Status.BAD_REQUEST, "invalid_request", "The body is not a batch of residents"),
                    null, StaffActionOutcome.INVALID, "no residents");
        }
        List<EnrolmentRequest> residents = batch.residents();
        if (residents.size() > EnrolmentBatch.MAX_RESIDENTS) {
            throw call.refuse(ApiError.of(Response.Status.BAD_REQUEST, "batch_too_large",
                            "A batch holds at most " + EnrolmentBatch.MAX_RESIDENTS + " residents")
                            .with("maxResidents", EnrolmentBatch.MAX_RESIDENTS),
                    null, StaffActionOutcome.INVALID, residents.size() + " residents");
        }
        LocalDate today = LocalDate.now(clock.withZone(HONG_KONG));
        Set<String> numbers = new HashSet<>();
        Set<String> contacts = new HashSet<>();
        for (int index = 0; index < residents.size(); index++) {
            EnrolmentRequest request = residents.get(index);
            Map<String, String> errors = request == null ? Map.of("hkidNumber", EnrolmentRequest.REQUIRED)
                    : new LinkedHashMap<>(request.fieldErrors(today));
            if (errors.isEmpty() && !numbers.add(HkidNumber.of(request.hkidNumber()).toString())) {
                errors.put("hkidNumber", "smartid.enrolment.hkid.repeatedInBatch");
            }
            if (errors.isEmpty() && !contacts.add(request.contact())) {
                errors.put("mobileNumber", "smartid.enrolment.contact.repeatedInBatch");
            }
            if (!errors.isEmpty()) {
                throw call.refuse(ApiError.invalidFields(errors).with("index", index), null, StaffActionOutcome.INVALID,
                        "resident " + index + " fields " + errors.keySet());
            }
        }
        return residents;
    }

    /**
     * A new account as counter enrolment and batches make it, before its HKID number is claimed: the user profile's
     * attributes at {@code loa-verified}, enabled, the preferred language, the passkey registration required.
     */
    private UserModel createResident(EnrolmentRequest request, HkidNumber hkid, StaffCall call) throws ValidationException {
        Map<String, List<String>> attributes = profileAttributes(request, hkid, call);
        attributes.put(UserModel.USERNAME, List.of(request.contact()));
        UserModel resident = session.getProvider(UserProfileProvider.class)
                .create(UserProfileContext.USER_API, attributes).create();
        resident.setEnabled(true);
        if (!EnrolmentRequest.blank(request.preferredLanguage())) {
            resident.setSingleAttribute(UserModel.LOCALE, request.preferredLanguage().trim());
        }
        resident.addRequiredAction(PasskeyRegistrationFactory.PROVIDER_ID);
        return resident;
    }

    /** A new activation code for a resident who lost their device, after staff re-verified them in person. */
    @POST
    @Path("residents/{id}/activation-code")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reissue(@PathParam("id") String residentId) {
        try {
            StaffCall call = authenticate(StaffAction.REISSUE);
            UserModel resident = session.users().getUserById(realm, residentId);
            if (resident == null || resident.getFirstAttribute(ResidentAttribute.HKID_NUMBER) == null) {
                throw call.refuse(notFound(), residentId, StaffActionOutcome.NOT_FOUND, null);
            }
            IssuedActivationCode code = new ActivationCodes(session)
                    .issue(realm, resident, call.staff().getId(), call.branch(), policy.activationCodeValidity());
            call.record(StaffActionOutcome.SUCCESS, resident.getId(), null);
            return Response.status(Response.Status.CREATED).entity(new ActivationCodeIssued(resident.getId(), code)).build();
        } catch (ApiError refusal) {
            return refusal.response();
        }
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
        try {
            StaffCall call = authenticate(StaffAction.VERIFY);
            UserModel resident = session.users().getUserById(realm, residentId);
            if (resident == null) {
                throw call.refuse(notFound(), residentId, StaffActionOutcome.NOT_FOUND, null);
            }
            if (!isSelfRegistered(resident)) {
                throw call.refuse(ApiError.of(Response.Status.CONFLICT, "already_verified", "The account is already verified"),
                        residentId, StaffActionOutcome.DUPLICATE, "already verified");
            }
            requireFields(call, residentId, request, false);
            HkidNumber hkid = HkidNumber.of(request.hkidNumber());
            if (residentWith(hkid).isPresent()) {
                throw call.refuse(alreadyEnrolled(), residentId, StaffActionOutcome.DUPLICATE, "hkid already enrolled");
            }
            Map<String, List<String>> attributes = new LinkedHashMap<>(resident.getAttributes());
            attributes.putAll(profileAttributes(request, hkid, call));
            attributes.put(UserModel.USERNAME, List.of(resident.getUsername()));
            try {
                session.getProvider(UserProfileProvider.class)
                        .create(UserProfileContext.USER_API, attributes, resident).update();
            } catch (ValidationException e) {
                Map<String, String> profileErrors = firstErrorPerAttribute(e);
                throw call.refuse(ApiError.invalidFields(profileErrors), residentId, StaffActionOutcome.INVALID,
                        "profile " + profileErrors.keySet());
            }
            if (!new HkidRegister(session).claim(realm, resident, hkid)) {
                throw refuseClaimedMeanwhile(call, StaffAction.VERIFY, hkid, residentId);
            }
            call.record(StaffActionOutcome.SUCCESS, residentId, null);
            return Response.ok(ResidentRecord.of(resident)).build();
        } catch (ApiError refusal) {
            return refusal.response();
        }
    }

    /** A body is required, with every field valid ({@code withContact}: a new account needs a way to reach the person). */
    private void requireFields(StaffCall call, String residentId, EnrolmentRequest request, boolean withContact)
            throws ApiError {
        if (request == null) {
            throw call.refuse(ApiError.of(Response.Status.BAD_REQUEST, "invalid_request", "The body is not an enrolment"),
                    residentId, StaffActionOutcome.INVALID, "no body");
        }
        Map<String, String> errors = withContact ? request.fieldErrors(LocalDate.now(clock.withZone(HONG_KONG)))
                : request.fieldErrors(LocalDate.now(clock.withZone(HONG_KONG)), false);
        if (!errors.isEmpty()) {
            throw call.refuse(ApiError.invalidFields(errors), residentId, StaffActionOutcome.INVALID, "fields " + errors.keySet());
        }
    }

    private static ApiError notFound() {
        return ApiError.of(Response.Status.NOT_FOUND, "resident_not_found", "No resident with this HKID number or id");
    }

    private static ApiError alreadyEnrolled() {
        return ApiError.of(Response.Status.CONFLICT, "hkid_already_enrolled", "A resident with this HKID number is enrolled");
    }

    /**
     * The number was enrolled by a concurrent request after this one checked: nothing this request did is kept,
     * and the refusal is audited in a transaction of its own, as the request's transaction is rolled back.
     * {@code residentId} is the account the call was about; for a new enrolment, the number's holder is named.
     */
    private ApiError refuseClaimedMeanwhile(StaffCall call, StaffAction action, HkidNumber hkid, String residentId) {
        session.getTransactionManager().setRollbackOnly();
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), auditSession -> {
            String about = residentId != null ? residentId
                    : new HkidRegister(auditSession).holderOf(hkid).orElse(null);
            recordRefusal(auditSession, call, action, about, StaffActionOutcome.DUPLICATE, "hkid already enrolled");
        });
        return alreadyEnrolled();
    }

    /** As {@link #refuseClaimedMeanwhile}, for a batch refused after some of its residents were written: none is kept. */
    private ApiError refuseAndRollBack(StaffCall call, ApiError refusal, StaffActionOutcome outcome, String detail) {
        session.getTransactionManager().setRollbackOnly();
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(),
                auditSession -> recordRefusal(auditSession, call, StaffAction.BULK_ENROL, null, outcome, detail));
        return refusal;
    }

    private void recordRefusal(KeycloakSession auditSession, StaffCall call, StaffAction action, String residentId,
                               StaffActionOutcome outcome, String detail) {
        new StaffAuditTrail(auditSession).record(auditSession.realms().getRealm(realm.getId()), action,
                call.staff().getId(), call.staff().getUsername(), call.branch(), residentId, outcome, detail);
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
            Map.entry(ResidentAttribute.HKID_NUMBER, "hkidNumber"), Map.entry(ResidentAttribute.SURNAME_EN, "surname"),
            Map.entry(ResidentAttribute.GIVEN_NAMES_EN, "givenNames"), Map.entry(UserModel.FIRST_NAME, "givenNames"),
            Map.entry(ResidentAttribute.NAME_ZH, "chineseName"), Map.entry(ResidentAttribute.BIRTHDATE, "dateOfBirth"),
            Map.entry(ResidentAttribute.RESIDENTIAL_ADDRESS, "residentialAddress"), Map.entry(ResidentAttribute.MOBILE_NUMBER, "mobileNumber"),
            Map.entry(UserModel.USERNAME, "mobileNumber"), Map.entry(UserModel.EMAIL, "email"));

    /** Registered online with a passkey and never checked at a counter. */
    private static boolean isSelfRegistered(UserModel user) {
        return user.getFirstAttribute(ResidentAttribute.HKID_NUMBER) == null
                && AssuranceLevel.of(user) == AssuranceLevel.BASIC;
    }

    private Map<String, List<String>> profileAttributes(EnrolmentRequest request, HkidNumber hkid, StaffCall call) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(UserModel.FIRST_NAME, List.of(request.displayName()));
        put(attributes, UserModel.EMAIL, request.email());
        put(attributes, ResidentAttribute.HKID_NUMBER, hkid.toString());
        put(attributes, ResidentAttribute.SURNAME_EN, request.surname().trim().toUpperCase(java.util.Locale.ROOT));
        put(attributes, ResidentAttribute.GIVEN_NAMES_EN, request.givenNames());
        put(attributes, ResidentAttribute.NAME_ZH, request.chineseName());
        put(attributes, ResidentAttribute.BIRTHDATE, request.dateOfBirth());
        put(attributes, ResidentAttribute.GENDER, request.gender());
        put(attributes, ResidentAttribute.RESIDENTIAL_ADDRESS, request.residentialAddress());
        put(attributes, ResidentAttribute.MOBILE_NUMBER, request.mobileNumber());
        put(attributes, AssuranceLevel.USER_ATTRIBUTE, AssuranceLevel.VERIFIED.acr());
        put(attributes, ResidentAttribute.VERIFIED_BY, call.staff().getId());
        put(attributes, ResidentAttribute.VERIFIED_BRANCH, call.branch());
        put(attributes, ResidentAttribute.VERIFIED_AT, Instant.now(clock).toString());
        return attributes;
    }

    private static void put(Map<String, List<String>> attributes, String name, String value) {
        if (!EnrolmentRequest.blank(value)) {
            attributes.put(name, List.of(value.trim()));
        }
    }

    private Optional<UserModel> residentWith(HkidNumber hkid) {
        return new HkidRegister(session).holderIn(realm, hkid);
    }

    /** Who calls, or why they may not: no valid token, not counter staff, or a login too old (RFC 9470 step-up). */
    private StaffCall authenticate(StaffAction action) throws ApiError {
        StaffCall call = StaffCall.of(session, action, RealmRole.COUNTER_STAFF);
        AccessToken token = call.caller().token();
        StaffLoginAge loginAge = new StaffLoginAge(token.getAuth_time(), token.getIat(),
                call.staff().getServiceAccountClientLink() != null);
        long maxAge = policy.staffMaxAuthAge().toSeconds();
        if (!loginAge.isWithin(policy.staffMaxAuthAge(), Instant.now(clock))) {
            throw call.refuse(ApiError.challenge(Response.Status.UNAUTHORIZED, "Bearer", "insufficient_user_authentication",
                            "A more recent login is required").with("max_age", maxAge),
                    null, StaffActionOutcome.REFUSED, "login older than " + maxAge + " s");
        }
        return call;
    }
}
