package hk.smartid.idp.disclosure;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import hk.smartid.idp.disclosure.LogSignatures.Receipt;
import hk.smartid.idp.disclosure.LogSignatures.TreeHead;
import hk.smartid.idp.disclosure.MerkleTree.Frontier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeTest {

    /** A tree grown leaf by leaf as the sequencer grows it, its complete subtrees kept as the tables keep them. */
    private static final class StoredTree {
        final Map<String, byte[]> subtrees = new HashMap<>();
        final List<byte[]> leaves = new ArrayList<>();
        final Frontier frontier = new Frontier();

        StoredTree(int n) {
            for (int i = 0; i < n; i++) {
                byte[] leaf = MerkleTree.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8));
                leaves.add(leaf);
                frontier.append(leaf).forEach(t -> subtrees.put(t.level() + ":" + t.index(), t.hash()));
            }
        }

        MerkleTree.Subtrees stored() {
            return (level, index) -> subtrees.get(level + ":" + index);
        }

        byte[] root(int n) {
            return MerkleTree.root(stored(), 0, n);
        }
    }

    /** RFC 9162 2.1.1's MTH, written from the definition over the leaf hashes. */
    private static byte[] referenceRoot(List<byte[]> leaves) throws Exception {
        if (leaves.isEmpty()) {
            return MessageDigest.getInstance("SHA-256").digest();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 1);
        sha256.update(referenceRoot(leaves.subList(0, k)));
        sha256.update(referenceRoot(leaves.subList(k, leaves.size())));
        return sha256.digest();
    }

    @Test
    void shouldHashLeavesAndNodesAsRfc9162() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        assertThat(MerkleTree.leafHash(new byte[]{7})).isEqualTo(sha256.digest(new byte[]{0, 7}));
        assertThat(MerkleTree.nodeHash(new byte[]{1}, new byte[]{2})).isEqualTo(sha256.digest(new byte[]{1, 1, 2}));
        // RFC 6962's test vector: the empty tree's root.
        assertThat(HexFormat.of().formatHex(MerkleTree.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void shouldBuildTheSameRootAsTheDefinitionForEverySize() throws Exception {
        StoredTree tree = new StoredTree(70);
        Frontier growing = new Frontier();
        for (int n = 1; n <= 70; n++) {
            growing.append(tree.leaves.get(n - 1));
            byte[] expected = referenceRoot(tree.leaves.subList(0, n));
            assertThat(tree.root(n)).as("root of %d from stored subtrees", n).isEqualTo(expected);
            assertThat(growing.root()).as("root of %d from the frontier", n).isEqualTo(expected);
            assertThat(Frontier.of(tree.stored(), n).root()).as("frontier of %d read back", n).isEqualTo(expected);
        }
    }

    @Test
    void shouldProveEveryLeafInEveryTreeAndRefuseAnyOtherLeafOrRoot() {
        StoredTree tree = new StoredTree(37);
        for (int n = 1; n <= 37; n++) {
            byte[] root = tree.root(n);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = MerkleTree.inclusionProof(tree.stored(), m, n);
                assertThat(MerkleTree.verifyInclusion(m, n, tree.leaves.get(m), proof, root)).as("leaf %d of %d", m, n).isTrue();
                // An altered entry: another leaf hash at the same place.
                assertThat(MerkleTree.verifyInclusion(m, n, MerkleTree.leafHash(new byte[]{42}), proof, root)).isFalse();
                if (n > 1) {
                    assertThat(MerkleTree.verifyInclusion((m + 1) % n, n, tree.leaves.get(m), proof, root)).isFalse();
                }
            }
        }
    }

    @Test
    void shouldProveEveryOlderHeadConsistentWithEveryNewerAndRefuseAHeadThatDoesNotExtendIt() {
        StoredTree tree = new StoredTree(33);
        for (int n = 1; n <= 33; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleTree.consistencyProof(tree.stored(), m, n);
                assertThat(MerkleTree.verifyConsistency(m, n, tree.root(m), tree.root(n), proof)).as("%d to %d", m, n).isTrue();
            }
        }
        // A newer head over a history where leaf 3 was replaced does not extend the head of 5 leaves.
        StoredTree rewritten = new StoredTree(12);
        rewritten.leaves.set(3, MerkleTree.leafHash(new byte[]{9}));
        Frontier forged = new Frontier();
        Map<String, byte[]> forgedSubtrees = new HashMap<>();
        rewritten.leaves.forEach(leaf -> forged.append(leaf).forEach(t -> forgedSubtrees.put(t.level() + ":" + t.index(), t.hash())));
        MerkleTree.Subtrees forgedStore = (level, index) -> forgedSubtrees.get(level + ":" + index);
        List<byte[]> proof = MerkleTree.consistencyProof(forgedStore, 5, 12);
        assertThat(MerkleTree.verifyConsistency(5, 12, tree.root(5), forged.root(), proof)).isFalse();
    }

    @Test
    void shouldRefuseATreeHeadOrReceiptWhoseSignatureDoesNotVerify() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("log-1").generate();
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID("log-1").generate();
        TreeHead head = new TreeHead("smartid-disclosure-log:smartid", 5, "ab".repeat(32), 1_764_547_200_000L);
        String signed = head.signWith(key.toECPrivateKey(), key.getKeyID());
        java.util.function.Function<String, ECPublicKey> keys = kid -> {
            try {
                return "log-1".equals(kid) ? key.toECPublicKey() : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        assertThat(LogSignatures.treeHead(signed, keys)).contains(head);
        assertThat(LogSignatures.treeHead(head.signWith(other.toECPrivateKey(), "log-1"), keys)).isEmpty();
        String[] parts = signed.split("\\.");
        String alteredPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"tree_size\":5", "\"tree_size\":6").getBytes(StandardCharsets.UTF_8));
        assertThat(LogSignatures.treeHead(parts[0] + "." + alteredPayload + "." + parts[2], keys)).isEmpty();
        // A receipt is not a tree head, nor the other way round, though the same key signs both.
        String receipt = new Receipt("smartid-disclosure-log:smartid", "d-1", "cd".repeat(32), 1L, 3600)
                .signWith(key.toECPrivateKey(), key.getKeyID());
        assertThat(LogSignatures.treeHead(receipt, keys)).isEmpty();
        assertThat(LogSignatures.receipt(signed, keys)).isEmpty();
        assertThat(LogSignatures.receipt(receipt, keys)).map(Receipt::disclosureId).contains("d-1");
    }

    @Test
    void shouldHashAnEntryAsTheDocumentedLeaf() throws Exception {
        Disclosure entry = Disclosure.of("d", "r", "u", "c", "k", "i j", 5);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(0);
        for (String field : List.of("d", "r", "u", "c", "k", "i j", "5")) {
            byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
            bytes.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(utf8.length).array());
            bytes.writeBytes(utf8);
        }
        assertThat(entry.leafHash()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        assertThat(Arrays.equals(entry.leafHash(), Disclosure.of("d", "r", "u", "c", "k", "i", 5).leafHash())).isFalse();
    }
}
