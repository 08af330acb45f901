package nl.ggz.contracts.eventstore;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** What PostgreSQL reports when two nodes append the same sequence number to one aggregate. */
class PostgresDuplicateKeyResolverTest {

    private final PostgresDuplicateKeyResolver resolver = new PostgresDuplicateKeyResolver();

    @Test
    void aUniqueViolationInsideABatchInsertIsAConcurrentWrite() {
        // the driver's shape with reWriteBatchedInserts: the unique violation is the batch's next exception
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO DomainEventEntry …", "23505",
                0, new int[0], null);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint "
                + "\"domainevententry_aggregateidentifier_sequencenumber_key\"", "23505"));

        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("wrapped", batch))).isTrue();
    }

    @Test
    void aLostConnectionIsNotAConcurrentWrite() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
