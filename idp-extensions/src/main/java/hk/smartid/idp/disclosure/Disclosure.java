package hk.smartid.idp.disclosure;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One entry of the disclosure log as stored: which bank received which of a resident's data items, under
 * which consent, when; for an entry of the hash chain before the Merkle tree (2026-11-25 to 2026-11-27), its
 * place in that chain.
 *
 * @param seq          the entry's place in the old hash chain, {@code null} for an entry appended since

 * @param items        the released data items as their scopes, space-separated (column {@code ITEMS})
 * @param disclosedAt  epoch milliseconds (column {@code DISCLOSED_AT})
 * @param previousHash the {@code entryHash} of the chain's entry before, 64 zeros for the first; {@code null} since
 * @param entryHash    hex SHA-256 of this chain entry, see {@link DisclosureChain#hashOf}; {@code null} since
 */
public record Disclosure(Long seq, String id, String realmId, String userId, String clientId, String consentId,
                         String items, long disclosedAt, String previousHash, String entryHash) {

    public Instant at() {
        return Instant.ofEpochMilli(disclosedAt);
    }

    /** A new entry, appended to the Merkle tree only. */
    public static Disclosure of(String id, String realmId, String userId, String clientId, String consentId, String items,
                                long disclosedAt) {
        return new Disclosure(null, id, realmId, userId, clientId, consentId, items, disclosedAt, null, null);
    }

    /**
     * The entry as a leaf of the Merkle tree: the fields {@code ID, REALM_ID, USER_ID, CLIENT_ID, CONSENT_ID,
     * ITEMS, DISCLOSED_AT}, each as its UTF-8 length (4-byte big-endian) then its bytes, hashed as RFC 9162's
     * leaf, {@code SHA-256(0x00 || entry)}.
     */
    public byte[] leafHash() {
        return MerkleTree.leafHash(DisclosureChain.lengthPrefixed(id, realmId, userId, clientId, consentId, items,
                Long.toString(disclosedAt)));
    }

    /** The released data items' scopes, in the order they were stored. */
    public List<String> scopes() {
        return items.isEmpty() ? List.of() : Arrays.asList(items.split(" "));
    }
}
