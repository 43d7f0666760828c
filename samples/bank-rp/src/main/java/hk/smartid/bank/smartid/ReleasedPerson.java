package hk.smartid.bank.smartid;

import java.util.Map;
import java.util.Optional;

/**
 * What SmartID released about the person in one disclosure.
 *
 * @param disclosureId   the {@code jti} of the person-data response: SmartID's log and the resident's
 *                       "My data sharing" page name the disclosure by it, so the bank keeps it with the account
 * @param assuranceLevel {@code loa-verified} when a counter checked the identity in person
 * @param values         by person-data claim ({@code hkid_number}, ...); the English name's parts as
 *                       {@code name_en.surname} and {@code name_en.given_names}
 */
public record ReleasedPerson(String disclosureId, String assuranceLevel, Map<String, Value> values) {

    /** One released value, and whether a counter verified it (contact details are not verified). */
    public record Value(String text, boolean verified) {
    }

    public Optional<Value> value(String claim) {
        return Optional.ofNullable(values.get(claim));
    }
}
