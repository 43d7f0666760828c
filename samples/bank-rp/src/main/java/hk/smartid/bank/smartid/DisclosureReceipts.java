package hk.smartid.bank.smartid;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The receipts SmartID gave for the bank's disclosures, kept as the bank's evidence (docs/banking-made-easy.md):
 * one JSON line per disclosure, {@code {"disclosureId": ..., "receipt": "<JWS>"}}, appended to
 * {@code disclosure-receipts.jsonl} in the bank's key directory. An auditor given them checks SmartID's log still
 * has every entry ({@code POST /data-sharing/disclosure-log/verification}).
 */
public final class DisclosureReceipts {

    public static final String FILE = "disclosure-receipts.jsonl";

    private final Path file;

    public DisclosureReceipts(Path directory) {
        this.file = directory.resolve(FILE);
    }

    /** Appends and forces the line to disk before the account form is shown: the receipt is the bank's proof. */
    public synchronized void keep(String disclosureId, String receipt) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("disclosureId", disclosureId);
        line.put("receipt", receipt);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSONObjectUtils.toJSONString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the receipt of disclosure " + disclosureId, e);
        }
    }
}
