package nl.ggz.contracts.api;

import nl.ggz.contracts.jdbc.TableOwner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Each module owns its tables and says which: every table of the schema has exactly one owner, none is made up. */
class TableOwnershipTest extends ApplicationTest {

    @Autowired
    Map<String, TableOwner> owners;

    @Test
    void everyTableOfTheSchemaHasExactlyOneOwner() {
        List<String> claimed = new ArrayList<>();
        owners.values().forEach(owner -> claimed.addAll(owner.tables()));
        Set<String> schema = new TreeSet<>(jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'",
                String.class));

        assertThat(new TreeSet<>(claimed)).as("tables claimed by an owner").isEqualTo(schema);
        assertThat(claimed).as("no table has two owners").hasSameSizeAs(new HashSet<>(claimed));
    }
}
