package hk.smartid.idp.disclosure;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One entry of the disclosure log as stored: which bank received which of a resident's data items, under
 * which consent, when, and the entry's place in the hash chain.
 *
 * @param items        the released data items as their scopes, space-separated (column {@code ITEMS})
 * @param disclosedAt  epoch milliseconds (column {@code DISCLOSED_AT})
 * @param previousHash the {@code entryHash} of the entry before, 64 zeros for the first
 * @param entryHash    hex SHA-256 of this entry, see {@link DisclosureChain#hashOf}
 */
public record Disclosure(long seq, String id, String realmId, String userId, String clientId, String consentId,
                         String items, long disclosedAt, String previousHash, String entryHash) {

    public Instant at() {
        return Instant.ofEpochMilli(disclosedAt);
    }

    /** The released data items' scopes, in the order they were stored. */
    public List<String> scopes() {
        return items.isEmpty() ? List.of() : Arrays.asList(items.split(" "));
    }
}
