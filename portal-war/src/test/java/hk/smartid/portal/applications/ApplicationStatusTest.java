package hk.smartid.portal.applications;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static hk.smartid.portal.applications.ActorRole.OFFICER;
import static hk.smartid.portal.applications.ActorRole.PAYMENT_PROVIDER;
import static hk.smartid.portal.applications.ActorRole.RESIDENT;
import static hk.smartid.portal.applications.ApplicationStatus.APPROVED;
import static hk.smartid.portal.applications.ApplicationStatus.AWAITING_PAYMENT;
import static hk.smartid.portal.applications.ApplicationStatus.IN_PROGRESS;
import static hk.smartid.portal.applications.ApplicationStatus.MORE_INFORMATION_NEEDED;
import static hk.smartid.portal.applications.ApplicationStatus.REJECTED;
import static hk.smartid.portal.applications.ApplicationStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;

class ApplicationStatusTest {

    @Test
    void aFeeIsPaidBeforeTheDepartmentSeesTheApplication() {
        assertThat(ApplicationStatus.initial(370)).isEqualTo(AWAITING_PAYMENT);
        assertThat(ApplicationStatus.initial(0)).isEqualTo(SUBMITTED);
        assertThat(AWAITING_PAYMENT.canChangeTo(SUBMITTED, PAYMENT_PROVIDER)).isTrue();
        assertThat(AWAITING_PAYMENT.canChangeTo(SUBMITTED, OFFICER)).isFalse();
        assertThat(AWAITING_PAYMENT.canChangeTo(SUBMITTED, RESIDENT)).isFalse();
        assertThat(AWAITING_PAYMENT.canChangeTo(IN_PROGRESS, OFFICER)).isFalse();
    }

    @Test
    void officersMoveAnApplicationThroughTheirWork() {
        assertThat(SUBMITTED.canChangeTo(IN_PROGRESS, OFFICER)).isTrue();
        assertThat(IN_PROGRESS.next()).isEqualTo(EnumSet.of(APPROVED, REJECTED, MORE_INFORMATION_NEEDED));
        assertThat(MORE_INFORMATION_NEEDED.canChangeTo(IN_PROGRESS, OFFICER)).isTrue();
        assertThat(SUBMITTED.canChangeTo(APPROVED, OFFICER)).as("decided without being looked at").isFalse();
        assertThat(SUBMITTED.canChangeTo(IN_PROGRESS, PAYMENT_PROVIDER)).isFalse();
        assertThat(IN_PROGRESS.canChangeTo(APPROVED, RESIDENT)).isFalse();
        assertThat(IN_PROGRESS.canChangeTo(IN_PROGRESS, OFFICER)).isFalse();
    }

    @Test
    void aDecisionIsFinal() {
        for (ApplicationStatus decided : EnumSet.of(APPROVED, REJECTED)) {
            assertThat(decided.isFinal()).isTrue();
            for (ApplicationStatus to : ApplicationStatus.values()) {
                for (ActorRole by : ActorRole.values()) {
                    assertThat(decided.canChangeTo(to, by)).isFalse();
                }
            }
        }
    }

    @Test
    void actorRolesAreStoredAsTheirValues() {
        ActorRole.Column column = new ActorRole.Column();
        assertThat(column.convertToDatabaseColumn(PAYMENT_PROVIDER)).isEqualTo("payment-provider");
        for (ActorRole role : ActorRole.values()) {
            assertThat(column.convertToEntityAttribute(column.convertToDatabaseColumn(role))).isEqualTo(role);
        }
    }
}
