package hk.smartid.portal.developers;

import hk.smartid.portal.login.SignedInResident;
import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Who may act for a business in the developer area: a signed-in resident whose identity was verified in person
 * ({@code loa-verified}). The pages' filter already sends anyone else away; each action asks again, so that a post
 * reaching the bean some other way changes nothing.
 */
final class Representative {

    static final String VERIFIED = "loa-verified";
    static final String APPROVER_ROLE = "rp-approver";

    private Representative() {
    }

    /** The verified resident's subject; empty (and a 403 answer sent) for anyone else. */
    static Optional<String> verified(SignedInResident resident) {
        if (resident.subject().isPresent() && VERIFIED.equals(resident.getAssuranceLevel())) {
            return resident.subject();
        }
        forbid();
        return Optional.empty();
    }

    /** Whether the signed-in person is an approver (role {@value #APPROVER_ROLE}) with a verified login. */
    static boolean approver(SignedInResident person) {
        return person.hasRole(APPROVER_ROLE) && VERIFIED.equals(person.getAssuranceLevel());
    }

    /** Answers the current Faces request with 403 (the trilingual error page). */
    static void forbid() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(403, "Forbidden");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
