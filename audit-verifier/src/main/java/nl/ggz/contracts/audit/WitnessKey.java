package nl.ggz.contracts.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A witness's (cosigner's) Ed25519 verifier key as a C2SP signed-note vkey (https://c2sp.org/signed-note, "Verifier
 * keys"; https://c2sp.org/tlog-cosignature): {@code <name>+<key ID, 8 hex digits>+<base64(0x04 ‖ 32-byte key)>}, the
 * type byte 0x04 naming a cosignature/v1 Ed25519 key and the key ID SHA-256(name ‖ 0x0A ‖ 0x04 ‖ key)[:4]. The same
 * text configures the server's witnesses ({@code ggz.audit.log.witnesses}) and the verifier's {@code --witness-key}.
 */
public record WitnessKey(String name, byte[] keyId, PublicKey key) {

    /** The signature type of an Ed25519 cosignature (tlog-cosignature). */
    public static final byte COSIGNATURE_V1 = 0x04;
    /** A key name: at least one character, no '+', no whitespace or control characters (signed-note). */
    private static final String NAME = "[\\x21-\\x2A\\x2C-\\x7E\\u00A1-\\uFFFF]+";

    /** Reads one vkey; refuses (naming what is wrong) one that is malformed or whose key ID does not match. */
    public static WitnessKey parse(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3); // base64 may hold '+' too
        if (parts.length != 3) {
            throw new IllegalArgumentException("a witness key is <name>+<key ID in hex>+<base64 key>");
        }
        if (!parts[0].matches(NAME) || parts[0].length() > 200) {
            throw new IllegalArgumentException("a witness key's name is 1 to 200 characters without spaces or '+'");
        }
        if (!parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("a witness key's ID is 8 lower-case hex digits");
        }
        byte[] material;
        try {
            material = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a witness key's key is not base64");
        }
        if (material.length != 33 || material[0] != COSIGNATURE_V1) {
            throw new IllegalArgumentException("a witness key is 0x04 (an Ed25519 cosignature/v1 key) and 32 bytes");
        }
        byte[] raw = Arrays.copyOfRange(material, 1, 33);
        WitnessKey key = new WitnessKey(parts[0], keyId(parts[0], raw), LogCheckpoint.publicKey(raw));
        if (!HexFormat.of().formatHex(key.keyId()).equals(parts[1])) {
            throw new IllegalArgumentException("the witness key of " + parts[0] + " has ID " + parts[1]
                    + ", its name and key give " + HexFormat.of().formatHex(key.keyId()));
        }
        return key;
    }

    /** Every vkey in a text, one a line; blank lines and lines starting with '#' are passed over. */
    public static List<WitnessKey> parseAll(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(WitnessKey::parse).toList();
    }

    public static WitnessKey of(String name, PublicKey key) {
        return new WitnessKey(name, keyId(name, LogCheckpoint.raw(key)), key);
    }

    /** The vkey text of this key. */
    public String vkey() {
        byte[] material = new byte[33];
        material[0] = COSIGNATURE_V1;
        System.arraycopy(LogCheckpoint.raw(key), 0, material, 1, 32);
        return name + "+" + HexFormat.of().formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(material);
    }

    static byte[] keyId(String name, byte[] raw) {
        MessageDigest sha256 = MerkleRoot.sha256();
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0x0A);
        sha256.update(COSIGNATURE_V1);
        sha256.update(raw);
        return Arrays.copyOf(sha256.digest(), 4);
    }
}
