package hk.smartid.idp.disclosure;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import hk.smartid.idp.disclosure.DisclosureLog.LogVerification;
import hk.smartid.idp.disclosure.LogSignatures.TreeHead;
import hk.smartid.idp.storage.SmartIdTables;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disclosure log on a real database (H2, the changelogs Keycloak runs, the entities and queries Keycloak uses):
 * a database holding the old hash chain is migrated, its entries become the tree's first leaves and the chain stays
 * checkable; then each kind of tampering is done with SQL, as someone with database access would, and the check
 * names it.
 */
class DisclosureLogMigrationTest {

    private static final long T0 = 1_764_547_200_000L;
    private static final Instant NOW = Instant.ofEpochMilli(T0 + 60_000);

    private String url;
    private Connection db;
    private EntityManagerFactory jpa;
    private LogKeys keys;
    private ECKey key;

    @BeforeEach
    void oldChainMigrated() throws Exception {
        url = "jdbc:h2:mem:disclosure-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        db = DriverManager.getConnection(url);
        migrate("META-INF/changelog-before-merkle-tree.xml");
        // The chain as the old DisclosureLog.append wrote it: five entries and the head row.
        long lastSeq = 0;
        String lastHash = DisclosureChain.GENESIS_HASH;
        for (int i = 1; i <= 5; i++) {
            Disclosure entry = DisclosureChain.next(lastSeq, lastHash, "old-" + i, "realm-1", "user-" + (i % 2),
                    "sample-bank", "consent-1", "person.hkid person.name_en", T0 + i);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO SMARTID_DISCLOSURE (SEQ, ID, REALM_ID, USER_ID,"
                    + " CLIENT_ID, CONSENT_ID, ITEMS, DISCLOSED_AT, PREVIOUS_HASH, ENTRY_HASH) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, entry.seq());
                insert.setString(2, entry.id());
                insert.setString(3, entry.realmId());
                insert.setString(4, entry.userId());
                insert.setString(5, entry.clientId());
                insert.setString(6, entry.consentId());
                insert.setString(7, entry.items());
                insert.setLong(8, entry.disclosedAt());
                insert.setString(9, entry.previousHash());
                insert.setString(10, entry.entryHash());
                insert.executeUpdate();
            }
            lastSeq = entry.seq();
            lastHash = entry.entryHash();
        }
        sql("UPDATE SMARTID_DISCLOSURE_HEAD SET LAST_SEQ = 5, LAST_HASH = '" + lastHash + "' WHERE ID = 1");

        migrate("META-INF/changelog-merkle-tree.xml");

        PersistenceConfiguration unit = new PersistenceConfiguration("disclosure-log")
                .property(PersistenceConfiguration.JDBC_URL, url);
        new SmartIdTables().getEntities().forEach(unit::managedClass);
        jpa = unit.createEntityManagerFactory();
        key = new ECKeyGenerator(Curve.P_256).keyID("realm-es256").generate();
        keys = keysOf(key);
    }

    @AfterEach
    void close() throws Exception {
        jpa.close();
        db.close();
    }

    private LogKeys keysOf(ECKey signing) throws Exception {
        ECKey published = key;
        return new LogKeys("smartid-disclosure-log:smartid", signing.toECPrivateKey(), signing.getKeyID(), kid -> {
            try {
                return published.getKeyID().equals(kid) ? published.toECPublicKey() : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void migrate(String changelog) throws Exception {
        Connection connection = DriverManager.getConnection(url);
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        try (Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(), database)) {
            liquibase.update(new Contexts());
        }
    }

    private int sql(String statement) throws Exception {
        return db.createStatement().executeUpdate(statement);
    }

    private long count(String query) throws Exception {
        try (ResultSet rows = db.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** One unit of work on the log, committed, as Keycloak's request or scheduled task would run it. */
    private <T> T inTransaction(Function<DisclosureLog, T> work) {
        EntityManager em = jpa.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(new DisclosureLog(em));
            em.getTransaction().commit();
            return result;
        } finally {
            em.close();
        }
    }

    private Disclosure appendNew(String id, long at) {
        return inTransaction(log -> log.append(Disclosure.of(id, "realm-1", "user-1", "bank-" + id, "consent-2",
                "person.hkid", at)));
    }

    private Optional<TreeHead> sequence() {
        return inTransaction(log -> log.sequence(keys, NOW));
    }

    private LogVerification verify(String... receipts) {
        return inTransaction(log -> log.verify(keys, List.of(receipts), NOW));
    }

    /** The old chain's five entries merged into a head, three new entries appended and merged into a second. */
    private void twoHeads() {
        assertThat(sequence()).map(TreeHead::treeSize).contains(5L);
        for (int i = 1; i <= 3; i++) {
            appendNew("new-" + i, T0 + 100 + i);
        }
        assertThat(sequence()).map(TreeHead::treeSize).contains(8L);
    }

    @Test
    void shouldQueueTheOldChainAsTheFirstLeavesAndKeepItCheckable() throws Exception {
        assertThat(count("SELECT COUNT(*) FROM SMARTID_DISCLOSURE_PENDING")).isEqualTo(5);
        assertThat(count("SELECT TREE_SIZE FROM SMARTID_DISCLOSURE_SEQUENCER WHERE ID = 1")).isZero();

        twoHeads();
        LogVerification result = verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.entries()).isEqualTo(8);
        assertThat(result.treeSize()).isEqualTo(8);
        assertThat(result.heads()).isEqualTo(2);
        assertThat(result.pending()).isZero();
        assertThat(count("SELECT COUNT(*) FROM SMARTID_DISCLOSURE WHERE SEQ IS NULL")).isEqualTo(3);
        // Nothing left to merge: no empty head is signed.
        assertThat(sequence()).isEmpty();
    }

    @Test
    void shouldProveEveryLeafInTheLatestHeadAndTheNewerHeadConsistentWithTheOlder() {
        twoHeads();
        inTransaction(log -> {
            DisclosureLog.StoredHead older = log.head(5).orElseThrow();
            DisclosureLog.StoredHead newer = log.latestHead().orElseThrow();
            byte[] root = HexFormat.of().parseHex(LogSignatures.treeHead(newer.signedHead(), keys.publicKeys()).orElseThrow().rootHash());
            for (long leaf = 0; leaf < 8; leaf++) {
                List<byte[]> proof = log.inclusionProof(leaf, 8).stream().map(HexFormat.of()::parseHex).toList();
                assertThat(MerkleTree.verifyInclusion(leaf, 8, leafHashAt(log, leaf), proof, root)).as("leaf %d", leaf).isTrue();
            }
            List<byte[]> consistency = log.consistencyProof(5, 8).stream().map(HexFormat.of()::parseHex).toList();
            assertThat(MerkleTree.verifyConsistency(5, 8, HexFormat.of().parseHex(older.rootHash()),
                    HexFormat.of().parseHex(newer.rootHash()), consistency)).isTrue();
            return null;
        });
    }

    private byte[] leafHashAt(DisclosureLog log, long index) {
        return HexFormat.of().parseHex(jpa.createEntityManager().find(DisclosureLeafEntity.class, index).getLeafHash());
    }

    @Nested
    class ShouldReportTheFirstInconsistency {

        @BeforeEach
        void logWithTwoHeads() {
            twoHeads();
            assertThat(verify().intact()).isTrue();
        }

        private void assertBroken(LogVerification result, Consumer<DisclosureLog.LogBreak> expectation) {
            assertThat(result.intact()).isFalse();
            expectation.accept(result.firstBroken());
        }

        @Test
        void anEntryAltered() throws Exception {
            assertThat(sql("UPDATE SMARTID_DISCLOSURE SET ITEMS = 'person.address' WHERE ID = 'new-2'")).isEqualTo(1);

            assertBroken(verify(), broken -> {
                assertThat(broken.id()).isEqualTo("new-2");
                assertThat(broken.leafIndex()).isEqualTo(6);
                assertThat(broken.reason()).startsWith("entry altered");
            });
        }

        @Test
        void anOldChainEntryAlteredInTheChainFirst() throws Exception {
            assertThat(sql("UPDATE SMARTID_DISCLOSURE SET ITEMS = 'person.address' WHERE ID = 'old-3'")).isEqualTo(1);

            assertBroken(verify(), broken -> {
                assertThat(broken.seq()).isEqualTo(3);
                assertThat(broken.reason()).startsWith("old hash chain: entry altered");
            });
        }

        @Test
        void anEntryRemoved() throws Exception {
            assertThat(sql("DELETE FROM SMARTID_DISCLOSURE WHERE ID = 'new-1'")).isEqualTo(1);

            assertBroken(verify(), broken -> {
                assertThat(broken.id()).isEqualTo("new-1");
                assertThat(broken.leafIndex()).isEqualTo(5);
                assertThat(broken.reason()).startsWith("entry removed");
            });
        }

        @Test
        void anEntryAndItsLeafRemovedTogether() throws Exception {
            sql("DELETE FROM SMARTID_DISCLOSURE WHERE ID = 'new-1'");
            sql("DELETE FROM SMARTID_DISCLOSURE_LEAF WHERE DISCLOSURE_ID = 'new-1'");

            assertBroken(verify(), broken -> {
                assertThat(broken.leafIndex()).isEqualTo(5);
                assertThat(broken.reason()).isEqualTo("leaf 5 is missing");
            });
        }

        @Test
        void aStoredSubtreeAltered() throws Exception {
            // Leaves 4 and 5 (old-5 and new-1); proofs for leaves 0 to 3 and 6, 7 pass through it.
            assertThat(sql("UPDATE SMARTID_DISCLOSURE_NODE SET NODE_HASH = '" + "0".repeat(64)
                    + "' WHERE NODE_LEVEL = 1 AND NODE_INDEX = 2")).isEqualTo(1);

            assertBroken(verify(), broken -> {
                assertThat(broken.leafIndex()).isEqualTo(4);
                assertThat(broken.reason()).isEqualTo("stored subtree at level 1, index 2 is not the hash of its leaves");
            });
        }

        @Test
        void aStoredSubtreeRemoved() throws Exception {
            assertThat(sql("DELETE FROM SMARTID_DISCLOSURE_NODE WHERE NODE_LEVEL = 3 AND NODE_INDEX = 0")).isEqualTo(1);

            assertBroken(verify(), broken -> {
                assertThat(broken.leafIndex()).isEqualTo(0);
                assertThat(broken.reason()).isEqualTo("stored subtree at level 3, index 0 is missing");
            });
        }

        @Test
        void aHeadWhoseSignatureDoesNotVerify() throws Exception {
            ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("realm-es256").generate();
            String root = inTransaction(log -> log.head(5).orElseThrow().rootHash());
            String forged = new TreeHead(keys.logId(), 5, root, T0).signWith(stranger.toECPrivateKey(), "realm-es256");
            assertThat(sql("UPDATE SMARTID_DISCLOSURE_TREE_HEAD SET SIGNED_HEAD = '" + forged + "' WHERE TREE_SIZE = 5")).isEqualTo(1);

            assertBroken(verify(), broken -> assertThat(broken.reason()).isEqualTo("tree head 5: its signature does not verify"));
        }

        @Test
        void aSignedHeadThatDoesNotExtendThePreviousOne() throws Exception {
            // The log's key signs a head 8 over a forked history (leaf 6 another entry) in place of the real one.
            MerkleTree.Frontier fork = new MerkleTree.Frontier();
            inTransaction(log -> {
                for (long leaf = 0; leaf < 8; leaf++) {
                    fork.append(leaf == 6 ? Disclosure.of("other", "realm-1", "user-1", "b", "k", "person.hkid", T0).leafHash()
                            : leafHashAt(log, leaf));
                }
                return null;
            });
            String root = HexFormat.of().formatHex(fork.root());
            String forged = new TreeHead(keys.logId(), 8, root, T0).signWith(key.toECPrivateKey(), key.getKeyID());
            sql("UPDATE SMARTID_DISCLOSURE_TREE_HEAD SET ROOT_HASH = '" + root + "', SIGNED_HEAD = '" + forged + "' WHERE TREE_SIZE = 8");

            assertBroken(verify(), broken -> assertThat(broken.reason())
                    .isEqualTo("tree head 8 does not extend the heads before it: its root is not the root of the leaves"));
            // The auditor holding head 5 sees the same: no consistency proof leads from it to the forged head 8.
            inTransaction(log -> {
                List<byte[]> proof = log.consistencyProof(5, 8).stream().map(HexFormat.of()::parseHex).toList();
                assertThat(MerkleTree.verifyConsistency(5, 8, HexFormat.of().parseHex(log.head(5).orElseThrow().rootHash()),
                        fork.root(), proof)).isFalse();
                return null;
            });
        }

        @Test
        void aReceiptWhoseEntryARollbackLost() throws Exception {
            Disclosure lost = appendNew("new-9", T0 + 900);
            String receipt = DisclosureLog.receiptOf(lost, keys);
            // The database loses its last commit: the entry and its pending row are gone, the log is consistent.
            sql("DELETE FROM SMARTID_DISCLOSURE_PENDING WHERE DISCLOSURE_ID = 'new-9'");
            sql("DELETE FROM SMARTID_DISCLOSURE WHERE ID = 'new-9'");
            assertThat(verify().intact()).isTrue();

            LogVerification withReceipt = verify(receipt);

            assertBroken(withReceipt, broken -> {
                assertThat(broken.id()).isEqualTo("new-9");
                assertThat(broken.reason()).startsWith("receipt for an entry missing from the log");
            });
            assertThat(withReceipt.receipts()).isEqualTo(1);
        }

        @Test
        void anEntryWrittenBehindTheLogsBack() throws Exception {
            sql("INSERT INTO SMARTID_DISCLOSURE (ID, REALM_ID, USER_ID, CLIENT_ID, CONSENT_ID, ITEMS, DISCLOSED_AT)"
                    + " VALUES ('forged', 'realm-1', 'user-1', 'sample-bank', 'consent-1', 'person.hkid', " + T0 + ")");

            assertBroken(verify(), broken -> assertThat(broken.reason())
                    .isEqualTo("1 entries are neither leaves nor pending (written behind the log's back)"));
        }

        @Test
        void notAReceiptSignedByTheLog() throws Exception {
            ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("realm-es256").generate();
            String forged = DisclosureLog.receiptOf(Disclosure.of("ghost", "r", "u", "c", "k", "i", T0), keysOf(stranger));

            LogVerification result = verify(forged);

            assertThat(result.intact()).isTrue();
            assertThat(result.invalidReceipts()).containsExactly(0);
        }
    }
}
