package hk.smartid.portal.staff;

import hk.smartid.portal.idp.IdpClient;
import hk.smartid.portal.idp.IdpResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The IdP's staff enrolment API ({@code <realm>/enrolment}) as the console uses it, through the portal's one
 * {@link IdpClient} (the signed-in staff member's own token): its paths and what its answers hold.
 */
@RequestScoped
public class EnrolmentApi {

    private static final String RESIDENTS = "enrolment/residents";

    @Inject
    IdpClient idp;

    /** {@code GET /residents?hkid=}. */
    public IdpResult<ResidentRecord> findResident(String hkidNumber) {
        return idp.get(RESIDENTS, Map.of("hkid", hkidNumber == null ? "" : hkidNumber), ResidentRecord.class);
    }

    /** {@code POST /residents}. */
    public IdpResult<ActivationCodeIssued> enrol(EnrolmentForm form) {
        return idp.post(RESIDENTS, form, IssuedCodeBody.class).map(IssuedCodeBody::toIssued);
    }

    /** {@code POST /residents/{id}/verification}: a self-registered account verified in person. */
    public IdpResult<ResidentRecord> verifyExisting(String residentId, EnrolmentForm form) {
        return idp.post(RESIDENTS + "/" + IdpClient.pathSegment(residentId) + "/verification", form,
                ResidentRecord.class);
    }

    /** {@code POST /residents/{id}/activation-code}. */
    public IdpResult<ActivationCodeIssued> reissueActivationCode(String residentId) {
        return idp.post(RESIDENTS + "/" + IdpClient.pathSegment(residentId) + "/activation-code", null,
                IssuedCodeBody.class).map(IssuedCodeBody::toIssued);
    }

    /** The API's answer when a code is issued; {@code expiresAt} is an ISO-8601 instant. */
    public static class IssuedCodeBody {
        public String residentId;
        public String activationCode;
        public String expiresAt;

        /** The issued code; null (the answer is then unusable) without a code or a readable expiry. */
        ActivationCodeIssued toIssued() {
            if (activationCode == null || activationCode.isBlank() || expiresAt == null) {
                return null;
            }
            try {
                return new ActivationCodeIssued(residentId, activationCode, Instant.parse(expiresAt));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
