package nl.ggz.contracts.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal reader of DER (X.690), enough for an RFC 3161 timestamp token: one element is its tag, the bytes of its
 * whole encoding and of its content; constructed elements list their children. Only definite lengths (DER has no
 * other), tags below 31, and lengths of at most four bytes; anything else is refused as malformed.
 */
record Der(int tag, byte[] encoded, int contentStart) {

    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int GENERALIZED_TIME = 0x18;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;

    /** Reads the one element that must fill the bytes. */
    static Der read(byte[] bytes) {
        Der element = at(bytes, 0, bytes.length);
        if (element.encoded.length != bytes.length) {
            throw new IllegalArgumentException("not DER: " + (bytes.length - element.encoded.length)
                    + " bytes after the element");
        }
        return element;
    }

    private static Der at(byte[] bytes, int offset, int end) {
        if (end - offset < 2) {
            throw new IllegalArgumentException("not DER: cut off");
        }
        int tag = bytes[offset] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new IllegalArgumentException("not DER: a high tag number");
        }
        int first = bytes[offset + 1] & 0xFF;
        int header = 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 4 || end - offset < 2 + count) {
                throw new IllegalArgumentException("not DER: a length of " + count + " bytes");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (bytes[offset + 2 + i] & 0xFF);
            }
            header += count;
        }
        if (length > end - offset - header) {
            throw new IllegalArgumentException("not DER: an element longer than what holds it");
        }
        int total = header + (int) length;
        return new Der(tag, Arrays.copyOfRange(bytes, offset, offset + total), header);
    }

    byte[] content() {
        return Arrays.copyOfRange(encoded, contentStart, encoded.length);
    }

    boolean constructed() {
        return (tag & 0x20) != 0;
    }

    /** The elements inside a constructed one, in order. */
    List<Der> children() {
        if (!constructed()) {
            throw new IllegalArgumentException("not DER: a primitive element where a constructed one belongs");
        }
        List<Der> children = new ArrayList<>();
        int offset = contentStart;
        while (offset < encoded.length) {
            Der child = at(encoded, offset, encoded.length);
            children.add(child);
            offset += child.encoded.length;
        }
        return children;
    }

    /** The child at {@code index}, which must have {@code expectedTag}; {@code what} names it in a refusal. */
    Der child(int index, int expectedTag, String what) {
        List<Der> children = children();
        if (index >= children.size() || children.get(index).tag != expectedTag) {
            throw new IllegalArgumentException("not a timestamp token: " + what + " is missing or malformed");
        }
        return children.get(index);
    }

    /** The dotted form of an OBJECT IDENTIFIER. */
    String oid() {
        if (tag != OID) {
            throw new IllegalArgumentException("not DER: an object identifier was expected");
        }
        byte[] content = content();
        StringBuilder dotted = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (byte b : content) {
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                if (first) {
                    dotted.append(value < 80 ? value / 40 : 2).append('.').append(value < 80 ? value % 40 : value - 80);
                    first = false;
                } else {
                    dotted.append('.').append(value);
                }
                value = 0;
            }
        }
        return dotted.toString();
    }

    /** The same content under another tag (a signed attributes' [0] IMPLICIT read as the SET it is signed as). */
    byte[] retagged(int newTag) {
        byte[] copy = encoded.clone();
        copy[0] = (byte) newTag;
        return copy;
    }
}
