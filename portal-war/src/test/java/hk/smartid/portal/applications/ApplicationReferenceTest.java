package hk.smartid.portal.applications;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationReferenceTest {

    @Test
    void referencesAreRandomCrockfordBase32InGroupsOfFour() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String reference = ApplicationReference.next();
            assertThat(reference).matches("SID-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
            assertThat(ApplicationReference.canonical(reference)).contains(reference);
            seen.add(reference);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void aReferenceAsPeopleTypeItIsRead() {
        assertThat(ApplicationReference.canonical("sid 7k2m q9td 4xwb")).contains("SID-7K2M-Q9TD-4XWB");
        assertThat(ApplicationReference.canonical("SID7K2MQ9TD4XWB")).contains("SID-7K2M-Q9TD-4XWB");
        assertThat(ApplicationReference.canonical("SID-7K2M-Q9TD-4XWO")).contains("SID-7K2M-Q9TD-4XW0");
        assertThat(ApplicationReference.canonical("SID-7K2M-Q9TD-4XWl")).contains("SID-7K2M-Q9TD-4XW1");
    }

    @Test
    void whatCannotBeAReferenceIsEmpty() {
        assertThat(ApplicationReference.canonical(null)).isEmpty();
        assertThat(ApplicationReference.canonical("")).isEmpty();
        assertThat(ApplicationReference.canonical("SID-7K2M-Q9TD-4XW")).isEmpty();
        assertThat(ApplicationReference.canonical("SID-7K2M-Q9TD-4XWBB")).isEmpty();
        assertThat(ApplicationReference.canonical("SID-7K2M-Q9TD-4XWU")).as("U is not Crockford's").isEmpty();
        assertThat(ApplicationReference.canonical("ABC-7K2M-Q9TD-4XWB")).isEmpty();
        assertThat(ApplicationReference.canonical("SID-7K2M-Q9TD-4XW%")).isEmpty();
    }
}
