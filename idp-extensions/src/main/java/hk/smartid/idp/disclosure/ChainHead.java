package hk.smartid.idp.disclosure;

/** Where the disclosure chain ends according to its head row: the last SEQ appended and that entry's hash. */
public record ChainHead(long lastSeq, String lastHash) {
}
