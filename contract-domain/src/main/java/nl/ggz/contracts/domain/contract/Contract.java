package nl.ggz.contracts.domain.contract;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.ceiling.CeilingAgreement;
import nl.ggz.contracts.domain.ceiling.CeilingIds;
import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.policy.PurchasingPolicies;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ContractTerm;
import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.RuleViolationException;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.StateConflictException;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import nl.ggz.contracts.domain.shared.UnknownReferenceException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * A care contract (zorgovereenkomst) from offer to end: the offer and its proposal rounds, signing, amendments,
 * termination and the provider's patient stops. Signing opens one {@link CeilingAgreement} per calendar year.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Contract {

    static final String OFFER_EXPIRY = "offer-expiry";
    static final String TERM_END = "term-end";

    @AggregateIdentifier
    private String contractId;
    private InsurerCode insurer;
    private ProviderCode provider;
    private ProviderType providerType;
    private ContractKind kind;
    private ContractTerm term;
    private Set<Setting> settings;
    private TariffPercentage tariff;
    private Money ceiling;
    private Instant offerExpiresAt;
    private ContractStatus status;
    private int proposalRound;
    private Set<Setting> excludedSettings;
    private Set<PrestatieCode> excludedPrestatieCodes;
    private Map<String, PatientStopState> patientStops;

    protected Contract() {
    }

    @CommandHandler
    public Contract(OfferContract command, PurchasingPolicies policies, DeadlineManager deadlines) {
        ContractTerm term = required(command.term(), "term");
        required(command.insurer(), "insurerUzovi");
        required(command.provider(), "providerAgb");
        ProviderType type = required(command.providerType(), "providerType");
        required(command.kind(), "kind");
        required(command.tariff(), "tariffPercentage");
        requireSettings(command.settings());
        requireCeiling(command.ceiling());
        PolicyParameters policy = policies.inForce(command.insurer(), term.start().getYear());
        // seed 002 §5.2: independents are contracted for 2 years, institutions for 1 (a policy parameter)
        int years = policy.termYearsFor(type);
        if (term.years() != years) {
            throw new RuleViolationException("a " + type + " contract runs " + years + " calendar year"
                    + (years == 1 ? "" : "s") + " under the policy of " + command.insurer() + "; the offered term "
                    + term.start() + " to " + term.end() + " runs " + term.years());
        }
        if (DomainTime.dateOf(command.offeredAt()).isAfter(term.end())) {
            throw new RuleViolationException("the term " + term.start() + " to " + term.end() + " is over already");
        }
        // seed 002 §5.3: an offer is signed within six weeks of receipt, or it lapses (the policy's offer validity)
        Instant expiresAt = command.offerExpiresAt() != null
                ? command.offerExpiresAt()
                : command.offeredAt().atZone(DomainTime.AMSTERDAM).plusDays(policy.offerValidityDays()).toInstant();
        if (!expiresAt.isAfter(command.offeredAt())) {
            throw new RuleViolationException("offerExpiresAt " + expiresAt + " has passed already; an offer must "
                    + "leave the provider time to sign");
        }
        apply(new ContractOffered(command.contractId(), command.insurer(), command.provider(), type,
                command.kind(), term, Set.copyOf(command.settings()), command.tariff(), command.ceiling(),
                command.offeredAt(), expiresAt));
        deadlines.schedule(expiresAt, OFFER_EXPIRY);
    }

    @CommandHandler
    public void handle(ReviseProposal command) {
        requireOffered("revise the proposal of");
        if (kind != ContractKind.NEGOTIATED) {
            throw new RuleViolationException("a DIGITAL offer is not negotiable: the provider signs or declines it");
        }
        requireNotExpired(command.proposedAt());
        if (command.ceiling() == null && command.tariff() == null && command.settings() == null) {
            throw new InvalidValueException("a proposal changes at least one of ceilingCents, tariffPercentage, settings");
        }
        if (command.settings() != null) {
            requireSettings(command.settings());
        }
        if (command.ceiling() != null) {
            requireCeiling(command.ceiling());
        }
        apply(new ContractProposalRevised(contractId, proposalRound + 1,
                required(command.proposedBy(), "proposedBy"),
                command.ceiling() != null ? command.ceiling() : ceiling,
                command.tariff() != null ? command.tariff() : tariff,
                command.settings() != null ? Set.copyOf(command.settings()) : settings,
                command.proposedAt()));
    }

    /** Signing accepts the latest proposal and opens the ceilings at once, in the same transaction. */
    @CommandHandler
    public void handle(SignContract command, DeadlineManager deadlines) throws Exception {
        requireOffered("sign");
        requireNotExpired(command.signedAt());
        apply(new ContractSigned(contractId, requiredText(command.signedBy(), "signedBy"), command.signedAt(),
                ceiling, tariff, settings, ceilingIds()));
        for (int year : term.calendarYears()) {
            CeilingAgreed agreed = new CeilingAgreed(CeilingIds.of(contractId, year), contractId, insurer, provider,
                    providerType, kind, year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), ceiling, settings);
            createNew(CeilingAgreement.class, () -> new CeilingAgreement(agreed));
        }
        deadlines.schedule(DomainTime.startOf(term.end().plusDays(1)), TERM_END);
    }

    @CommandHandler
    public void handle(DeclineContract command) {
        requireOffered("decline");
        apply(new ContractDeclined(contractId, command.reason(), command.declinedAt()));
    }

    @CommandHandler
    public void handle(WithdrawOffer command) {
        requireOffered("withdraw");
        apply(new ContractOfferWithdrawn(contractId, command.reason(), command.withdrawnAt()));
    }

    /** Deadline set at the offer; an offer signed, declined or withdrawn before it is left alone. */
    @DeadlineHandler(deadlineName = OFFER_EXPIRY)
    void offerExpired() {
        if (status == ContractStatus.OFFERED) {
            apply(new ContractOfferExpired(contractId, offerExpiresAt));
        }
    }

    @CommandHandler
    public void handle(AmendContract command) {
        requireSigned("amend");
        requiredText(command.reason(), "reason");
        Set<PrestatieCode> codes = command.excludedPrestatieCodes() == null ? Set.of() : command.excludedPrestatieCodes();
        Set<Setting> excluded = command.excludedSettings() == null ? Set.of() : command.excludedSettings();
        if (codes.isEmpty() && excluded.isEmpty()) {
            throw new InvalidValueException("an amendment excludes at least one prestatie code or setting");
        }
        codes.forEach(code -> required(code, "an excluded prestatie code"));
        for (Setting setting : excluded) {
            if (!settings.contains(setting)) {
                throw new RuleViolationException(setting + " is not part of the contract, so it cannot be excluded");
            }
        }
        Set<PrestatieCode> newCodes = new TreeSet<>(codes);
        newCodes.removeAll(excludedPrestatieCodes);
        Set<Setting> newSettings = new TreeSet<>(excluded);
        newSettings.removeAll(excludedSettings);
        if (newCodes.isEmpty() && newSettings.isEmpty()) {
            throw new StateConflictException("everything named is excluded already");
        }
        apply(new ContractAmended(contractId, newCodes, newSettings, command.reason(), command.amendedAt(),
                ceilingIds()));
    }

    @CommandHandler
    public void handle(TerminateContract command) {
        requireSigned("terminate");
        requiredText(command.reason(), "reason");
        LocalDate effective = required(command.effectiveDate(), "effectiveDate");
        if (!term.contains(effective)) {
            throw new RuleViolationException("the effective date " + effective + " lies outside the term "
                    + term.start() + " to " + term.end());
        }
        apply(new ContractTerminated(contractId, command.reason(), effective, command.terminatedAt(), ceilingIds()));
    }

    /** Deadline set at signing, the first moment after the term. */
    @DeadlineHandler(deadlineName = TERM_END)
    void termEnded() {
        if (status == ContractStatus.SIGNED) {
            apply(new ContractEnded(contractId, term.end()));
        }
    }

    /** NZa monitor 2022 (seed 003): insurers should know when and why their providers stop taking patients. */
    @CommandHandler
    public void handle(AnnouncePatientStop command) {
        requireSigned("announce a patient stop on");
        required(command.reason(), "reason");
        LocalDate from = required(command.from(), "from");
        if (!term.contains(from)) {
            throw new RuleViolationException("a patient stop from " + from + " lies outside the term "
                    + term.start() + " to " + term.end());
        }
        if (patientStops.containsKey(command.stopId())) {
            throw new StateConflictException("patient stop " + command.stopId() + " exists already");
        }
        patientStops.values().stream().filter(PatientStopState::open).findFirst().ifPresent(open -> {
            throw new StateConflictException("a patient stop (" + open.reason() + ") is in force since " + open.from()
                    + "; lift it before announcing another");
        });
        apply(new PatientStopAnnounced(contractId, command.stopId(), command.reason(), from, command.announcedAt()));
    }

    @CommandHandler
    public void handle(LiftPatientStop command) {
        PatientStopState stop = patientStops.get(command.stopId());
        if (stop == null) {
            throw new UnknownReferenceException("no patient stop " + command.stopId() + " on contract " + contractId);
        }
        if (!stop.open()) {
            throw new StateConflictException("patient stop " + command.stopId() + " was lifted already");
        }
        LocalDate to = required(command.to(), "to");
        if (to.isBefore(stop.from())) {
            throw new RuleViolationException("a patient stop cannot end (" + to + ") before it began (" + stop.from() + ")");
        }
        apply(new PatientStopLifted(contractId, command.stopId(), stop.reason(), stop.from(), to, command.liftedAt()));
    }

    private List<String> ceilingIds() {
        return term.calendarYears().stream().map(y -> CeilingIds.of(contractId, y)).toList();
    }

    private void requireOffered(String action) {
        if (status != ContractStatus.OFFERED) {
            throw new StateConflictException("cannot " + action + " contract " + contractId + ": it is "
                    + status.name().toLowerCase() + ", not an open offer");
        }
    }

    private void requireNotExpired(Instant at) {
        if (!at.isBefore(offerExpiresAt)) {
            throw new StateConflictException("the offer of contract " + contractId + " expired at " + offerExpiresAt);
        }
    }

    private void requireSigned(String action) {
        if (status != ContractStatus.SIGNED) {
            throw new StateConflictException("cannot " + action + " contract " + contractId + ": it is "
                    + status.name().toLowerCase() + ", not signed and running");
        }
    }

    private static void requireSettings(Set<Setting> settings) {
        if (settings == null || settings.isEmpty()) {
            throw new InvalidValueException("a contract covers at least one setting (1 to 8)");
        }
    }

    private static void requireCeiling(Money ceiling) {
        if (ceiling == null || !ceiling.isPositive()) {
            throw new InvalidValueException("the ceiling must be a positive amount in cents, got " + ceiling);
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field + " is required");
        }
        return value;
    }

    private static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field + " must not be empty");
        }
        return value;
    }

    @EventSourcingHandler
    void on(ContractOffered event) {
        contractId = event.contractId();
        insurer = event.insurer();
        provider = event.provider();
        providerType = event.providerType();
        kind = event.kind();
        term = event.term();
        settings = Set.copyOf(event.settings());
        tariff = event.tariff();
        ceiling = event.ceiling();
        offerExpiresAt = event.offerExpiresAt();
        status = ContractStatus.OFFERED;
        excludedSettings = new HashSet<>();
        excludedPrestatieCodes = new HashSet<>();
        patientStops = new HashMap<>();
    }

    @EventSourcingHandler
    void on(ContractProposalRevised event) {
        proposalRound = event.round();
        ceiling = event.ceiling();
        tariff = event.tariff();
        settings = Set.copyOf(event.settings());
    }

    @EventSourcingHandler
    void on(ContractSigned event) {
        status = ContractStatus.SIGNED;
    }

    @EventSourcingHandler
    void on(ContractDeclined event) {
        status = ContractStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(ContractOfferWithdrawn event) {
        status = ContractStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(ContractOfferExpired event) {
        status = ContractStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(ContractAmended event) {
        excludedPrestatieCodes.addAll(event.excludedPrestatieCodes());
        excludedSettings.addAll(event.excludedSettings());
    }

    @EventSourcingHandler
    void on(ContractTerminated event) {
        status = ContractStatus.TERMINATED;
    }

    @EventSourcingHandler
    void on(ContractEnded event) {
        status = ContractStatus.ENDED;
    }

    @EventSourcingHandler
    void on(PatientStopAnnounced event) {
        patientStops.put(event.stopId(), new PatientStopState(event.reason(), event.from(), true));
    }

    @EventSourcingHandler
    void on(PatientStopLifted event) {
        patientStops.computeIfPresent(event.stopId(), (id, s) -> new PatientStopState(s.reason(), s.from(), false));
    }
}
