package hk.smartid.idp.audit;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trail is append-only: nothing in our code may offer to change or remove a line. */
class StaffAuditEntityTest {

    private final StaffAuditEntity line = new StaffAuditEntity("id-1", "realm", 1_764_036_000_000L, "staff-1", "chan.tm",
            "Wan Chai", "ENROL", "resident-1", "SUCCESS", null);

    @Test
    void shouldHaveNoSetters() {
        assertThat(Arrays.stream(StaffAuditEntity.class.getDeclaredMethods()).map(Method::getName))
                .noneMatch(name -> name.startsWith("set"));
    }

    @Test
    void shouldRefuseUpdateAndRemovalThroughJpa() {
        assertThatThrownBy(line::refuseUpdate).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(line::refuseRemoval).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldOfferNothingThatEditsOrDeletesOnTheTrail() {
        assertThat(Arrays.stream(StaffAuditTrail.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .map(Method::getName))
                .containsExactlyInAnyOrder("record", "recent", "aboutResident");
    }

    @Test
    void shouldReadBackAsAnEntry() {
        assertThat(StaffAuditTrail.entry(line)).isEqualTo(new StaffAuditEntry("id-1", Instant.ofEpochMilli(1_764_036_000_000L),
                StaffAction.ENROL, "staff-1", "chan.tm", "Wan Chai", "resident-1", StaffActionOutcome.SUCCESS, null));
    }
}
