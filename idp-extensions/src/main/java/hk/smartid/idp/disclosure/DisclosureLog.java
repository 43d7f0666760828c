package hk.smartid.idp.disclosure;

import hk.smartid.idp.bank.DataItem;
import hk.smartid.idp.disclosure.LogSignatures.Receipt;
import hk.smartid.idp.disclosure.LogSignatures.TreeHead;
import hk.smartid.idp.disclosure.MerkleTree.Frontier;
import hk.smartid.idp.disclosure.MerkleTree.Subtree;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The log of every disclosure of a resident's data to a bank (docs/banking-made-easy.md), after Certificate
 * Transparency (RFC 9162): an append inserts the entry and a pending row and takes no lock, so disclosures of
 * different residents to different banks never wait for each other; the sequencer ({@link #sequence}, every half
 * second, one node at a time by the lock on the sequencer's row) makes pending entries leaves of a Merkle tree
 * ({@link MerkleTree}) and signs a tree head. Each answer carries a signed {@link Receipt} of its entry, so that a
 * log that lost or dropped the entry is caught by whoever holds the receipt ({@link #verify}).
 */
public class DisclosureLog {

    /** Entries read per query when checking the log, so a long log never sits in memory whole. */
    static final int VERIFY_PAGE = 1000;
    /** Pending entries one tree head takes at most. */
    static final int SEQUENCE_BATCH = 5000;
    /** RFC 9162's maximum merge delay: a receipt promises its entry is in a signed head within this time. */
    public static final Duration MAXIMUM_MERGE_DELAY = Duration.ofHours(1);

    private static final HexFormat HEX = HexFormat.of();

    private final Supplier<EntityManager> entityManager;

    public DisclosureLog(KeycloakSession session) {
        Objects.requireNonNull(session, "session");
        this.entityManager = () -> session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** On a persistence unit of its own (the migration test runs the changelogs and these queries on H2). */
    DisclosureLog(EntityManager entityManager) {
        this.entityManager = () -> entityManager;
    }

    /** The log entry of the disclosure {@code id} (the person-data response's {@code jti}), to be appended. */
    public static Disclosure entry(String realmId, String userId, String id, String clientId, String consentId,
                                   List<DataItem> items, Instant at) {
        return Disclosure.of(id, realmId, userId, clientId, consentId,
                items.stream().map(DataItem::scope).collect(Collectors.joining(" ")), at.toEpochMilli());
    }

    /** Appends {@code entry} in this session's transaction; it is durable when that transaction has committed. */
    Disclosure append(Disclosure entry) {
        EntityManager em = em();
        em.persist(new DisclosureEntity(entry));
        em.persist(new PendingDisclosureEntity(entry));
        return entry;
    }

    /** The signed receipt of an appended entry. */
    public static String receiptOf(Disclosure entry, LogKeys keys) {
        return new Receipt(keys.logId(), entry.id(), HEX.formatHex(entry.leafHash()), entry.disclosedAt(),
                MAXIMUM_MERGE_DELAY.toSeconds()).signWith(keys.signingKey(), keys.kid());
    }

    /** The resident's disclosures, newest first. */
    public List<Disclosure> disclosuresOf(RealmModel realm, UserModel user) {
        return em().createNamedQuery(DisclosureEntity.FIND_BY_USER, Disclosure.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", user.getId())
                .getResultList();
    }

    /** The leaf index of each of these disclosures that is a leaf already (the others are pending). */
    public Map<String, Long> leafIndexes(Collection<String> disclosureIds) {
        if (disclosureIds.isEmpty()) {
            return Map.of();
        }
        return em().createNamedQuery(DisclosureLeafEntity.OF_DISCLOSURES, DisclosureLeafEntity.class)
                .setParameter("ids", disclosureIds).getResultStream()
                .collect(Collectors.toMap(DisclosureLeafEntity::getDisclosureId, DisclosureLeafEntity::getLeafIndex));
    }

    /** The newest signed tree head. */
    public Optional<StoredHead> latestHead() {
        return em().createNamedQuery(TreeHeadEntity.LATEST, TreeHeadEntity.class).setMaxResults(1).getResultStream()
                .findFirst().map(StoredHead::of);
    }

    /** The signed tree head of exactly {@code treeSize} leaves, if the log published one. */
    public Optional<StoredHead> head(long treeSize) {
        return Optional.ofNullable(em().find(TreeHeadEntity.class, treeSize)).map(StoredHead::of);
    }

    /** RFC 9162 inclusion proof of leaf {@code leafIndex} in the tree of {@code treeSize} leaves, as hex hashes. */
    public List<String> inclusionProof(long leafIndex, long treeSize) {
        return hex(MerkleTree.inclusionProof(this::storedHash, leafIndex, treeSize));
    }

    /** RFC 9162 consistency proof from the tree of {@code first} leaves to that of {@code second}, as hex hashes. */
    public List<String> consistencyProof(long first, long second) {
        return hex(MerkleTree.consistencyProof(this::storedHash, first, second));
    }

    /**
     * The sequencer's turn: under the lock of the sequencer's row, makes the oldest pending entries the next leaves,
     * stores the subtrees they complete and signs the new tree head, in this session's transaction. Nothing when no
     * entry is pending. A second node waits for the lock and then sees the tree already grown.
     */
    public Optional<TreeHead> sequence(LogKeys keys, Instant now) {
        EntityManager em = em();
        SequencerEntity sequencer = em.find(SequencerEntity.class, SequencerEntity.THE_SEQUENCER, LockModeType.PESSIMISTIC_WRITE);
        if (sequencer == null) {
            throw new IllegalStateException("SMARTID_DISCLOSURE_SEQUENCER has no row; the changelog inserts it");
        }
        List<Disclosure> batch = em.createNamedQuery(PendingDisclosureEntity.OLDEST, Disclosure.class)
                .setMaxResults(SEQUENCE_BATCH).getResultList();
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        Frontier tree = Frontier.of(this::storedHash, sequencer.getTreeSize());
        for (Disclosure entry : batch) {
            for (Subtree completed : tree.append(entry.leafHash())) {
                em.persist(completed.level() == 0
                        ? new DisclosureLeafEntity(completed.index(), entry.id(), HEX.formatHex(completed.hash()))
                        : new DisclosureNodeEntity(completed.level(), completed.index(), HEX.formatHex(completed.hash())));
            }
        }
        List<String> ids = batch.stream().map(Disclosure::id).toList();
        for (int from = 0; from < ids.size(); from += VERIFY_PAGE) {
            em.createNamedQuery(PendingDisclosureEntity.REMOVE)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + VERIFY_PAGE))).executeUpdate();
        }
        TreeHead head = new TreeHead(keys.logId(), tree.size(), HEX.formatHex(tree.root()), now.toEpochMilli());
        em.persist(new TreeHeadEntity(head.treeSize(), head.rootHash(), head.timestamp(), head.signWith(keys.signingKey(), keys.kid())));
        sequencer.grownTo(tree.size());
        return Optional.of(head);
    }

    /**
     * Checks the whole log and reports the first inconsistency: the old hash chain as it was; every leaf against its
     * entry (removed, altered); the stored subtrees that proofs are built from; every signed tree head (its signature,
     * and its root against the leaves, so each head extends the one before); the pending entries (still there, not
     * older than the maximum merge delay); entries in neither; and each receipt presented (its entry must be in the
     * log, unchanged).
     */
    public LogVerification verify(LogKeys keys, List<String> receipts, Instant now) {
        EntityManager em = em();
        LogVerification.Builder result = new LogVerification.Builder();

        ChainHead chainAtStart = chainHead(em);
        DisclosureChain chain = new DisclosureChain();
        long afterSeq = 0;
        List<Disclosure> chainPage;
        do {
            chainPage = em.createNamedQuery(DisclosureEntity.FIND_AFTER_SEQ, Disclosure.class)
                    .setParameter("afterSeq", afterSeq).setMaxResults(VERIFY_PAGE).getResultList();
            for (Disclosure entry : chainPage) {
                chain.check(entry);
                afterSeq = entry.seq();
            }
        } while (chainPage.size() == VERIFY_PAGE);
        DisclosureChain.ChainVerification chainResult = chain.end(chainAtStart, chainHead(em));
        if (chainResult.firstBroken() != null) {
            DisclosureChain.ChainBreak broken = chainResult.firstBroken();
            result.broken(new LogBreak(broken.seq(), null, broken.id(), "old hash chain: " + broken.reason()));
        }

        // Read in this order, so that an entry counted is pending or a leaf by the time each is read.
        long counted = em.createNamedQuery(DisclosureEntity.COUNT, Long.class).getSingleResult();
        List<PendingDisclosureEntity> pending = em.createNamedQuery(PendingDisclosureEntity.ALL, PendingDisclosureEntity.class)
                .getResultList();
        Set<String> pendingIds = pending.stream().map(PendingDisclosureEntity::getDisclosureId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        long treeSize = em.find(SequencerEntity.class, SequencerEntity.THE_SEQUENCER).getTreeSize();

        HeadsInOrder heads = new HeadsInOrder(em);
        Frontier tree = new Frontier();
        StoredHead lastHead = null;
        List<Subtree> completedAbove = new ArrayList<>();
        for (long from = 0; from < treeSize; from += VERIFY_PAGE) {
            List<DisclosureLeafEntity> leaves = em.createNamedQuery(DisclosureLeafEntity.FROM_INDEX, DisclosureLeafEntity.class)
                    .setParameter("from", from).setParameter("to", Math.min(treeSize, from + VERIFY_PAGE)).getResultList();
            Map<String, Disclosure> entries = byId(leaves.stream().map(DisclosureLeafEntity::getDisclosureId).toList());
            for (DisclosureLeafEntity leaf : leaves) {
                long index = leaf.getLeafIndex();
                if (index != tree.size()) {
                    result.broken(new LogBreak(null, tree.size(), null, "leaf " + tree.size() + " is missing"));
                    return result.end(tree, pendingIds.size());
                }
                Disclosure entry = entries.get(leaf.getDisclosureId());
                byte[] leafHash;
                if (entry == null) {
                    result.broken(new LogBreak(null, index, leaf.getDisclosureId(), "entry removed: leaf " + index
                            + " names a disclosure the log no longer has"));
                    leafHash = HEX.parseHex(leaf.getLeafHash());
                } else {
                    leafHash = entry.leafHash();
                    if (!HEX.formatHex(leafHash).equals(leaf.getLeafHash())) {
                        result.broken(new LogBreak(entry.seq(), index, entry.id(), "entry altered: its hash is not the leaf's"));
                    }
                }
                pendingIds.remove(leaf.getDisclosureId());
                result.entry();
                tree.append(leafHash).stream().filter(subtree -> subtree.level() > 0).forEach(completedAbove::add);
                lastHead = heads.checkAt(tree, result, keys).orElse(lastHead);
            }
            checkStoredSubtrees(completedAbove, result);
            completedAbove.clear();
            if (leaves.size() < Math.min(VERIFY_PAGE, treeSize - from)) {
                result.broken(new LogBreak(null, tree.size(), null, "leaf " + tree.size() + " is missing"));
                return result.end(tree, pendingIds.size());
            }
        }
        // A head the sequencer committed during the walk is beyond the tree size read before it, and fine.
        heads.beyond(tree, result, em.createQuery("select s.treeSize from SequencerEntity s where s.id = :id", Long.class)
                .setParameter("id", SequencerEntity.THE_SEQUENCER).getSingleResult());
        if (lastHead == null ? treeSize > 0 : lastHead.treeSize() < treeSize) {
            result.broken(new LogBreak(null, lastHead == null ? 0 : lastHead.treeSize(), null,
                    "leaves beyond the last signed tree head"));
        }

        Map<String, Disclosure> pendingEntries = byId(List.copyOf(pendingIds));
        for (PendingDisclosureEntity waiting : pending) {
            if (!pendingIds.contains(waiting.getDisclosureId())) {
                continue;
            }
            if (!pendingEntries.containsKey(waiting.getDisclosureId())) {
                result.broken(new LogBreak(null, null, waiting.getDisclosureId(), "entry removed before it became a leaf"));
            } else if (Instant.ofEpochMilli(waiting.getDisclosedAt()).plus(MAXIMUM_MERGE_DELAY).isBefore(now)) {
                result.broken(new LogBreak(null, null, waiting.getDisclosureId(),
                        "pending longer than the maximum merge delay"));
            } else {
                result.entry();
            }
        }
        if (result.entries() < counted) {
            result.broken(new LogBreak(null, null, null, (counted - result.entries())
                    + " entries are neither leaves nor pending (written behind the log's back)"));
        }

        checkReceipts(receipts, keys, now, result);
        return result.end(tree, pendingIds.size());
    }

    /**
     * The stored subtrees above the leaves against the hashes the leaves give: proofs are built from the stored ones,
     * so an altered or missing row would make the portal's inclusion check fail for the leaves below it.
     */
    private void checkStoredSubtrees(List<Subtree> computed, LogVerification.Builder result) {
        Map<Integer, List<Subtree>> byLevel = computed.stream()
                .collect(Collectors.groupingBy(Subtree::level, TreeMap::new, Collectors.toList()));
        byLevel.forEach((level, subtrees) -> {
            Map<Long, String> stored = em().createNamedQuery(DisclosureNodeEntity.AT_LEVEL, DisclosureNodeEntity.class)
                    .setParameter("level", level).setParameter("from", subtrees.get(0).index())
                    .setParameter("to", subtrees.get(subtrees.size() - 1).index() + 1).getResultStream()
                    .collect(Collectors.toMap(DisclosureNodeEntity::getIndex, DisclosureNodeEntity::getHash));
            for (Subtree subtree : subtrees) {
                String hash = stored.get(subtree.index());
                if (!HEX.formatHex(subtree.hash()).equals(hash)) {
                    result.broken(new LogBreak(null, subtree.index() << level, null, "stored subtree at level " + level
                            + ", index " + subtree.index() + (hash == null ? " is missing" : " is not the hash of its leaves")));
                }
            }
        });
    }

    private void checkReceipts(List<String> receipts, LogKeys keys, Instant now, LogVerification.Builder result) {
        List<Receipt> valid = new ArrayList<>();
        for (int i = 0; i < receipts.size(); i++) {
            Optional<Receipt> receipt = LogSignatures.receipt(receipts.get(i), keys.publicKeys());
            if (receipt.isEmpty() || !keys.logId().equals(receipt.get().logId())) {
                result.invalidReceipt(i);
            } else {
                valid.add(receipt.get());
            }
        }
        Map<String, Disclosure> entries = byId(valid.stream().map(Receipt::disclosureId).toList());
        Map<String, Long> leaves = leafIndexes(entries.keySet());
        for (Receipt receipt : valid) {
            Disclosure entry = entries.get(receipt.disclosureId());
            result.receiptChecked();
            if (entry == null) {
                result.broken(new LogBreak(null, null, receipt.disclosureId(), "receipt for an entry missing from the log"
                        + " (signed at " + Instant.ofEpochMilli(receipt.timestamp()) + ")"));
            } else if (!HEX.formatHex(entry.leafHash()).equals(receipt.leafHash())) {
                result.broken(new LogBreak(entry.seq(), leaves.get(entry.id()), entry.id(),
                        "entry altered: its hash is not the one its receipt signed"));
            } else if (!leaves.containsKey(entry.id())
                    && Instant.ofEpochMilli(receipt.timestamp()).plus(Duration.ofSeconds(receipt.maximumMergeDelaySeconds())).isBefore(now)) {
                result.broken(new LogBreak(null, null, entry.id(), "receipt's entry not in a signed head within the maximum merge delay"));
            }
        }
    }

    private Map<String, Disclosure> byId(List<String> ids) {
        Map<String, Disclosure> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += VERIFY_PAGE) {
            em().createNamedQuery(DisclosureEntity.FIND_BY_IDS, Disclosure.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + VERIFY_PAGE)))
                    .getResultStream().forEach(entry -> found.put(entry.id(), entry));
        }
        return found;
    }

    /** A stored subtree's hash: level 0 from the leaves, above from the nodes. */
    private byte[] storedHash(int level, long index) {
        String hash;
        if (level == 0) {
            DisclosureLeafEntity leaf = em().find(DisclosureLeafEntity.class, index);
            hash = leaf == null ? null : leaf.getLeafHash();
        } else {
            DisclosureNodeEntity node = em().find(DisclosureNodeEntity.class, new DisclosureNodeEntity.Key(level, index));
            hash = node == null ? null : node.getHash();
        }
        if (hash == null) {
            throw new IllegalStateException("The disclosure log's subtree at level " + level + ", index " + index + " is missing");
        }
        return HEX.parseHex(hash);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    /** The old chain's head row as committed now (a query, not the persistence context's copy). */
    private static ChainHead chainHead(EntityManager em) {
        return em.createNamedQuery(DisclosureHeadEntity.READ, ChainHead.class).getSingleResult();
    }

    private EntityManager em() {
        return entityManager.get();
    }

    /** A published tree head as stored: its size and root (hex) and the JWS that signs them. */
    public record StoredHead(long treeSize, String rootHash, String signedHead) {

        static StoredHead of(TreeHeadEntity entity) {
            return new StoredHead(entity.getTreeSize(), entity.getRootHash(), entity.getSignedHead());
        }
    }

    /** The signed heads in tree-size order, read a page at a time while the leaves are walked. */
    private static final class HeadsInOrder {

        private final EntityManager em;
        private List<TreeHeadEntity> page = List.of();
        private int next;
        private long afterSize = -1;
        private boolean exhausted;

        HeadsInOrder(EntityManager em) {
            this.em = em;
        }

        private TreeHeadEntity peek() {
            if (next == page.size() && !exhausted) {
                page = em.createQuery("select h from TreeHeadEntity h where h.treeSize > :after order by h.treeSize",
                        TreeHeadEntity.class).setParameter("after", afterSize).setMaxResults(VERIFY_PAGE).getResultList();
                next = 0;
                exhausted = page.size() < VERIFY_PAGE;
            }
            return next < page.size() ? page.get(next) : null;
        }

        /** Checks the heads of exactly the tree's size so far; returns the last one checked. */
        Optional<StoredHead> checkAt(Frontier tree, LogVerification.Builder result, LogKeys keys) {
            StoredHead checked = null;
            TreeHeadEntity head;
            while ((head = peek()) != null && head.getTreeSize() <= tree.size()) {
                next++;
                afterSize = head.getTreeSize();
                result.head();
                String root = HEX.formatHex(tree.root());
                Optional<TreeHead> signed = LogSignatures.treeHead(head.getSignedHead(), keys.publicKeys());
                if (signed.isEmpty() || !keys.logId().equals(signed.get().logId())) {
                    result.broken(new LogBreak(null, head.getTreeSize(), null, "tree head " + head.getTreeSize()
                            + ": its signature does not verify"));
                } else if (signed.get().treeSize() != head.getTreeSize() || !signed.get().rootHash().equals(head.getRootHash())) {
                    result.broken(new LogBreak(null, head.getTreeSize(), null, "tree head " + head.getTreeSize()
                            + ": its columns differ from what it signs"));
                } else if (!root.equals(signed.get().rootHash())) {
                    result.broken(new LogBreak(null, head.getTreeSize(), null, "tree head " + head.getTreeSize()
                            + " does not extend the heads before it: its root is not the root of the leaves"));
                }
                checked = StoredHead.of(head);
            }
            return Optional.ofNullable(checked);
        }

        /** Heads larger than the tree as it is now (a head for leaves that are not there). */
        void beyond(Frontier tree, LogVerification.Builder result, long treeSizeNow) {
            TreeHeadEntity head = peek();
            if (head != null && head.getTreeSize() > Math.max(tree.size(), treeSizeNow)) {
                result.broken(new LogBreak(null, tree.size(), null, "tree head " + head.getTreeSize()
                        + " is beyond the tree's " + tree.size() + " leaves"));
            }
        }
    }

    /** Where the log first breaks: the old chain's {@code seq}, the tree's {@code leafIndex} (or tree size), the entry's id, each when known. */
    public record LogBreak(Long seq, Long leafIndex, String id, String reason) {
    }

    /**
     * The outcome of {@link #verify}: {@code entries} counts every entry checked (leaves and pending), {@code heads}
     * the signed heads checked, {@code receipts} the valid receipts checked; {@code invalidReceipts} the positions of
     * receipts that are not signed by the log (the presenter's problem, not the log's).
     */
    public record LogVerification(boolean intact, long entries, LogBreak firstBroken, long treeSize, String rootHash,
                                  long heads, long pending, int receipts, List<Integer> invalidReceipts) {

        static final class Builder {
            private LogBreak firstBroken;
            private long entries;
            private long heads;
            private int receipts;
            private final List<Integer> invalidReceipts = new ArrayList<>();

            void broken(LogBreak broken) {
                if (firstBroken == null) {
                    firstBroken = broken;
                }
            }

            void entry() {
                entries++;
            }

            long entries() {
                return entries;
            }

            void head() {
                heads++;
            }

            void receiptChecked() {
                receipts++;
            }

            void invalidReceipt(int position) {
                invalidReceipts.add(position);
            }

            LogVerification end(Frontier tree, long pending) {
                return new LogVerification(firstBroken == null, entries, firstBroken, tree.size(),
                        HEX.formatHex(tree.root()), heads, pending, receipts, List.copyOf(invalidReceipts));
            }
        }
    }
}
