package nl.ggz.contracts.audit;

import java.util.Base64;

/** The text armour of keys (RFC 7468): {@code -----BEGIN type-----}, base64 in lines of 64, {@code -----END type-----}. */
public final class Pem {

    public static final String PUBLIC_KEY = "PUBLIC KEY";
    public static final String PRIVATE_KEY = "PRIVATE KEY";

    private Pem() {
    }

    public static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The bytes of the first block of this type; text around it (as openssl writes it) is ignored. */
    public static byte[] decode(String text, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = from < 0 ? -1 : text.indexOf(end, from);
        if (to < 0) {
            throw new IllegalArgumentException("no " + begin + " … " + end + " block");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + type + " block is not base64", e);
        }
    }
}
