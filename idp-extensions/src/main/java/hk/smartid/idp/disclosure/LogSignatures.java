package hk.smartid.idp.disclosure;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import hk.smartid.idp.jose.Es256;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the disclosure log signs (docs/banking-made-easy.md), as compact JWS ({@code ES256}, the {@code kid} of the
 * log realm's P-256 key, which the realm's JWKS publishes): the signed tree head (RFC 9162's STH) and the receipt
 * each person-data answer carries (RFC 9162's signed certificate timestamp: this entry, this time, included within
 * the maximum merge delay). The {@code typ} header tells the two apart, so one cannot stand for the other.
 */
public final class LogSignatures {

    public static final JOSEObjectType TREE_HEAD = new JOSEObjectType("disclosure-tree-head+jwt");
    public static final JOSEObjectType RECEIPT = new JOSEObjectType("disclosure-receipt+jwt");

    private LogSignatures() {
    }

    /** RFC 9162's signed tree head: the log's size and Merkle root (hex) at {@code timestamp} (epoch ms). */
    public record TreeHead(String logId, long treeSize, String rootHash, long timestamp) {

        public String signWith(ECPrivateKey key, String kid) {
            return sign(TREE_HEAD, key, kid, new JWTClaimsSet.Builder().claim("log_id", logId)
                    .claim("tree_size", treeSize).claim("root_hash", rootHash).claim("timestamp", timestamp).build());
        }
    }

    /** The promise that the entry with this leaf hash (hex) is in the log and in a signed head by {@code timestamp + mmd}. */
    public record Receipt(String logId, String disclosureId, String leafHash, long timestamp, long maximumMergeDelaySeconds) {

        public String signWith(ECPrivateKey key, String kid) {
            return sign(RECEIPT, key, kid, new JWTClaimsSet.Builder().claim("log_id", logId)
                    .claim("disclosure_id", disclosureId).claim("leaf_hash", leafHash).claim("timestamp", timestamp)
                    .claim("mmd", maximumMergeDelaySeconds).build());
        }
    }

    /** The tree head, if {@code jws} is one and its signature verifies with the key its {@code kid} names. */
    public static Optional<TreeHead> treeHead(String jws, Function<String, ECPublicKey> keys) {
        return verified(jws, TREE_HEAD, keys).map(claims -> {
            try {
                return new TreeHead(claims.getStringClaim("log_id"), claims.getLongClaim("tree_size"),
                        claims.getStringClaim("root_hash"), claims.getLongClaim("timestamp"));
            } catch (ParseException e) {
                return null;
            }
        }).filter(head -> head.logId() != null && head.rootHash() != null);
    }

    /** The receipt, if {@code jws} is one and its signature verifies with the key its {@code kid} names. */
    public static Optional<Receipt> receipt(String jws, Function<String, ECPublicKey> keys) {
        return verified(jws, RECEIPT, keys).map(claims -> {
            try {
                return new Receipt(claims.getStringClaim("log_id"), claims.getStringClaim("disclosure_id"),
                        claims.getStringClaim("leaf_hash"), claims.getLongClaim("timestamp"), claims.getLongClaim("mmd"));
            } catch (ParseException e) {
                return null;
            }
        }).filter(receipt -> receipt.disclosureId() != null && receipt.leafHash() != null);
    }

    private static String sign(JOSEObjectType type, ECPrivateKey key, String kid, JWTClaimsSet claims) {
        try {
            SignedJWT jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).type(type).build(), claims);
            jws.sign(Es256.signer(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the disclosure log's " + type, e);
        }
    }

    private static Optional<JWTClaimsSet> verified(String jws, JOSEObjectType type, Function<String, ECPublicKey> keys) {
        try {
            SignedJWT parsed = SignedJWT.parse(jws);
            JWSHeader header = parsed.getHeader();
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || !type.equals(header.getType()) || header.getKeyID() == null) {
                return Optional.empty();
            }
            ECPublicKey key = keys.apply(header.getKeyID());
            if (key == null || !parsed.verify(Es256.verifier(key))) {
                return Optional.empty();
            }
            return Optional.of(parsed.getJWTClaimsSet());
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
