package hk.smartid.idp.disclosure;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The hash chain over the disclosure log, and its check. Pure: no database, so every kind of tampering can be
 * tried in a unit test.
 *
 * <h2>Entry hash</h2>
 * {@code ENTRY_HASH} is the lower-case hex SHA-256 of these nine fields, in this order:
 * {@code PREVIOUS_HASH, SEQ, ID, REALM_ID, USER_ID, CLIENT_ID, CONSENT_ID, ITEMS, DISCLOSED_AT}. Numbers are
 * written in decimal; each field is its UTF-8 bytes preceded by their length as a 4-byte big-endian integer
 * (a {@code null} is the length -1 and no bytes). The length prefix makes the encoding unambiguous: moving
 * characters from one field to the next changes the bytes hashed. The first entry's previous hash is
 * {@link #GENESIS_HASH}.
 *
 * <h2>Check</h2>
 * Feed the entries in SEQ order to {@link #check}, then call {@link #end}. The first broken entry is the first
 * one whose SEQ is not the previous one plus 1 (an entry removed), whose recomputed hash differs from the stored
 * one (a column changed), or whose previous hash is not the stored hash of the entry before (an entry changed
 * and re-hashed, or replaced); the head row then tells whether entries were cut off or added at the end.
 */
public final class DisclosureChain {

    /** The previous hash of entry 1. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private long expectedSeq = 1;
    private String expectedPreviousHash = GENESIS_HASH;
    private long entries;
    private ChainBreak firstBroken;

    /** The entry that follows the chain's current end ({@code lastSeq}, {@code lastHash}), with its hash. */
    public static Disclosure next(long lastSeq, String lastHash, String id, String realmId, String userId,
                                  String clientId, String consentId, String items, long disclosedAt) {
        long seq = lastSeq + 1;
        return new Disclosure(seq, id, realmId, userId, clientId, consentId, items, disclosedAt, lastHash,
                hash(lastHash, seq, id, realmId, userId, clientId, consentId, items, disclosedAt));
    }

    /** The hash the entry should carry, recomputed from its columns (its stored {@code entryHash} aside). */
    public static String hashOf(Disclosure entry) {
        return hash(entry.previousHash(), entry.seq(), entry.id(), entry.realmId(), entry.userId(), entry.clientId(),
                entry.consentId(), entry.items(), entry.disclosedAt());
    }

    /** Checks the next entry in SEQ order; after the first break, entries are only counted. */
    public void check(Disclosure entry) {
        entries++;
        if (firstBroken == null) {
            firstBroken = breakAt(entry);
        }
        expectedSeq = entry.seq() + 1;
        expectedPreviousHash = entry.entryHash();
    }

    /**
     * The outcome, given the head row read before the walk and again after it. Entries up to the first must all
     * be there (or some were cut off the end); none may lie beyond the second (an append commits its entry and
     * the head together, so an entry seen in the walk is always covered by the head read after it). Entries
     * between the two were appended while the walk ran.
     */
    public ChainVerification end(ChainHead atStart, ChainHead atEnd) {
        if (firstBroken == null) {
            long lastSeq = expectedSeq - 1;
            if (lastSeq < atStart.lastSeq()) {
                firstBroken = new ChainBreak(lastSeq + 1, null, "entries missing at the end: the log ends at SEQ "
                        + lastSeq + ", the chain head at SEQ " + atStart.lastSeq());
            } else if (lastSeq > atEnd.lastSeq()) {
                firstBroken = new ChainBreak(atEnd.lastSeq() + 1, null, "entries beyond the chain head: the log ends at SEQ "
                        + lastSeq + ", the chain head at SEQ " + atEnd.lastSeq());
            } else if (lastSeq == atEnd.lastSeq() && !Objects.equals(atEnd.lastHash(), expectedPreviousHash)) {
                firstBroken = new ChainBreak(lastSeq, null, "the last entry's hash differs from the chain head");
            }
        }
        return new ChainVerification(firstBroken == null, entries, firstBroken);
    }

    private ChainBreak breakAt(Disclosure entry) {
        if (entry.seq() != expectedSeq) {
            return new ChainBreak(entry.seq(), entry.id(), entry.seq() > expectedSeq
                    ? "gap: SEQ " + expectedSeq + " to " + (entry.seq() - 1) + " missing"
                    : "SEQ out of order: expected " + expectedSeq);
        }
        if (!hashOf(entry).equals(entry.entryHash())) {
            return new ChainBreak(entry.seq(), entry.id(), "entry altered: its hash does not match its columns");
        }
        if (!expectedPreviousHash.equals(entry.previousHash())) {
            return new ChainBreak(entry.seq(), entry.id(), "link broken: previous hash is not the hash of the entry before");
        }
        return null;
    }

    private static String hash(String previousHash, long seq, String id, String realmId, String userId,
                               String clientId, String consentId, String items, long disclosedAt) {
        return HexFormat.of().formatHex(sha256().digest(lengthPrefixed(previousHash, Long.toString(seq), id, realmId,
                userId, clientId, consentId, items, Long.toString(disclosedAt))));
    }

    /**
     * The fields as bytes, each its UTF-8 bytes preceded by their length as a 4-byte big-endian integer (a
     * {@code null} the length -1 and no bytes): the chain's encoding, and the Merkle tree's leaf entry's.
     */
    static byte[] lengthPrefixed(String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : fields) {
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(field == null ? -1 : bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Where the chain first breaks: {@code id} is {@code null} when the break is entries missing at the end. */
    public record ChainBreak(long seq, String id, String reason) {
    }

    /** The result of a check: {@code entries} counts every entry read, broken or not. */
    public record ChainVerification(boolean intact, long entries, ChainBreak firstBroken) {
    }
}
