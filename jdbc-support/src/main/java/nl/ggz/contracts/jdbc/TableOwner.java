package nl.ggz.contracts.jdbc;

import java.util.List;

/**
 * A component that owns tables: it alone writes them and says which they are, so that whoever must handle them as a
 * whole — the read models as they were at an instant, a rebuild, the check that every table has one owner — asks
 * instead of keeping a list of its own.
 */
public interface TableOwner {

    /** The tables this component writes, by their names in the database. */
    List<String> tables();
}
