package nl.ggz.contracts.api.web.audit;

import java.util.HexFormat;

/** Hashes in an export: lowercase hex, as the verifier reads them; null stays null (events before the chain). */
final class Hex {

    private static final HexFormat LOWERCASE = HexFormat.of();

    private Hex() {
    }

    static String of(byte[] bytes) {
        return bytes == null ? null : LOWERCASE.formatHex(bytes);
    }
}
