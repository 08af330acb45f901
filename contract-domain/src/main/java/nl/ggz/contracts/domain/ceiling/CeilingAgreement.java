package nl.ggz.contracts.domain.ceiling;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.policy.PurchasingPolicies;
import nl.ggz.contracts.domain.privacy.PatientPseudonyms;
import nl.ggz.contracts.domain.privacy.SealedPseudonym;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.RuleViolationException;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.StateConflictException;
import nl.ggz.contracts.domain.shared.UnknownReferenceException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The ceiling (zorgkostenplafond) of one contract for one calendar year, and everything declared against it.
 * This is the hot aggregate: its state is totals and the few open requests, never a list of declarations; what must
 * be known per declaration lives in the {@link DeclarationLedger}.
 * <p>
 * {@code @Revision} is the revision of its snapshots: a snapshot of another shape is passed over (Axon's revision
 * filter) and the ceiling is loaded from its events once. Revision 2 (issue 14): exclusions with the first day of care
 * they hold for. Revision 3 (issue 15): the contract kind, the period end, settlement, claw-backs split, requests' clock.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
@Revision("3")
public class CeilingAgreement {

    static final String DECISION_DEADLINE = "increase-decision-due";

    @AggregateIdentifier
    private String ceilingId;
    private InsurerCode insurer;
    private int year;
    private ContractKind kind;
    private LocalDate periodStart;
    /** The last day of the contract year (a termination moves {@code lastCareDate}, never this). */
    private LocalDate periodEnd;
    private LocalDate lastCareDate;
    private Set<Setting> settings;
    /** Excluded setting (number) and prestatie code → the first day of care it is excluded for (seed 002 §5.4). */
    private Map<Integer, LocalDate> excludedSettingsFrom;
    private Map<String, LocalDate> excludedPrestatiesFrom;
    private Money initialCeiling;
    private CeilingBalance balance;
    private TreeSet<Integer> thresholdsReached;
    private boolean exhausted;
    /** Increases approved (signed or not): they count against the cap. */
    private Money granted;
    private Map<String, IncreaseRequestState> requests;
    private Map<String, AddendumState> addenda;
    /** When the year was settled; null while it is open. */
    private Instant settledAt;

    protected CeilingAgreement() {
    }

    /** Opened by the contract when it is signed (see {@code Contract}), in the same transaction. */
    public CeilingAgreement(CeilingAgreed agreed) {
        apply(agreed);
    }

    /** The figures as the aggregate itself holds them: for consistency checks of the views. */
    public CeilingBalance balance() {
        return balance;
    }

    @CommandHandler
    public List<DeclarationOutcome> handle(RecordDeclarations command, DeclarationLedger ledger,
                                           PatientPseudonyms pseudonyms, PrestatieCatalogue catalogue,
                                           PurchasingPolicies policies) {
        List<DeclarationLine> lines = command.lines();
        Set<String> ids = new HashSet<>();
        Set<String> patients = new HashSet<>();
        for (DeclarationLine line : lines) {
            ids.add(line.declarationId());
            if (line.correctsDeclarationId() != null) {
                ids.add(line.correctsDeclarationId());
            }
            // a BSN is never sealed, not even under a key of its own (seed 002 §4.3: refused below)
            if (!line.isCredit() && line.patientRef() != null && !PatientReference.looksLikeBsn(line.patientRef())) {
                patients.add(line.patientRef());
            }
        }
        Map<String, LedgerEntry> known = new HashMap<>(ledger.find(insurer, ids));
        // issue 16: sealed once per batch; the supplement rule counts by the keyed hash, never by the plain pseudonym
        Map<String, SealedPseudonym> sealed = new HashMap<>();
        if (!patients.isEmpty()) {
            sealed.putAll(pseudonyms.seal(insurer, patients));
        }
        Set<String> supplementPatients = new HashSet<>();
        for (DeclarationLine line : lines) {
            SealedPseudonym patient = sealed.get(line.patientRef());
            if (patient != null && catalogue.isPsychodiagnosticsSupplement(line.prestatieCode())) {
                supplementPatients.add(patient.keyedHash());
            }
        }
        Map<String, Integer> supplements = supplementPatients.isEmpty()
                ? new HashMap<>()
                : new HashMap<>(ledger.supplementsCharged(insurer, year, supplementPatients));
        PolicyParameters policy = policies.inForce(insurer, year);
        List<Integer> thresholds = policy.thresholdPercents();
        Instant cutOff = policy.claimsCutOffAt(year);

        HeldQueue held = new HeldQueue(ledger, ceilingId);
        List<DeclarationOutcome> outcomes = new ArrayList<>(lines.size());
        for (DeclarationLine line : lines) {
            String refusal = signRefusal(line);
            LedgerEntry earlier = refusal == null ? known.get(line.declarationId()) : null;
            if (earlier != null) {
                outcomes.add(DeclarationOutcome.duplicate(line.declarationId(), earlier.ceilingId()));
                continue;
            }
            if (refusal == null) {
                refusal = settledRefusal();
            }
            if (refusal == null) {
                refusal = uncountable(line);
            }
            if (refusal == null) {
                refusal = line.isCredit()
                        ? creditRefusal(line, known.get(line.correctsDeclarationId()))
                        : declarationRefusal(line, sealed.get(line.patientRef()), command.receivedAt(), cutOff,
                                catalogue, supplements);
            }
            if (refusal != null) {
                outcomes.add(DeclarationOutcome.rejected(line.declarationId(), ceilingId, refusal));
                continue;
            }
            if (line.isCredit()) {
                outcomes.add(credit(line, known, held));
            } else {
                outcomes.add(record(line, sealed.get(line.patientRef()), catalogue, supplements, known, held));
            }
            checkThresholds(thresholds, line.declarationId());
        }
        return outcomes;
    }

    /**
     * The credit rule (DESIGN.md §5), judged here only and before anything is looked up, so that a malformed repeat of
     * an accepted id is refused rather than answered as a duplicate: a declaration is positive and corrects nothing; a
     * credit is negative and names the declaration it corrects.
     */
    private static String signRefusal(DeclarationLine line) {
        if (line.amount().isZero()) {
            return "amountCents 0 is neither a declaration (positive) nor a credit (negative)";
        }
        if (line.isCredit() && (line.correctsDeclarationId() == null || line.correctsDeclarationId().isBlank())) {
            return "a credit (negative amountCents) must name the declaration it corrects in correctsDeclarationId";
        }
        if (!line.isCredit() && line.correctsDeclarationId() != null) {
            return "correctsDeclarationId belongs on a credit (a negative amountCents)";
        }
        return null;
    }

    /**
     * Money is exact or refused: an amount whose negation or whose sum with the ceiling's totals does not fit in a
     * long is a line the claims system got wrong, answered on its own, never a failure of the batch.
     */
    private String uncountable(DeclarationLine line) {
        try {
            if (line.isCredit()) {
                // the smallest long has no positive counterpart: no credit of it can be applied
                line.amount().negate();
            }
            balance.withDeclared(line.amount());
            return null;
        } catch (ArithmeticException overflow) {
            return "amountCents " + line.amount().cents() + " cannot be counted: beyond the largest amount a "
                    + "ceiling's totals hold";
        }
    }

    /**
     * Seed 000: settlement closes the contract year ("in het jaar erna ... geld of terugvorderingen ... voor
     * declaraties van het afgelopen contractjaar"); a settled ceiling takes no declaration or credit, only claw-backs.
     * A repeat of an accepted declaration is still answered as the duplicate it is (checked before this).
     */
    private String settledRefusal() {
        if (settledAt == null) {
            return null;
        }
        return "the year " + year + " is settled (on " + DomainTime.dateOf(settledAt) + "): ceiling " + ceilingId
                + " accepts no more declarations or credits";
    }

    private String declarationRefusal(DeclarationLine line, SealedPseudonym patient, Instant receivedAt,
                                      Instant cutOff, PrestatieCatalogue catalogue, Map<String, Integer> supplements) {
        // seed 000 ⓰–⓱: providers give care, then insurers check and pay the declarations of it — care declared
        // before it was given is not a declaration of care
        LocalDate today = DomainTime.dateOf(receivedAt);
        if (line.treatmentDate().isAfter(today)) {
            return "treatment date " + line.treatmentDate() + " is in the future (today is " + today
                    + " in Amsterdam): only care already given can be declared";
        }
        String dateRefusal = treatmentDateRefusal(line.treatmentDate());
        if (dateRefusal != null) {
            return dateRefusal;
        }
        // the policy's claims cut-off (seed 000: settlement in the year after; seed 003: shorter terms to declare)
        if (cutOff != null && !receivedAt.isBefore(cutOff)) {
            return "declarations for " + year + " were accepted until the end of "
                    + DomainTime.dateOf(cutOff).minusDays(1) + " (the insurer's claims cut-off); this one came on "
                    + today;
        }
        Setting setting = line.setting();
        if (!settings.contains(setting)) {
            // seed 001 (Hoogspecialistische GGZ): without a contract for setting 8, setting 8 cannot be declared
            return setting.equals(Setting.HIGHLY_SPECIALISED)
                    ? "setting 8 (highly specialised care) is not contracted and cannot be declared"
                    : setting + " is not covered by the contract (covered: " + new TreeSet<>(settings) + ")";
        }
        // seed 002 §5.4: settings and prestaties the insurer left out of the contract are not paid, judged by the
        // exclusions in force on the day of treatment
        LocalDate settingFrom = excludedSettingsFrom.get(setting.number());
        if (settingFrom != null && !line.treatmentDate().isBefore(settingFrom)) {
            return setting + " is excluded from the contract for care from " + settingFrom;
        }
        LocalDate prestatieFrom = excludedPrestatiesFrom.get(line.prestatieCode().value());
        if (prestatieFrom != null && !line.treatmentDate().isBefore(prestatieFrom)) {
            return "prestatie " + line.prestatieCode() + " is excluded from the contract for care from "
                    + prestatieFrom;
        }
        // seed 002 §4.3: the insured person is named by pseudonym only
        if (PatientReference.looksLikeBsn(line.patientRef())) {
            return "patientRef looks like a BSN; send the claims system's pseudonym, never a citizen service number";
        }
        if (patient == null) {
            return "patientRef is required: the claims system's pseudonym of the insured person";
        }
        // seed 002 §5.2: the psychodiagnostics supplement at most twice per year per insured person
        if (catalogue.isPsychodiagnosticsSupplement(line.prestatieCode())
                && supplements.getOrDefault(patient.keyedHash(), 0) >= 2) {
            return "the psychodiagnostics supplement was already charged twice in " + year + " for this insured person";
        }
        return null;
    }

    private String creditRefusal(DeclarationLine line, LedgerEntry corrected) {
        if (corrected == null || corrected.credit() || !ceilingId.equals(corrected.ceilingId())) {
            return "declaration " + line.correctsDeclarationId() + " is not an accepted declaration on ceiling " + ceilingId;
        }
        Money credit = line.amount().negate();
        if (credit.isGreaterThan(corrected.remaining())) {
            return "a credit of " + credit + " is more than the " + corrected.remaining() + " left of declaration "
                    + line.correctsDeclarationId();
        }
        return null;
    }

    private String treatmentDateRefusal(LocalDate treatmentDate) {
        if (treatmentDate.getYear() != year) {
            return "treatment date " + treatmentDate + " is outside this ceiling's year " + year;
        }
        // seed 002 §5.3: a contract that starts during the year covers care from its first day on
        if (treatmentDate.isBefore(periodStart)) {
            return "treatment date " + treatmentDate + " is before the contract's term starts (" + periodStart + ")";
        }
        if (treatmentDate.isAfter(lastCareDate)) {
            return "treatment date " + treatmentDate + " is after the contract's last day of care " + lastCareDate
                    + " (terminated)";
        }
        return null;
    }

    private DeclarationOutcome record(DeclarationLine line, SealedPseudonym patient, PrestatieCatalogue catalogue,
                                      Map<String, Integer> supplements, Map<String, LedgerEntry> known,
                                      HeldQueue held) {
        Money room = balance.ceiling().minus(balance.counted()).max(Money.ZERO);
        Money payable = line.amount().min(room);
        Money unpaid = line.amount().minus(payable);
        boolean supplement = catalogue.isPsychodiagnosticsSupplement(line.prestatieCode());
        apply(new DeclarationRecorded(ceilingId, line.declarationId(), line.prestatieCode(), line.setting(),
                line.treatmentDate(), patient, line.amount(), payable, unpaid, supplement));
        if (supplement) {
            supplements.merge(patient.keyedHash(), 1, Integer::sum);
        }
        known.put(line.declarationId(), new LedgerEntry(line.declarationId(), ceilingId, line.amount(), false));
        held.accepted(line.declarationId(), unpaid);
        return DeclarationOutcome.accepted(line.declarationId(), ceilingId, payable, unpaid);
    }

    private DeclarationOutcome credit(DeclarationLine line, Map<String, LedgerEntry> known, HeldQueue held) {
        Money amount = line.amount().negate();
        Money payableBefore = balance.payable();
        Money payableAfter = balance.withDeclared(line.amount()).payable();
        Money payableReduction = payableBefore.minus(payableAfter);
        Money unpaidReduction = amount.minus(payableReduction);
        LedgerEntry corrected = known.get(line.correctsDeclarationId());
        apply(new DeclarationCredited(ceilingId, line.declarationId(), line.correctsDeclarationId(),
                line.prestatieCode(), line.treatmentDate(), amount, payableReduction, unpaidReduction));
        reduce(held, corrected, amount, unpaidReduction, PayableChangeCause.CREDIT, line.declarationId());
        known.put(corrected.declarationId(), new LedgerEntry(corrected.declarationId(), ceilingId,
                corrected.remaining().minus(amount), false, corrected.held()));
        known.put(line.declarationId(), new LedgerEntry(line.declarationId(), ceilingId, Money.ZERO, true));
        return DeclarationOutcome.accepted(line.declarationId(), ceilingId, payableReduction.negate(),
                unpaidReduction.negate());
    }

    /**
     * A credit or claw-back of {@code amount} on one declaration, of which {@code heldTotalReduction} lowers the
     * ceiling's held total (the ceiling arithmetic's split): it takes the declaration's own held part first, then its
     * payable part; the payable room that frees goes to the oldest held declarations (seed 001: "de volgende
     * declaraties schuiven op" — held declarations are paid in the order they were declared). Per declaration the
     * changes add up to the ceiling's totals.
     */
    private void reduce(HeldQueue held, LedgerEntry declaration, Money amount, Money heldTotalReduction,
                        PayableChangeCause cause, String causeId) {
        Money heldReduction = held.heldOf(declaration).min(amount).max(Money.ZERO);
        held.reduced(declaration, heldReduction);
        apply(new DeclarationReduced(ceilingId, declaration.declarationId(), cause, causeId,
                amount.minus(heldReduction), heldReduction));
        release(held, heldTotalReduction.minus(heldReduction), cause, causeId);
    }

    /** Releases this much of the oldest held amounts, recorded per declaration in events of bounded size. */
    private void release(HeldQueue held, Money amount, PayableChangeCause cause, String causeId) {
        if (!amount.isPositive()) {
            return;
        }
        List<DeclarationRelease> releases = held.release(amount);
        for (int from = 0; from < releases.size(); from += HeldDeclarationsReleased.MAX_RELEASES) {
            apply(new HeldDeclarationsReleased(ceilingId, cause, causeId, releases.subList(from,
                    Math.min(releases.size(), from + HeldDeclarationsReleased.MAX_RELEASES))));
        }
    }

    /**
     * Each mark of the ceiling in force is recorded once when crossed, on the counted amount (DESIGN.md §5); a raise
     * clears the marks the raised ceiling no longer reaches ({@link CeilingThresholdsCleared}), so they are recorded
     * again — with the raised ceiling — when crossed again.
     */
    private void checkThresholds(List<Integer> thresholds, String byDeclarationId) {
        for (int percent : thresholds) {
            if (!thresholdsReached.contains(percent) && balance.hasReached(percent)) {
                apply(new CeilingThresholdReached(ceilingId, percent, balance.counted(), balance.ceiling(),
                        byDeclarationId));
            }
        }
        if (!exhausted && balance.hasReached(100)) {
            apply(new CeilingExhausted(ceilingId, balance.counted(), balance.ceiling(), byDeclarationId));
        }
    }

    @CommandHandler
    public void handle(RequestIncrease command, PurchasingPolicies policies, DeadlineManager deadlines) {
        requirePositive(command.amount(), "an increase");
        requireText(command.grounds(), "grounds for the increase request");
        if (requests.containsKey(command.requestId())) {
            throw new StateConflictException("increase request " + command.requestId() + " exists already");
        }
        requireNotSettled("no increase can be requested");
        PolicyParameters policy = policies.inForce(insurer, year);
        // seed 001: increase requests from 1 April until 31 July 17:00; seed 002 §6.3 (supplementary contracting): an
        // overrun announced up to and including 1 October — checked at the request's own time
        if (!policy.increaseWindowContains(command.requestedAt())) {
            throw new RuleViolationException(windowRefusal(policy, command.requestedAt()));
        }
        // seed 001: at most +50 % of the initially agreed ceiling, all increases of the year together
        Money cap = initialCeiling.percent(policy.increaseCapPercent());
        Money room = cap.minus(granted).minus(pendingRequested());
        if (command.amount().isGreaterThan(room)) {
            throw new RuleViolationException("an increase of " + command.amount() + " exceeds the cap of "
                    + policy.increaseCapPercent() + " % of the initial ceiling " + initialCeiling + " (" + cap
                    + "); at most " + room.max(Money.ZERO) + " can still be requested");
        }
        // seed 001: decided within 4 weeks (digital) or 1 month (negotiated) of the complete request; seed 002 §6.3: by
        // 31 March — due at the end of the due day in Amsterdam
        Instant due = policy.decisionDueAt(kind, command.requestedAt());
        apply(new IncreaseRequested(ceilingId, command.requestId(), command.amount(), command.grounds(),
                command.criteria(), command.requestedAt(), due));
        deadlines.schedule(due, DECISION_DEADLINE, new DecisionDue(command.requestId(), due));
    }

    private String windowRefusal(PolicyParameters policy, Instant at) {
        if (policy.announceBy() != null) {
            return "an expected overrun of the " + year + " ceiling is announced from "
                    + DomainTime.dateOf(policy.increaseWindowStart()) + " up to and including " + policy.announceBy()
                    + " (supplementary contracting); this one came on " + DomainTime.dateOf(at);
        }
        return "increase requests for " + year + " are accepted from " + policy.increaseWindowStart() + " until "
                + policy.increaseWindowEnd() + "; this one came at " + at;
    }

    /** Seed 001: more information is asked for; the request is not complete, and its decision clock stops. */
    @CommandHandler
    public void handle(RequestIncreaseInformation command) {
        IncreaseRequestState request = openRequest(command.requestId());
        requireText(command.question(), "the information asked for");
        if (request.status() == IncreaseRequestState.Status.INFORMATION_REQUESTED) {
            throw new StateConflictException("increase request " + command.requestId()
                    + " is already waiting for information from the provider");
        }
        apply(new IncreaseInformationRequested(ceilingId, command.requestId(), command.question(),
                command.requestedAt()));
    }

    /**
     * Seed 001: once the information is in, the request is complete and decided within the period from then
     * ("nadat we de verhogingsaanvraag en de benodigde informatie hebben ontvangen ... binnen 1 maand").
     */
    @CommandHandler
    public void handle(CompleteIncreaseRequest command, PurchasingPolicies policies, DeadlineManager deadlines) {
        IncreaseRequestState request = openRequest(command.requestId());
        requireText(command.information(), "the information sent");
        if (request.status() != IncreaseRequestState.Status.INFORMATION_REQUESTED) {
            throw new StateConflictException("increase request " + command.requestId()
                    + " is not waiting for information (" + request.status().name().toLowerCase() + ")");
        }
        Instant due = policies.inForce(insurer, year).decisionDueAt(kind, command.completedAt());
        apply(new IncreaseRequestCompleted(ceilingId, command.requestId(), command.information(),
                command.completedAt(), due));
        deadlines.schedule(due, DECISION_DEADLINE, new DecisionDue(command.requestId(), due));
    }

    @CommandHandler
    public void handle(ApproveIncrease command, PurchasingPolicies policies) {
        IncreaseRequestState request = openRequest(command.requestId());
        requirePositive(command.amount(), "an approved increase");
        if (addenda.containsKey(command.addendumId())) {
            throw new StateConflictException("addendum " + command.addendumId() + " exists already");
        }
        if (command.amount().isGreaterThan(request.amount())) {
            throw new RuleViolationException("cannot approve " + command.amount() + ": the provider requested "
                    + request.amount());
        }
        PolicyParameters policy = policies.inForce(insurer, year);
        Money room = initialCeiling.percent(policy.increaseCapPercent()).minus(granted);
        if (command.amount().isGreaterThan(room)) {
            throw new RuleViolationException("cannot approve " + command.amount() + ": the cap of "
                    + policy.increaseCapPercent() + " % of the initial ceiling leaves " + room.max(Money.ZERO));
        }
        apply(new IncreaseApproved(ceilingId, command.requestId(), command.amount(), command.addendumId(),
                command.decidedAt()));
        // seed 001: the increase is laid down in an addendum, final only once the provider signs it
        apply(new AddendumOffered(ceilingId, command.addendumId(), command.requestId(), command.amount(),
                command.decidedAt()));
    }

    @CommandHandler
    public void handle(RejectIncrease command) {
        openRequest(command.requestId());
        requireText(command.grounds(), "grounds for the rejection");
        apply(new IncreaseRejected(ceilingId, command.requestId(), command.grounds(), command.reasons(),
                command.decidedAt()));
    }

    /**
     * A deadline left over from a request decided in time, or set for a due moment that a stopped clock moved, does
     * nothing; a request is recorded overdue once.
     */
    @DeadlineHandler(deadlineName = DECISION_DEADLINE)
    void decisionDue(DecisionDue due) {
        IncreaseRequestState request = requests.get(due.requestId());
        if (request != null && clockRuns(request) && !request.overdue()
                && due.dueAt().equals(request.decisionDueAt())) {
            apply(new IncreaseDecisionOverdue(ceilingId, due.requestId(), request.decisionDueAt()));
        }
    }

    /** The deadlines set before requests had a clock (payload: the request id), still waiting in a scheduler. */
    @DeadlineHandler(deadlineName = DECISION_DEADLINE)
    void decisionDue(String requestId) {
        IncreaseRequestState request = requests.get(requestId);
        if (request != null && clockRuns(request) && !request.overdue()) {
            apply(new IncreaseDecisionOverdue(ceilingId, requestId, request.decisionDueAt()));
        }
    }

    private static boolean clockRuns(IncreaseRequestState request) {
        return request.status() == IncreaseRequestState.Status.SUBMITTED
                || request.status() == IncreaseRequestState.Status.COMPLETE;
    }

    @CommandHandler
    public void handle(SignAddendum command, DeclarationLedger ledger) {
        AddendumState addendum = addenda.get(command.addendumId());
        if (addendum == null) {
            throw new UnknownReferenceException("no addendum " + command.addendumId() + " on ceiling " + ceilingId);
        }
        if (addendum.signed()) {
            throw new StateConflictException("addendum " + command.addendumId() + " is signed already");
        }
        Money newCeiling = balance.ceiling().plus(addendum.amount());
        Money released = balance.withCeiling(newCeiling).payable().minus(balance.payable());
        apply(new AddendumSigned(ceilingId, command.addendumId(), command.signedBy(), command.signedAt(),
                addendum.amount(), balance.ceiling(), newCeiling, released));
        // seed 001: the raise pays out what was held above the old ceiling, oldest declaration first
        release(new HeldQueue(ledger, ceilingId), released, PayableChangeCause.ADDENDUM_SIGNED, command.addendumId());
        // seed 001: the marks are those of the ceiling in force — what the raised ceiling no longer reaches is cleared
        List<Integer> cleared = thresholdsReached.stream().filter(percent -> !balance.hasReached(percent)).toList();
        boolean exhaustionCleared = exhausted && !balance.hasReached(100);
        if (!cleared.isEmpty() || exhaustionCleared) {
            apply(new CeilingThresholdsCleared(ceilingId, command.addendumId(), cleared, exhaustionCleared,
                    balance.counted(), balance.ceiling()));
        }
    }

    @CommandHandler
    public void handle(IssueClawBack command, DeclarationLedger ledger) {
        requirePositive(command.amount(), "a claw-back");
        requireText(command.reason(), "a reason for the claw-back");
        if (command.declarationIds() == null || command.declarationIds().isEmpty()) {
            throw new InvalidValueException("a claw-back names the declarations it reclaims (declarationIds)");
        }
        List<String> named = command.declarationIds().stream().distinct().toList();
        Map<String, LedgerEntry> found = ledger.find(insurer, named);
        Money reclaimable = Money.ZERO;
        for (String id : named) {
            LedgerEntry entry = found.get(id);
            if (entry == null || entry.credit() || !ceilingId.equals(entry.ceilingId())) {
                throw new RuleViolationException("declaration " + id + " is not an accepted declaration on ceiling "
                        + ceilingId);
            }
            reclaimable = reclaimable.plus(entry.remaining());
        }
        if (command.amount().isGreaterThan(reclaimable)) {
            throw new RuleViolationException("a claw-back of " + command.amount() + " is more than the "
                    + reclaimable + " left on the named declarations after earlier credits and claw-backs");
        }
        // charged to the declarations in the order the purchaser named them, each up to what is left of it
        List<ClawBackShare> shares = new ArrayList<>();
        Money left = command.amount();
        for (String id : named) {
            Money share = found.get(id).remaining().min(left);
            if (share.isPositive()) {
                shares.add(new ClawBackShare(id, share));
                left = left.minus(share);
            }
        }
        // seed 000 ⓴: what was paid is reclaimed; what was held unpaid above the ceiling is only withdrawn
        CeilingBalance before = balance;
        CeilingBalance.ClawBackSplit split = balance.clawBack(command.amount());
        apply(new ClawBackIssued(ceilingId, command.clawBackId(), command.amount(), command.reason(), shares,
                command.issuedAt(), split.fromPaid(), split.fromUnpaid(), settledAt != null));
        // per declaration, share by share: each takes its own held part first, and frees room for the oldest held
        HeldQueue held = new HeldQueue(ledger, ceilingId);
        for (ClawBackShare share : shares) {
            CeilingBalance.ClawBackSplit shareSplit = before.clawBack(share.amount());
            before = before.withClawBack(shareSplit.fromPaid(), shareSplit.fromUnpaid());
            reduce(held, found.get(share.declarationId()), share.amount(), shareSplit.fromUnpaid(),
                    PayableChangeCause.CLAW_BACK, command.clawBackId());
        }
    }

    /**
     * Settlement (afrekening) of the contract year: once the year has ended (seed 000: settlement continues in the year
     * after) and nothing is still to be decided or signed — an open increase request or an unsigned addendum would
     * change the figures. The final figures are recorded; from then on only claw-backs (recoveries) are possible.
     */
    @CommandHandler
    public void handle(SettleCeiling command) {
        requireNotSettled("it cannot be settled again");
        Instant yearEnded = DomainTime.endOf(periodEnd);
        if (command.settledAt().isBefore(yearEnded)) {
            throw new StateConflictException("the contract year " + year + " of ceiling " + ceilingId
                    + " runs until the end of " + periodEnd + ": it can be settled from " + periodEnd.plusDays(1));
        }
        List<String> open = requests.entrySet().stream().filter(r -> r.getValue().status().open())
                .map(Map.Entry::getKey).sorted().toList();
        if (!open.isEmpty()) {
            throw new StateConflictException("increase request(s) " + String.join(", ", open) + " on ceiling "
                    + ceilingId + " are still open: decide them before the year is settled");
        }
        List<String> unsigned = addenda.entrySet().stream().filter(a -> !a.getValue().signed())
                .map(Map.Entry::getKey).sorted().toList();
        if (!unsigned.isEmpty()) {
            throw new StateConflictException("addend(a) " + String.join(", ", unsigned) + " on ceiling " + ceilingId
                    + " are not signed yet: the ceiling to settle against is not final");
        }
        apply(new CeilingSettled(ceilingId, command.settledAt(), initialCeiling, balance.ceiling(), balance.declared(),
                balance.payable(), balance.unpaid(), balance.clawedBack(), balance.withdrawnUnpaid()));
    }

    private void requireNotSettled(String consequence) {
        if (settledAt != null) {
            throw new StateConflictException("the year " + year + " of ceiling " + ceilingId + " was settled on "
                    + DomainTime.dateOf(settledAt) + ": " + consequence);
        }
    }

    @CommandHandler
    public void handle(ApplyContractAmendment command) {
        apply(new ContractAmendmentApplied(ceilingId, command.excludedPrestatieCodes(), command.excludedSettings(),
                command.effectiveDate()));
    }

    @CommandHandler
    public void handle(ApplyContractTermination command) {
        if (command.lastCareDate().isBefore(lastCareDate)) {
            apply(new ContractTerminationApplied(ceilingId, command.lastCareDate()));
        }
    }

    private IncreaseRequestState openRequest(String requestId) {
        IncreaseRequestState request = requests.get(requestId);
        if (request == null) {
            throw new UnknownReferenceException("no increase request " + requestId + " on ceiling " + ceilingId);
        }
        if (!request.status().open()) {
            throw new StateConflictException("increase request " + requestId + " was decided already ("
                    + request.status().name().toLowerCase() + ")");
        }
        return request;
    }

    private Money pendingRequested() {
        return requests.values().stream()
                .filter(r -> r.status().open())
                .map(IncreaseRequestState::amount)
                .reduce(Money.ZERO, Money::plus);
    }

    private static void requirePositive(Money amount, String what) {
        if (amount == null || !amount.isPositive()) {
            throw new InvalidValueException(what + " must be a positive amount in cents, got " + amount);
        }
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(what + " must not be empty");
        }
    }

    @EventSourcingHandler
    void on(CeilingAgreed event) {
        ceilingId = event.ceilingId();
        insurer = event.insurer();
        year = event.year();
        kind = event.kind();
        periodStart = event.periodStart();
        periodEnd = event.periodEnd();
        lastCareDate = event.periodEnd();
        settings = Set.copyOf(event.settings());
        excludedSettingsFrom = new HashMap<>();
        excludedPrestatiesFrom = new HashMap<>();
        // left out by the offer: from the first day of the ceiling
        if (event.excludedSettings() != null) {
            event.excludedSettings().forEach(s -> excludedSettingsFrom.put(s.number(), periodStart));
        }
        if (event.excludedPrestatieCodes() != null) {
            event.excludedPrestatieCodes().forEach(c -> excludedPrestatiesFrom.put(c.value(), periodStart));
        }
        initialCeiling = event.initialCeiling();
        balance = new CeilingBalance(event.initialCeiling(), Money.ZERO, Money.ZERO);
        thresholdsReached = new TreeSet<>();
        granted = Money.ZERO;
        requests = new HashMap<>();
        addenda = new HashMap<>();
    }

    @EventSourcingHandler
    void on(DeclarationRecorded event) {
        balance = balance.withDeclared(event.amount());
    }

    @EventSourcingHandler
    void on(DeclarationCredited event) {
        balance = balance.withDeclared(event.amount().negate());
    }

    @EventSourcingHandler
    void on(CeilingThresholdReached event) {
        thresholdsReached.add(event.percent());
    }

    @EventSourcingHandler
    void on(CeilingExhausted event) {
        exhausted = true;
    }

    @EventSourcingHandler
    void on(CeilingThresholdsCleared event) {
        event.percents().forEach(thresholdsReached::remove);
        if (event.exhaustionCleared()) {
            exhausted = false;
        }
    }

    @EventSourcingHandler
    void on(IncreaseRequested event) {
        requests.put(event.requestId(), new IncreaseRequestState(event.amount(), event.decisionDueAt(),
                IncreaseRequestState.Status.SUBMITTED, false));
    }

    @EventSourcingHandler
    void on(IncreaseInformationRequested event) {
        requests.computeIfPresent(event.requestId(),
                (id, r) -> r.withClock(IncreaseRequestState.Status.INFORMATION_REQUESTED, null));
    }

    @EventSourcingHandler
    void on(IncreaseRequestCompleted event) {
        requests.computeIfPresent(event.requestId(),
                (id, r) -> r.withClock(IncreaseRequestState.Status.COMPLETE, event.decisionDueAt()));
    }

    @EventSourcingHandler
    void on(IncreaseDecisionOverdue event) {
        requests.computeIfPresent(event.requestId(), (id, r) -> r.markedOverdue());
    }

    @EventSourcingHandler
    void on(IncreaseApproved event) {
        requests.computeIfPresent(event.requestId(), (id, r) -> r.withStatus(IncreaseRequestState.Status.APPROVED));
        granted = granted.plus(event.amount());
    }

    @EventSourcingHandler
    void on(IncreaseRejected event) {
        requests.computeIfPresent(event.requestId(), (id, r) -> r.withStatus(IncreaseRequestState.Status.REJECTED));
    }

    @EventSourcingHandler
    void on(AddendumOffered event) {
        addenda.put(event.addendumId(), new AddendumState(event.amount(), false));
    }

    @EventSourcingHandler
    void on(AddendumSigned event) {
        addenda.put(event.addendumId(), new AddendumState(event.amount(), true));
        balance = balance.withCeiling(event.newCeiling());
    }

    @EventSourcingHandler
    void on(ClawBackIssued event) {
        balance = balance.withClawBack(event.payableReduction(), event.unpaidReduction());
    }

    @EventSourcingHandler
    void on(CeilingSettled event) {
        settledAt = event.settledAt();
    }

    @EventSourcingHandler
    void on(ContractAmendmentApplied event) {
        // stored before amendments had a date: from the start
        LocalDate from = event.effectiveDate() != null && event.effectiveDate().isAfter(periodStart)
                ? event.effectiveDate() : periodStart;
        event.excludedPrestatieCodes().forEach(c -> excludedPrestatiesFrom.merge(c.value(), from,
                CeilingAgreement::earlier));
        event.excludedSettings().forEach(s -> excludedSettingsFrom.merge(s.number(), from, CeilingAgreement::earlier));
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    @EventSourcingHandler
    void on(ContractTerminationApplied event) {
        lastCareDate = event.lastCareDate();
    }
}
