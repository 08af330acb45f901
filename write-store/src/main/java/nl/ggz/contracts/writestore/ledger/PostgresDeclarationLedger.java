package nl.ggz.contracts.writestore.ledger;

import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.ceiling.ClawBackIssued;
import nl.ggz.contracts.domain.ceiling.ClawBackShare;
import nl.ggz.contracts.domain.ceiling.DeclarationCredited;
import nl.ggz.contracts.domain.ceiling.DeclarationLedger;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.ceiling.DeclarationReduced;
import nl.ggz.contracts.domain.ceiling.DeclarationRelease;
import nl.ggz.contracts.domain.ceiling.HeldDeclaration;
import nl.ggz.contracts.domain.ceiling.HeldDeclarationsReleased;
import nl.ggz.contracts.domain.ceiling.LedgerEntry;
import nl.ggz.contracts.domain.privacy.PatientPseudonyms;
import nl.ggz.contracts.domain.privacy.PseudonymUses;
import nl.ggz.contracts.domain.privacy.SealedPseudonym;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.jdbc.CommitBatch;
import nl.ggz.contracts.jdbc.TableOwner;
import nl.ggz.contracts.jdbc.SqlArrays;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The declaration ledger, written in the transaction of the declaration's event. Its primary key (insurer, declaration
 * id) is the last line of defence for idempotency: a declaration id accepted on two ceilings of one insurer at once
 * makes one transaction fail. Ids are the insurer's own: the same id at another insurer is another declaration.
 */
@Component
@ProcessingGroup(PostgresDeclarationLedger.PROCESSING_GROUP)
public class PostgresDeclarationLedger implements DeclarationLedger, PseudonymUses, TableOwner {

    public static final String PROCESSING_GROUP = "declaration-ledger";

    @Override
    public List<String> tables() {
        return List.of("declaration_ledger", "ledger_ceiling");
    }

    private final JdbcTemplate jdbc;
    private final PatientPseudonyms pseudonyms;
    /** In event order: a credit's update must follow the insert of the declaration it corrects. */
    private final CommitBatch writes;
    private final Map<String, CeilingOwner> owners = new ConcurrentHashMap<>();

    public PostgresDeclarationLedger(JdbcTemplate jdbc, PatientPseudonyms pseudonyms) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
        this.writes = new CommitBatch(jdbc);
    }

    @EventHandler
    void on(DeclarationRecorded event) {
        CeilingOwner owner = ownerOf(event.ceilingId());
        SealedPseudonym patient = event.patient();
        if (patient != null && patient.legacy()) {
            // issue 16: a declaration stored before pseudonyms were sealed (read again, e.g. in a rebuild) is sealed
            // here, so that the ledger never holds a plain pseudonym
            InsurerCode insurer = new InsurerCode(owner.insurer());
            patient = pseudonyms.seal(insurer, List.of(patient.legacyPlain())).get(patient.legacyPlain());
        }
        writes.write("""
                INSERT INTO declaration_ledger (declaration_id, ceiling_id, insurer_uzovi, contract_year, patient_hash,
                    patient_sealed, amount_cents, supplement, held_cents)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                event.declarationId(), event.ceilingId(), owner.insurer(), owner.year(),
                patient == null ? null : patient.keyedHash(), patient == null ? null : patient.ciphertext(),
                event.amount().cents(), event.psychodiagnosticsSupplement(), event.unpaid().cents());
        // the latest care accepted: once per ceiling and transaction, at the commit (see CommitBatch)
        writes.merge(LATEST_CARE, event.ceilingId(), new LatestCare(event.ceilingId(), event.treatmentDate()));
    }

    private static final String LATEST_CARE = """
            UPDATE ledger_ceiling SET latest_treatment_date = GREATEST(latest_treatment_date, ?) WHERE ceiling_id = ?
            """;

    private record LatestCare(String ceilingId, LocalDate treatmentDate) implements CommitBatch.Row<LatestCare> {
        @Override
        public LatestCare plus(LatestCare other) {
            return treatmentDate.isAfter(other.treatmentDate) ? this : other;
        }

        @Override
        public Object[] parameters() {
            return new Object[]{java.sql.Date.valueOf(treatmentDate), ceilingId};
        }
    }

    @EventHandler
    void on(DeclarationCredited event) {
        CeilingOwner owner = ownerOf(event.ceilingId());
        writes.write("""
                INSERT INTO declaration_ledger (declaration_id, ceiling_id, insurer_uzovi, contract_year, amount_cents,
                    corrects_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                event.declarationId(), event.ceilingId(), owner.insurer(), owner.year(), -event.amount().cents(),
                event.correctsDeclarationId());
        writes.write("UPDATE declaration_ledger SET credited_cents = credited_cents + ? WHERE insurer_uzovi = ? AND "
                + "declaration_id = ?", event.amount().cents(), owner.insurer(), event.correctsDeclarationId());
    }

    /** The ledger's own note of each ceiling's insurer and year: it reads no read model's table. */
    @EventHandler
    void on(CeilingAgreed event) {
        writes.write("INSERT INTO ledger_ceiling (ceiling_id, insurer_uzovi, contract_year) VALUES (?, ?, ?)",
                event.ceilingId(), event.insurer().value(), event.year());
        owners.put(event.ceilingId(), new CeilingOwner(event.insurer().value(), event.year()));
    }

    /**
     * A ceiling's insurer and year never change once agreed, so they are remembered: the ledger rows are then plain
     * multi-row inserts, which PostgreSQL takes far faster than an INSERT ... SELECT per declaration.
     */
    private CeilingOwner ownerOf(String ceilingId) {
        return owners.computeIfAbsent(ceilingId, id -> {
            writes.flush();
            return jdbc.queryForObject("SELECT insurer_uzovi, contract_year FROM ledger_ceiling WHERE ceiling_id = ?",
                    (rs, n) -> new CeilingOwner(rs.getString(1), rs.getInt(2)), id);
        });
    }

    private record CeilingOwner(String insurer, int year) {
    }

    @EventHandler
    void on(ClawBackIssued event) {
        String insurer = ownerOf(event.ceilingId()).insurer();
        for (ClawBackShare share : event.shares()) {
            writes.write("UPDATE declaration_ledger SET clawed_back_cents = clawed_back_cents + ? WHERE insurer_uzovi = ? "
                    + "AND declaration_id = ?", share.amount().cents(), insurer, share.declarationId());
        }
    }

    /** A credit or claw-back took this much off the declaration's held part (its amounts by the handlers above). */
    @EventHandler
    void on(DeclarationReduced event) {
        if (event.heldReduction().isPositive()) {
            writes.write(LESS_HELD, event.heldReduction().cents(), ownerOf(event.ceilingId()).insurer(),
                    event.declarationId());
        }
    }

    @EventHandler
    void on(HeldDeclarationsReleased event) {
        String insurer = ownerOf(event.ceilingId()).insurer();
        for (DeclarationRelease release : event.releases()) {
            writes.write(LESS_HELD, release.amount().cents(), insurer, release.declarationId());
        }
    }

    private static final String LESS_HELD =
            "UPDATE declaration_ledger SET held_cents = held_cents - ? WHERE insurer_uzovi = ? AND declaration_id = ?";

    /** One keyset read of the partial index on held rows (V30): the oldest first, no more than the page. */
    @Override
    public List<HeldDeclaration> held(String ceilingId, long afterOrder, int limit) {
        writes.flush();
        return jdbc.query("""
                SELECT declaration_id, accepted_order, held_cents FROM declaration_ledger
                WHERE ceiling_id = ? AND held_cents > 0 AND accepted_order > ?
                ORDER BY accepted_order LIMIT ?
                """,
                (rs, n) -> new HeldDeclaration(rs.getString(1), rs.getLong(2), Money.cents(rs.getLong(3))),
                ceilingId, afterOrder, limit);
    }

    @Override
    public Map<String, LedgerEntry> find(InsurerCode insurer, Collection<String> declarationIds) {
        Map<String, LedgerEntry> found = new HashMap<>();
        if (declarationIds.isEmpty()) {
            return found;
        }
        writes.flush();
        jdbc.query("""
                SELECT declaration_id, ceiling_id, amount_cents - credited_cents - clawed_back_cents AS remaining,
                    corrects_id IS NOT NULL AS credit, held_cents
                FROM declaration_ledger WHERE insurer_uzovi = ? AND declaration_id = ANY (?::text[])
                """,
                rs -> {
                    found.put(rs.getString(1), new LedgerEntry(rs.getString(1), rs.getString(2),
                            Money.cents(rs.getLong(3)), rs.getBoolean(4), Money.cents(rs.getLong(5))));
                },
                insurer.value(), SqlArrays.texts(declarationIds));
        return found;
    }

    /**
     * From the ledger's note per ceiling, kept with each declaration accepted (a credit or claw-back leaves it):
     * a contract's termination never takes effect before it.
     */
    @Override
    public Optional<LocalDate> latestTreatmentDate(Collection<String> ceilingIds) {
        if (ceilingIds.isEmpty()) {
            return Optional.empty();
        }
        writes.flush();
        return Optional.ofNullable(jdbc.queryForObject(
                "SELECT max(latest_treatment_date) FROM ledger_ceiling WHERE ceiling_id = ANY (?::text[])",
                LocalDate.class, SqlArrays.texts(ceilingIds)));
    }

    /**
     * Counted under a lock on each person's counter (insurer, year, keyed hash of the pseudonym), held until the
     * transaction ends: the limit spans the insurer's ceilings, which are separate aggregates written in separate
     * transactions, so a count read before a concurrent write of another ceiling would let a third supplement through
     * (issue 12, finding 8). A second transaction for the same person waits here until the first commits, then counts
     * its supplement. Locks are taken in one order, so two batches cannot wait for each other. Issue 16: people are
     * told apart by keyed hash, which stays when a pseudonym is erased, so the count stays exact.
     */
    @Override
    public Map<String, Integer> supplementsCharged(InsurerCode insurer, int year, Collection<String> keyedHashes) {
        Map<String, Integer> counts = new HashMap<>();
        writes.flush();
        jdbc.query("""
                SELECT pg_advisory_xact_lock(hashtextextended(person, 0))
                FROM (SELECT ? || '/' || ? || '/' || hash AS person FROM unnest(?::text[]) AS hash ORDER BY 1) AS people
                """, rs -> {
        }, insurer.value(), year, SqlArrays.texts(new TreeSet<>(keyedHashes)));
        // a supplement credited or reclaimed in full no longer counts
        jdbc.query("""
                SELECT patient_hash, count(*) FROM declaration_ledger
                WHERE insurer_uzovi = ? AND contract_year = ? AND supplement AND amount_cents > credited_cents + clawed_back_cents
                  AND patient_hash = ANY (?::text[])
                GROUP BY patient_hash
                """,
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                },
                insurer.value(), year, SqlArrays.texts(keyedHashes));
        return counts;
    }

    /**
     * What an erasure affects: the insurer's declarations (not credits) naming the person, per ceiling. A rare
     * question, answered by a scan of the insurer's rows rather than by an index every declaration would pay for.
     */
    @Override
    public SortedMap<String, Integer> declarationsPerCeiling(InsurerCode insurer, String keyedHash) {
        SortedMap<String, Integer> perCeiling = new TreeMap<>();
        writes.flush();
        jdbc.query("""
                SELECT ceiling_id, count(*) FROM declaration_ledger
                WHERE insurer_uzovi = ? AND patient_hash = ? AND corrects_id IS NULL
                GROUP BY ceiling_id
                """, rs -> {
            perCeiling.put(rs.getString(1), rs.getInt(2));
        }, insurer.value(), keyedHash);
        return perCeiling;
    }
}
