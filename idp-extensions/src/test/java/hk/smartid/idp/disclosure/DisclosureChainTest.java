package hk.smartid.idp.disclosure;

import hk.smartid.idp.disclosure.DisclosureChain.ChainBreak;
import hk.smartid.idp.disclosure.DisclosureChain.ChainVerification;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DisclosureChainTest {

    private static final long T0 = 1_764_547_200_000L;

    /** A chain of {@code n} entries as {@link DisclosureLog#append} writes them. */
    private static List<Disclosure> chainOf(int n) {
        List<Disclosure> entries = new ArrayList<>();
        long lastSeq = 0;
        String lastHash = DisclosureChain.GENESIS_HASH;
        for (int i = 1; i <= n; i++) {
            Disclosure entry = DisclosureChain.next(lastSeq, lastHash, "disclosure-" + i, "realm-1", "user-" + (i % 3),
                    "sample-bank", "consent-" + i, "person.hkid person.name_en", T0 + i * 1000L);
            entries.add(entry);
            lastSeq = entry.seq();
            lastHash = entry.entryHash();
        }
        return entries;
    }

    private static ChainVerification verify(List<Disclosure> entries, long headSeq, String headHash) {
        DisclosureChain chain = new DisclosureChain();
        entries.forEach(chain::check);
        return chain.end(new ChainHead(headSeq, headHash), new ChainHead(headSeq, headHash));
    }

    /** Checked against the head the appends left, i.e. the untouched chain's last entry. */
    private static ChainVerification verifyAgainstOriginalHead(List<Disclosure> tampered, List<Disclosure> original) {
        Disclosure last = original.get(original.size() - 1);
        return verify(tampered, last.seq(), last.entryHash());
    }

    private static Disclosure withItems(Disclosure e, String items) {
        return new Disclosure(e.seq(), e.id(), e.realmId(), e.userId(), e.clientId(), e.consentId(), items,
                e.disclosedAt(), e.previousHash(), e.entryHash());
    }

    private static Disclosure rehashed(Disclosure e) {
        Disclosure copy = new Disclosure(e.seq(), e.id(), e.realmId(), e.userId(), e.clientId(), e.consentId(), e.items(),
                e.disclosedAt(), e.previousHash(), null);
        return new Disclosure(e.seq(), e.id(), e.realmId(), e.userId(), e.clientId(), e.consentId(), e.items(),
                e.disclosedAt(), e.previousHash(), DisclosureChain.hashOf(copy));
    }

    @Nested
    class Appending {

        @Test
        void shouldStartFromSixtyFourZerosAndLinkEachEntryToTheOneBefore() {
            List<Disclosure> entries = chainOf(3);

            assertThat(entries).extracting(Disclosure::seq).containsExactly(1L, 2L, 3L);
            assertThat(entries.get(0).previousHash()).isEqualTo("0".repeat(64));
            assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).entryHash());
            assertThat(entries.get(2).previousHash()).isEqualTo(entries.get(1).entryHash());
            assertThat(entries).allSatisfy(entry -> assertThat(entry.entryHash()).matches("[0-9a-f]{64}"));
        }

        @Test
        void shouldHashTheDocumentedEncoding() {
            // Recomputed by hand from the documented encoding, so that another implementation can check the log.
            Disclosure entry = DisclosureChain.next(0, DisclosureChain.GENESIS_HASH, "d", "r", "u", "c", "k", "i", 5);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (String field : List.of("0".repeat(64), "1", "d", "r", "u", "c", "k", "i", "5")) {
                byte[] utf8 = field.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(utf8.length).array());
                bytes.writeBytes(utf8);
            }
            assertThat(entry.entryHash()).isEqualTo(sha256Hex(bytes.toByteArray()));
        }

        @Test
        void shouldTellFieldBoundariesApart() {
            Disclosure ab = DisclosureChain.next(0, DisclosureChain.GENESIS_HASH, "id", "realm", "ab", "c", "k", "i", 1);
            Disclosure a = DisclosureChain.next(0, DisclosureChain.GENESIS_HASH, "id", "realm", "a", "bc", "k", "i", 1);
            assertThat(ab.entryHash()).isNotEqualTo(a.entryHash());
        }
    }

    @Nested
    class Checking {

        @Test
        void shouldFindAnIntactChainIntact() {
            List<Disclosure> entries = chainOf(5);

            assertThat(verifyAgainstOriginalHead(entries, entries))
                    .isEqualTo(new ChainVerification(true, 5, null));
        }

        @Test
        void shouldFindAnEmptyLogIntact() {
            assertThat(verify(List.of(), 0, DisclosureChain.GENESIS_HASH)).isEqualTo(new ChainVerification(true, 0, null));
        }

        @Test
        void shouldReportAnAlteredColumn() {
            List<Disclosure> original = chainOf(5);
            List<Disclosure> tampered = new ArrayList<>(original);
            tampered.set(2, withItems(original.get(2), "person.hkid person.name_en person.address"));

            ChainVerification result = verifyAgainstOriginalHead(tampered, original);

            assertThat(result.intact()).isFalse();
            assertThat(result.entries()).isEqualTo(5);
            assertThat(result.firstBroken()).extracting(ChainBreak::seq, ChainBreak::id).containsExactly(3L, "disclosure-3");
            assertThat(result.firstBroken().reason()).startsWith("entry altered");
        }

        @Test
        void shouldReportAnAlteredColumnEvenWhenItsHashWasRecomputed() {
            List<Disclosure> original = chainOf(5);
            List<Disclosure> tampered = new ArrayList<>(original);
            tampered.set(1, rehashed(withItems(original.get(1), "person.hkid")));

            ChainBreak broken = verifyAgainstOriginalHead(tampered, original).firstBroken();

            // The altered entry is self-consistent now; the next one no longer links to it.
            assertThat(broken).extracting(ChainBreak::seq, ChainBreak::id).containsExactly(3L, "disclosure-3");
            assertThat(broken.reason()).startsWith("link broken");
        }

        @Test
        void shouldReportABrokenLink() {
            List<Disclosure> original = chainOf(4);
            List<Disclosure> tampered = new ArrayList<>(original);
            Disclosure third = original.get(2);
            tampered.set(2, rehashed(new Disclosure(third.seq(), third.id(), third.realmId(), third.userId(), third.clientId(),
                    third.consentId(), third.items(), third.disclosedAt(), "f".repeat(64), third.entryHash())));

            ChainBreak broken = verifyAgainstOriginalHead(tampered, original).firstBroken();

            assertThat(broken).extracting(ChainBreak::seq, ChainBreak::id).containsExactly(3L, "disclosure-3");
            assertThat(broken.reason()).startsWith("link broken");
        }

        @Test
        void shouldReportAGapWhereAnEntryWasRemoved() {
            List<Disclosure> original = chainOf(5);
            List<Disclosure> tampered = new ArrayList<>(original);
            tampered.remove(1);

            ChainVerification result = verifyAgainstOriginalHead(tampered, original);

            assertThat(result.entries()).isEqualTo(4);
            assertThat(result.firstBroken()).isEqualTo(new ChainBreak(3, "disclosure-3", "gap: SEQ 2 to 2 missing"));
        }

        @Test
        void shouldReportEntriesCutOffTheEnd() {
            List<Disclosure> original = chainOf(5);

            ChainVerification result = verifyAgainstOriginalHead(original.subList(0, 3), original);

            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken()).extracting(ChainBreak::seq, ChainBreak::id).containsExactly(4L, null);
            assertThat(result.firstBroken().reason()).startsWith("entries missing at the end");
        }

        @Test
        void shouldReportALastEntryReplacedWithAReHashedOne() {
            List<Disclosure> original = chainOf(3);
            List<Disclosure> tampered = new ArrayList<>(original);
            tampered.set(2, rehashed(withItems(original.get(2), "person.email")));

            ChainBreak broken = verifyAgainstOriginalHead(tampered, original).firstBroken();

            assertThat(broken.seq()).isEqualTo(3);
            assertThat(broken.reason()).contains("chain head");
        }

        @Test
        void shouldReportEntriesAddedBeyondTheHead() {
            List<Disclosure> original = chainOf(5);

            ChainVerification result = verifyAgainstOriginalHead(original, original.subList(0, 4));

            assertThat(result.firstBroken()).extracting(ChainBreak::seq, ChainBreak::id).containsExactly(5L, null);
            assertThat(result.firstBroken().reason()).startsWith("entries beyond the chain head");
        }

        @Test
        void shouldAcceptEntriesAppendedWhileTheCheckRan() {
            List<Disclosure> entries = chainOf(5);
            Disclosure third = entries.get(2);
            Disclosure last = entries.get(4);
            DisclosureChain chain = new DisclosureChain();
            entries.forEach(chain::check);

            assertThat(chain.end(new ChainHead(third.seq(), third.entryHash()), new ChainHead(last.seq(), last.entryHash())))
                    .isEqualTo(new ChainVerification(true, 5, null));
        }

        @Test
        void shouldReportOnlyTheFirstBrokenEntryAndCountThemAll() {
            List<Disclosure> original = chainOf(6);
            List<Disclosure> tampered = new ArrayList<>(original);
            tampered.set(4, withItems(original.get(4), "person.gender"));
            tampered.set(1, withItems(original.get(1), "person.gender"));

            ChainVerification result = verifyAgainstOriginalHead(tampered, original);

            assertThat(result.entries()).isEqualTo(6);
            assertThat(result.firstBroken().seq()).isEqualTo(2);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
