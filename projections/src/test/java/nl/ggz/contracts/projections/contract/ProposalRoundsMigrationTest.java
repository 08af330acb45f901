package nl.ggz.contracts.projections.contract;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.ggz.contracts.projections.contract.ProposalRound.Standing;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proposal rounds of contracts negotiated before their table existed (V14) come from the events already stored:
 * the contract state kept only the round on the table, and its subscribing projection is not replayed. Stored as the
 * revisions before issue 14 wrote them (one tariff for every setting, no answer deadline) and as revision 2.
 * A database of its own: the events written here stay (the event store is append-only).
 */
class ProposalRoundsMigrationTest {

    private static final String CONTRACT = "nl.ggz.contracts.domain.contract.";

    @Test
    void roundsStoredBeforeTheTableAreFilledInFromTheEventStore() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            migrate(database, lastBefore14(database));
            JdbcTemplate jdbc = new JdbcTemplate(database);
            jdbc.update("""
                    INSERT INTO contract_state (contract_id, insurer_uzovi, provider_agb, provider_type, kind,
                        term_start, term_end, settings, tariff_percentage, tariffs, ceiling_cents, status, offered_at,
                        offer_expires_at, proposal_round, last_proposed_by)
                    VALUES ('c-1', '3311', '94001234', 'INSTITUTION', 'NEGOTIATED', '2027-01-01', '2027-12-31',
                        '{2,5}', NULL, '{"2": 95.00, "5": 90.00}', 270000000, 'OFFERED', '2026-10-01T08:00:00Z',
                        '2026-11-10T16:00:00Z', 2, 'PROVIDER')
                    """);
            store(jdbc, 0, "ContractOffered", null, """
                    {"contractId":"c-1","insurer":"3311","provider":"94001234","providerType":"INSTITUTION",\
                    "kind":"NEGOTIATED","term":{"start":"2027-01-01","end":"2027-12-31"},"settings":[2,3],\
                    "tariff":92.50,"ceiling":250000000,"offeredAt":"2026-10-01T08:00:00Z",\
                    "offerExpiresAt":"2026-11-10T16:00:00Z"}""");
            store(jdbc, 1, "ContractProposalRevised", "1", """
                    {"contractId":"c-1","round":1,"proposedBy":"PROVIDER","ceiling":260000000,"tariff":95.00,\
                    "settings":[2,5],"proposedAt":"2026-10-10T09:00:00Z"}""");
            store(jdbc, 2, "ContractProposalRevised", "2", """
                    {"contractId":"c-1","round":2,"proposedBy":"PROVIDER","ceiling":270000000,\
                    "tariffs":{"2":95.00,"5":90.00},"settings":[2,5],"proposedAt":"2026-10-12T09:00:00Z",\
                    "answerDueAt":"2026-11-23T09:00:00Z"}""");
            store(jdbc, 3, "ContractProposalAccepted", "1", """
                    {"contractId":"c-1","round":2,"acceptedBy":"inkoper Anna","acceptedAt":"2026-10-14T09:00:00Z"}""");

            migrate(database, "latest");

            List<ProposalRound> rounds = new ContractQueries(jdbc).find(new FindProposalRounds("c-1"));
            assertThat(rounds).extracting(ProposalRound::round).containsExactly(0, 1, 2);
            assertThat(rounds.get(0)).satisfies(offer -> {
                assertThat(offer.proposedBy()).isEqualTo("PURCHASER");
                assertThat(offer.proposedAt()).isEqualTo(Instant.parse("2026-10-01T08:00:00Z"));
                assertThat(offer.ceilingCents()).isEqualTo(250_000_000L);
                assertThat(offer.tariffPercentages()).isEqualTo(Map.of("2", new BigDecimal("92.50"),
                        "3", new BigDecimal("92.50")));
                assertThat(offer.settings()).containsExactly(2, 3);
                assertThat(offer.standing()).isEqualTo(Standing.SUPERSEDED);
            });
            assertThat(rounds.get(1)).satisfies(first -> {
                assertThat(first.proposedBy()).isEqualTo("PROVIDER");
                assertThat(first.tariffPercentage()).isEqualByComparingTo("95.00");
                assertThat(first.settings()).containsExactly(2, 5);
                assertThat(first.answerDueAt()).isNull();
                assertThat(first.acceptedAt()).isNull();
            });
            assertThat(rounds.get(2)).satisfies(second -> {
                assertThat(second.tariffPercentage()).isNull();
                assertThat(second.tariffPercentages()).isEqualTo(Map.of("2", new BigDecimal("95.00"),
                        "5", new BigDecimal("90.00")));
                assertThat(second.answerDueAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
                assertThat(second.acceptedAt()).isEqualTo(Instant.parse("2026-10-14T09:00:00Z"));
                assertThat(second.acceptedBy()).isEqualTo("inkoper Anna");
                assertThat(second.standing()).isEqualTo(Standing.ON_THE_TABLE);
            });
        }
    }

    /** The migration just before V14 (whichever module's it is). */
    private static String lastBefore14(DataSource database) {
        return java.util.Arrays.stream(Flyway.configure().dataSource(database).locations("classpath:db/migration").load()
                        .info().all())
                .map(migration -> migration.getVersion())
                .filter(version -> version.isNewerThan("0") && !version.isAtLeast("14"))
                .max(Comparable::compareTo).orElseThrow().getVersion();
    }

    private static void migrate(DataSource database, String target) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load().migrate();
    }

    private static void store(JdbcTemplate jdbc, int sequence, String type, String revision, String json) {
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp)
                VALUES ('c-1', ?, 'Contract', ?, NULL, ?, ?, ?, '2026-10-01T08:00:00Z')
                """, sequence, "e-" + sequence, json.getBytes(StandardCharsets.UTF_8), revision, CONTRACT + type);
    }
}
