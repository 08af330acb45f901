package nl.ggz.contracts.api;

import java.util.ArrayList;
import java.util.List;

/** A strict reader of RFC 4180 CSV for the tests: CRLF records, quoted fields with doubled quotes. */
final class Rfc4180 {

    private Rfc4180() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new IllegalArgumentException("unterminated quoted field");
                    }
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
                if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException("text after a closing quote at " + i);
                }
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("a record ends with CRLF, at " + i);
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else if (c == '\n' || c == '"') {
                throw new IllegalArgumentException("unquoted " + (c == '"' ? "quote" : "line feed") + " at " + i);
            } else {
                field.append(c);
                i++;
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            throw new IllegalArgumentException("the last record does not end with CRLF");
        }
        return records;
    }
}
