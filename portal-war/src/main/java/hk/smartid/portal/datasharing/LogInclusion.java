package hk.smartid.portal.datasharing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The portal's own check that a disclosure the IdP lists is in the IdP's signed disclosure log
 * (docs/banking-made-easy.md): the leaf hash recomputed from the fields the page shows, the inclusion proof checked
 * as RFC 9162 2.1.3.2 says, against the root of a tree head whose ES256 signature verifies with the realm's JWKS. The
 * IdP's word alone is not taken: a log that lost or changed the entry cannot produce a proof.
 */
final class LogInclusion {

    static final JOSEObjectType TREE_HEAD = new JOSEObjectType("disclosure-tree-head+jwt");

    private final JWKSource<SecurityContext> realmKeys;
    /** Roots of the signed heads already checked in this answer (its lines share the latest head), by JWS and size. */
    private final Map<String, Optional<byte[]>> roots = new HashMap<>();

    LogInclusion(JWKSource<SecurityContext> realmKeys) {
        this.realmKeys = realmKeys;
    }

    /** The outcome for one line of the IdP's answer. */
    LogStatus statusOf(MyDataSharing.DisclosureBody body) {
        MyDataSharing.LoggedEntry entry = body.entry;
        MyDataSharing.Inclusion inclusion = body.inclusion;
        if (entry == null || body.at == null) {
            return LogStatus.failed();
        }
        // What the page shows must be what the leaf covers.
        if (!String.join(" ", body.items == null ? List.of() : body.items).equals(entry.items)
                || !body.at.equals(Instant.ofEpochMilli(entry.disclosedAt).toString())) {
            return LogStatus.failed();
        }
        if (inclusion == null) {
            return LogStatus.PENDING;
        }
        Optional<byte[]> root = rootOf(inclusion.treeHead, inclusion.treeSize);
        if (root.isEmpty() || inclusion.inclusionProof == null) {
            return LogStatus.failed();
        }
        byte[] leaf = leafHash(body.id, entry.realmId, entry.userId, body.clientId, entry.consentId, entry.items,
                Long.toString(entry.disclosedAt));
        List<byte[]> proof;
        try {
            proof = inclusion.inclusionProof.stream().map(HexFormat.of()::parseHex).toList();
        } catch (IllegalArgumentException | NullPointerException e) {
            return LogStatus.failed();
        }
        return verifyInclusion(inclusion.leafIndex, inclusion.treeSize, leaf, proof, root.get())
                ? LogStatus.verified(inclusion.treeSize) : LogStatus.failed();
    }

    /** The root the tree head signs, if its signature verifies and it is of {@code treeSize} leaves. */
    private Optional<byte[]> rootOf(String treeHead, long treeSize) {
        if (treeHead == null) {
            return Optional.empty();
        }
        return roots.computeIfAbsent(treeHead + "#" + treeSize, key -> {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TREE_HEAD));
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, realmKeys));
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(new JWTClaimsSet.Builder().build(),
                    Set.of("log_id", "tree_size", "root_hash", "timestamp")));
            try {
                JWTClaimsSet claims = processor.process(treeHead, null);
                if (claims.getLongClaim("tree_size") != treeSize) {
                    return Optional.empty();
                }
                return Optional.of(HexFormat.of().parseHex(claims.getStringClaim("root_hash")));
            } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException | NullPointerException e) {
                return Optional.empty();
            }
        });
    }

    /** RFC 9162 leaf hash of the log's entry encoding: each field as its UTF-8 length (4 bytes, big-endian) then bytes. */
    static byte[] leafHash(String... fields) {
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        entry.write(0);
        for (String field : fields) {
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            entry.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(field == null ? -1 : bytes.length).array());
            entry.writeBytes(bytes);
        }
        return sha256().digest(entry.toByteArray());
    }

    /** RFC 9162 2.1.3.2, verbatim. */
    static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
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
                r = node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    private static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 1);
        sha256.update(left);
        return sha256.digest(right);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
