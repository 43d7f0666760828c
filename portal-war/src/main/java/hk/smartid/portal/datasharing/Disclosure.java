package hk.smartid.portal.datasharing;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One time the IdP sent the resident's data to a bank or business: when, to whom, which items. The {@code id} is
 * the disclosure id the bank also receives (the {@code jti} of what it got), so both sides can name the same
 * event. {@code log} says whether the portal found it in the IdP's signed log. Pages call its accessors as methods: Jakarta EL 5 does not read records as beans.
 */
public record Disclosure(String id, Instant at, String clientId, LocalisedText bankName, String purpose,
                         List<String> items, LogStatus log) implements Serializable {

    public Disclosure {
        items = List.copyOf(items);
    }

    /** The bank's name in the reader's language, or its client id if it registered none. */
    public String bankNameIn(String languageTag) {
        return bankName.in(languageTag).orElse(clientId);
    }
}
