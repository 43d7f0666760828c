package hk.smartid.idp.disclosure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The Merkle tree of the disclosure log as RFC 9162 (Certificate Transparency 2.0) section 2.1 defines it:
 * leaf hash {@code SHA-256(0x00 || entry)}, node hash {@code SHA-256(0x01 || left || right)}, the tree over
 * {@code n} leaves split at the largest power of two smaller than {@code n}; inclusion and consistency proofs
 * built (2.1.3.1, 2.1.4.1) and checked (2.1.3.2, 2.1.4.2) exactly as there. Pure: the stored hashes come
 * through {@link Subtrees}, so every proof and every kind of tampering can be tried in a unit test.
 */
public final class MerkleTree {

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private MerkleTree() {
    }

    /**
     * The hashes of complete subtrees as stored: {@code hash(level, index)} is the root of the perfect subtree
     * over leaves {@code [index * 2^level, (index + 1) * 2^level)}; level 0 is the leaf hashes.
     */
    @FunctionalInterface
    public interface Subtrees {
        byte[] hash(int level, long index);
    }

    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF);
        return sha256.digest(entry);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** MTH of the empty tree: the hash of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH(D[lo:hi]) from the stored subtrees: at most one lookup per level. */
    public static byte[] root(Subtrees tree, long lo, long hi) {
        long n = hi - lo;
        if (n == 0) {
            return emptyRoot();
        }
        if (Long.bitCount(n) == 1 && lo % n == 0) {
            return tree.hash(Long.numberOfTrailingZeros(n), lo / n);
        }
        long k = split(n);
        return nodeHash(root(tree, lo, lo + k), root(tree, lo + k, hi));
    }

    /** PATH(m, D[0:n]): the audit path of leaf {@code m} in the tree of the first {@code n} leaves. */
    public static List<byte[]> inclusionProof(Subtrees tree, long m, long n) {
        if (m < 0 || m >= n) {
            throw new IllegalArgumentException("leaf " + m + " is not in a tree of " + n);
        }
        List<byte[]> path = new ArrayList<>();
        path(tree, m, 0, n, path);
        return path;
    }

    private static void path(Subtrees tree, long m, long lo, long hi, List<byte[]> out) {
        long n = hi - lo;
        if (n <= 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(tree, m, lo, lo + k, out);
            out.add(root(tree, lo + k, hi));
        } else {
            path(tree, m - k, lo + k, hi, out);
            out.add(root(tree, lo, lo + k));
        }
    }

    /** PROOF(m, D[0:n]): that the tree of the first {@code m} leaves is a prefix of the tree of {@code n}. */
    public static List<byte[]> consistencyProof(Subtrees tree, long m, long n) {
        if (m <= 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(tree, m, 0, n, true, proof);
        return proof;
    }

    private static void subproof(Subtrees tree, long m, long lo, long hi, boolean complete, List<byte[]> out) {
        long n = hi - lo;
        if (m == n) {
            if (!complete) {
                out.add(root(tree, lo, hi));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(tree, m, lo, lo + k, complete, out);
            out.add(root(tree, lo + k, hi));
        } else {
            subproof(tree, m - k, lo + k, hi, false, out);
            out.add(root(tree, lo, lo + k));
        }
    }

    /** RFC 9162 2.1.3.2: whether {@code proof} shows the leaf at {@code index} in the tree of {@code size} with {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 2.1.4.2: whether {@code proof} shows the tree ({@code first}, {@code firstRoot}) is a prefix of ({@code second}, {@code secondRoot}). */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first <= 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        Deque<byte[]> path = new ArrayDeque<>(proof);
        if (Long.bitCount(first) == 1) {
            path.addFirst(firstRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        Iterator<byte[]> rest = path.iterator();
        byte[] fr = rest.next();
        byte[] sr = fr;
        while (rest.hasNext()) {
            byte[] c = rest.next();
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /** The largest power of two smaller than {@code n} (n > 1). */
    private static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * The right edge of a growing tree: the roots of its complete subtrees, largest first. Appending a leaf
     * completes subtrees, which are handed back to be stored; the root of the tree so far folds the edge from
     * the right (RFC 9162's split makes the left part the largest complete subtree).
     */
    public static final class Frontier {

        private final Deque<Subtree> edge = new ArrayDeque<>();
        private long size;

        /** The edge of the tree of {@code size} leaves, read from the stored subtrees (one per bit of size). */
        public static Frontier of(Subtrees tree, long size) {
            Frontier frontier = new Frontier();
            long start = 0;
            for (int level = 63; level >= 0; level--) {
                if ((size & (1L << level)) != 0) {
                    frontier.edge.addLast(new Subtree(level, start >> level, tree.hash(level, start >> level)));
                    start += 1L << level;
                }
            }
            frontier.size = size;
            return frontier;
        }

        public long size() {
            return size;
        }

        /** Appends a leaf; returns the subtrees it completed (the leaf itself first). */
        public List<Subtree> append(byte[] leafHash) {
            List<Subtree> completed = new ArrayList<>();
            Subtree top = new Subtree(0, size, leafHash);
            completed.add(top);
            while (!edge.isEmpty() && edge.peekLast().level() == top.level()) {
                Subtree left = edge.removeLast();
                top = new Subtree(top.level() + 1, left.index() >> 1, nodeHash(left.hash(), top.hash()));
                completed.add(top);
            }
            edge.addLast(top);
            size++;
            return completed;
        }

        public byte[] root() {
            if (edge.isEmpty()) {
                return emptyRoot();
            }
            Iterator<Subtree> fromRight = edge.descendingIterator();
            byte[] root = fromRight.next().hash();
            while (fromRight.hasNext()) {
                root = nodeHash(fromRight.next().hash(), root);
            }
            return root;
        }
    }

    /** A complete subtree: its level (0 for a leaf), its index among the subtrees of that level, its hash. */
    public record Subtree(int level, long index, byte[] hash) {
    }
}
