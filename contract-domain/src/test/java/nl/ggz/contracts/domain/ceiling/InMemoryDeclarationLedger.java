package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.privacy.InMemoryPatientPseudonyms;
import nl.ggz.contracts.domain.shared.InsurerCode;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger as the application keeps it beside the event store. Tests seed it with what the events they put in
 * {@code given} would have written: {@link #recording(Object...)} records each DeclarationRecorded and
 * DeclarationCredited it is handed (a CeilingAgreed among them tells it the insurer and year of that ceiling) and
 * returns the events unchanged for the fixture.
 */
public class InMemoryDeclarationLedger implements DeclarationLedger {

    /** insurer/declaration id → entry: ids belong to the insurer */
    private final Map<String, LedgerEntry> entries = new HashMap<>();
    /** declaration id → insurer/year/patient key of a supplement charge */
    private final Map<String, String> supplementCharges = new HashMap<>();
    /** charges on other providers' ceilings, as counts */
    private final Map<String, Integer> otherSupplements = new HashMap<>();
    private final Map<String, CeilingAgreed> ceilings = new HashMap<>();
    /** ceiling id → the latest treatment date accepted there */
    private final Map<String, LocalDate> latestCare = new HashMap<>();
    /** insurer/declaration id → acceptance order (for the held declarations, oldest first) */
    private final Map<String, Long> order = new HashMap<>();
    private long accepted;
    /** rows handed out by {@link #held}: what a release read */
    private long heldRowsRead;

    public Object[] recording(Object... events) {
        for (Object event : events) {
            record(event);
        }
        return events;
    }

    public void record(Object event) {
        if (event instanceof CeilingAgreed agreed) {
            ceilings.put(agreed.ceilingId(), agreed);
        } else if (event instanceof DeclarationRecorded recorded) {
            InsurerCode insurer = insurerOf(recorded.ceilingId());
            put(insurer, new LedgerEntry(recorded.declarationId(), recorded.ceilingId(), recorded.amount(), false,
                    recorded.unpaid()));
            acceptedCare(recorded.ceilingId(), recorded.treatmentDate());
            if (recorded.psychodiagnosticsSupplement()) {
                supplementCharges.put(id(insurer, recorded.declarationId()),
                        key(insurer, ceilings.get(recorded.ceilingId()).year(), recorded.patient().keyedHash()));
            }
        } else if (event instanceof DeclarationCredited credited) {
            InsurerCode insurer = insurerOf(credited.ceilingId());
            LedgerEntry corrected = entries.get(id(insurer, credited.correctsDeclarationId()));
            put(insurer, new LedgerEntry(corrected.declarationId(), corrected.ceilingId(),
                    corrected.remaining().minus(credited.amount()), false, corrected.held()));
            put(insurer, new LedgerEntry(credited.declarationId(), credited.ceilingId(), credited.amount(), true));
        } else if (event instanceof ClawBackIssued clawBack) {
            InsurerCode insurer = insurerOf(clawBack.ceilingId());
            for (ClawBackShare share : clawBack.shares()) {
                LedgerEntry entry = entries.get(id(insurer, share.declarationId()));
                put(insurer, new LedgerEntry(entry.declarationId(), entry.ceilingId(),
                        entry.remaining().minus(share.amount()), false, entry.held()));
            }
        } else if (event instanceof DeclarationReduced reduced) {
            lessHeld(insurerOf(reduced.ceilingId()), reduced.declarationId(), reduced.heldReduction());
        } else if (event instanceof HeldDeclarationsReleased released) {
            InsurerCode insurer = insurerOf(released.ceilingId());
            released.releases().forEach(r -> lessHeld(insurer, r.declarationId(), r.amount()));
        }
    }

    private void lessHeld(InsurerCode insurer, String declarationId, nl.ggz.contracts.domain.shared.Money less) {
        LedgerEntry entry = entries.get(id(insurer, declarationId));
        put(insurer, new LedgerEntry(entry.declarationId(), entry.ceilingId(), entry.remaining(), entry.credit(),
                entry.held().minus(less)));
    }

    @Override
    public List<HeldDeclaration> held(String ceilingId, long afterOrder, int limit) {
        List<HeldDeclaration> page = entries.entrySet().stream()
                .filter(e -> e.getValue().ceilingId().equals(ceilingId) && e.getValue().held().isPositive())
                .map(e -> new HeldDeclaration(e.getValue().declarationId(), order.get(e.getKey()), e.getValue().held()))
                .filter(h -> h.order() > afterOrder)
                .sorted(java.util.Comparator.comparingLong(HeldDeclaration::order))
                .limit(limit).toList();
        heldRowsRead += page.size();
        return page;
    }

    /** How many held rows releases read from this ledger. */
    public long heldRowsRead() {
        return heldRowsRead;
    }

    /** An entry written elsewhere, e.g. for a declaration on another ceiling, or of another insurer. */
    public void put(InsurerCode insurer, LedgerEntry entry) {
        entries.put(id(insurer, entry.declarationId()), entry);
        order.computeIfAbsent(id(insurer, entry.declarationId()), id -> ++accepted);
    }

    private InsurerCode insurerOf(String ceilingId) {
        CeilingAgreed agreed = ceilings.get(ceilingId);
        if (agreed == null) {
            throw new IllegalStateException("record the CeilingAgreed of " + ceilingId + " first");
        }
        return agreed.insurer();
    }

    /** Care of this date accepted on the ceiling, e.g. for a contract's termination. */
    public InMemoryDeclarationLedger acceptedCare(String ceilingId, LocalDate treatmentDate) {
        latestCare.merge(ceilingId, treatmentDate, (a, b) -> a.isAfter(b) ? a : b);
        return this;
    }

    @Override
    public Optional<LocalDate> latestTreatmentDate(Collection<String> ceilingIds) {
        return ceilingIds.stream().map(latestCare::get).filter(java.util.Objects::nonNull)
                .max(LocalDate::compareTo);
    }

    public void putSupplements(InsurerCode insurer, int year, String patientRef, int count) {
        otherSupplements.put(key(insurer, year, InMemoryPatientPseudonyms.hashOf(insurer, patientRef)), count);
    }

    @Override
    public Map<String, LedgerEntry> find(InsurerCode insurer, Collection<String> declarationIds) {
        Map<String, LedgerEntry> found = new HashMap<>();
        for (String id : declarationIds) {
            LedgerEntry entry = entries.get(id(insurer, id));
            if (entry != null) {
                found.put(id, entry);
            }
        }
        return found;
    }

    @Override
    public Map<String, Integer> supplementsCharged(InsurerCode insurer, int year, Collection<String> keyedHashes) {
        // like the application's ledger: a supplement credited in full no longer counts
        Map<String, Integer> counts = new HashMap<>();
        for (String ref : keyedHashes) {
            String key = key(insurer, year, ref);
            int n = otherSupplements.getOrDefault(key, 0);
            for (Map.Entry<String, String> charge : supplementCharges.entrySet()) {
                if (charge.getValue().equals(key) && entries.get(charge.getKey()).remaining().isPositive()) {
                    n++;
                }
            }
            if (n > 0) {
                counts.put(ref, n);
            }
        }
        return counts;
    }

    public List<LedgerEntry> entries() {
        return List.copyOf(entries.values());
    }

    private static String id(InsurerCode insurer, String declarationId) {
        return insurer.value() + "/" + declarationId;
    }

    private static String key(InsurerCode insurer, int year, String patientRef) {
        return insurer.value() + "/" + year + "/" + patientRef;
    }
}
