package nl.ggz.contracts.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL array literals for parameters ({@code ?::integer[]}) and arrays read back from result sets. */
public final class SqlArrays {
    private SqlArrays() {
    }

    public static String ints(Collection<Integer> values) {
        return values.stream().sorted().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    public static String texts(Collection<String> values) {
        return values.stream()
                .map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }

    public static List<Integer> intList(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((Integer[]) array.getArray());
    }

    public static List<String> textList(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
