package nl.ggz.contracts.reliability;

import org.junit.jupiter.api.AfterAll;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One scenario's installation: a work folder, the token issuer the nodes trust, a PostgreSQL of its own, and the
 * application nodes started on it, all stopped after the scenario whatever happened.
 */
abstract class ProcessTest {

    protected static Path work;
    protected static Tokens tokens;
    protected static Database database;
    private static final List<AppNode> NODES = new ArrayList<>();

    /** Called from the scenario's own {@code @BeforeAll} with the name of its work folder. */
    protected static void install(String scenario) {
        work = Installation.workDirectory(scenario);
        tokens = Tokens.create(work);
        database = Database.start(work.resolve("postgres"));
    }

    /** Starts a node on the scenario's database; it is stopped after the scenario. */
    protected static AppNode startNode(String name) {
        AppNode node = AppNode.start(name, database, tokens, work);
        NODES.add(node);
        return node;
    }

    @AfterAll
    static void uninstall() {
        for (AppNode node : NODES) {
            node.close();
        }
        NODES.clear();
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
