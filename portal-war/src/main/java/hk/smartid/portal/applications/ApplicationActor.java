package hk.smartid.portal.applications;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who changed an application: the IdP's subject of a resident or officer (or the payment provider's id), the role
 * they acted in, and the name to show in the history.
 */
public record ApplicationActor(String subject, ActorRole role, String displayName) implements Serializable {

    public ApplicationActor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(displayName, "displayName");
    }

    public static ApplicationActor resident(String subject, String displayName) {
        return new ApplicationActor(subject, ActorRole.RESIDENT, displayName);
    }

    public static ApplicationActor officer(String subject, String displayName) {
        return new ApplicationActor(subject, ActorRole.OFFICER, displayName);
    }

    public static ApplicationActor paymentProvider(String providerId, String displayName) {
        return new ApplicationActor(providerId, ActorRole.PAYMENT_PROVIDER, displayName);
    }
}
