package nl.ggz.contracts.domain.contract;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.ceiling.CeilingAgreement;
import nl.ggz.contracts.domain.ceiling.CeilingIds;
import nl.ggz.contracts.domain.ceiling.DeclarationLedger;
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
import nl.ggz.contracts.domain.shared.Tariffs;
import nl.ggz.contracts.domain.shared.UnknownReferenceException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * A care contract (zorgovereenkomst) from offer to end: the offer and its proposal rounds, signing, amendments,
 * termination and the provider's patient stops. Signing opens one {@link CeilingAgreement} per calendar year.
 * <p>
 * Revision 2 of its snapshot (issue 14): tariffs per setting, who proposed last and whether the insurer accepted it,
 * exclusions with the day they hold from. Snapshots of revision 1 are passed over (Axon's revision filter) and the
 * contract is loaded from its events.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
@Revision("2")
public class Contract {

    static final String OFFER_EXPIRY = "offer-expiry";
    static final String TERM_END = "term-end";
    static final String PROPOSAL_ANSWER_DUE = "proposal-answer-due";

    @AggregateIdentifier
    private String contractId;
    private InsurerCode insurer;
    private ProviderCode provider;
    private ProviderType providerType;
    private ContractKind kind;
    private ContractTerm term;
    private Set<Setting> settings;
    private Tariffs tariffs;
    private Money ceiling;
    private Instant offerExpiresAt;
    private ContractStatus status;
    private int proposalRound;
    /** Who made the proposal on the table; null while it is the offer as made (the insurer's). */
    private Party lastProposedBy;
    /** Whether the insurer accepted the provider's proposal on the table. */
    private boolean proposalAccepted;
    /** When the insurer must have answered the provider's proposal on the table (seed 002 §6.3). */
    private Instant answerDueAt;
    /** Excluded setting (number) and prestatie code → the first day of care it is excluded for. */
    private Map<Integer, LocalDate> excludedSettingsFrom;
    private Map<String, LocalDate> excludedPrestatiesFrom;
    private Map<String, PatientStopState> patientStops;
    /** The contract this one renews; null when it was offered on its own. */
    private String renewalOf;
    /** The offer of the next term made from this contract (seed 001), once it is renewed. */
    private String renewedAs;

    protected Contract() {
    }

    @CommandHandler
    public Contract(OfferContract command, PurchasingPolicies policies, ContractClaims claims,
                    DeadlineManager deadlines) {
        this(offered(command, null, policies, claims), deadlines);
    }

    /** An offer that passed the rules, on its own or as the next term of a contract ({@link RenewContract}). */
    private Contract(ContractOffered offered, DeadlineManager deadlines) {
        apply(offered);
        deadlines.schedule(offered.offerExpiresAt(), OFFER_EXPIRY);
    }

    /**
     * The offer as the rules of an offer let it be made ({@code renewalOf} null), or as the renewal of that contract;
     * judged before the new contract is made, so that a refusal never comes from within its creation.
     */
    private static ContractOffered offered(OfferContract command, String renewalOf, PurchasingPolicies policies,
                                           ContractClaims claims) {
        ContractTerm term = required(command.term(), "term");
        InsurerCode insurer = required(command.insurer(), "insurerUzovi");
        ProviderCode provider = required(command.provider(), "providerAgb");
        ProviderType type = required(command.providerType(), "providerType");
        required(command.kind(), "kind");
        requireSettings(command.settings());
        Set<Setting> settings = Set.copyOf(command.settings());
        Tariffs tariffs = tariffsFor(settings, null, command.tariff(), command.tariffsBySetting(), "offer");
        requireCeiling(command.ceiling());
        Set<PrestatieCode> excludedCodes = excludedCodes(command.excludedPrestatieCodes());
        Set<Setting> excludedSettings = excludedSettings(command.excludedSettings(), settings);
        if (excludedSettings.containsAll(settings)) {
            throw new RuleViolationException("an offer that excludes every setting it covers (" + describe(settings)
                    + ") covers no care");
        }
        int firstYear = term.start().getYear();
        PolicyParameters policy = policies.inForce(insurer, firstYear);
        // seed 002 §5.2: independents are contracted for 2 years, institutions for 1 (termYears); seed 001 and 003:
        // multi-year agreements up to the policy's longest term (maxTermYears)
        int shortest = policy.termYearsFor(type);
        int longest = policy.maxTermYearsFor(type);
        if (term.years() < shortest || term.years() > longest) {
            String length = shortest == longest ? shortest + " calendar year" + (shortest == 1 ? "" : "s")
                    : shortest + " to " + longest + " calendar years";
            throw new RuleViolationException("a " + type + " contract runs " + length + " under the policy of "
                    + insurer + "; the offered term " + term.start() + " to " + term.end() + " runs " + term.years());
        }
        requireSettingsAllowed(policy, type, settings, insurer, firstYear);
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
        // one contract per insurer, provider and calendar year (seed 000: the yearly contract)
        claims.heldFor(insurer, provider, term.calendarYears()).ifPresent(claim -> {
            throw new StateConflictException("provider " + provider + " has contract " + claim.contractId()
                    + " with insurer " + insurer + " for " + claim.year() + " already (offered or signed): one "
                    + "contract per insurer, provider and year");
        });
        return new ContractOffered(command.contractId(), insurer, provider, type, command.kind(), term, settings,
                tariffs, command.ceiling(), command.offeredAt(), expiresAt, excludedCodes, excludedSettings, renewalOf);
    }

    /**
     * Seed 001: a provider with a contract this year is in principle offered one for next year ("komen in principe
     * automatisch in aanmerking"), "gebaseerd op het zorgkostenplafond van [dit jaar], inclusief eventuele verhoging".
     * The next term goes to the same provider on the same kind, provider type, settings, tariffs and exclusions as in
     * force at the end of this term; it starts on 1 January after this term and runs the new year's policy's term for
     * the provider type (seed 002 §5.2). It is an offer like any other: the rules of an offer hold (one contract per
     * insurer, provider and year; the settings the policy allows; the offer's validity), and the provider signs or
     * declines it.
     * <p>
     * The ceiling comes with the command: the contract does not know what its ceilings were raised to (each is a
     * {@link CeilingAgreement} of its own, raised by signed addenda), the application reads it from the ceilings'
     * state, which is written in the transaction of every ceiling event (see ContractRenewals).
     */
    @CommandHandler
    public void handle(RenewContract command, PurchasingPolicies policies, ContractClaims claims,
                       DeadlineManager deadlines) throws Exception {
        if (status != ContractStatus.SIGNED && status != ContractStatus.ENDED) {
            throw new StateConflictException("cannot renew contract " + contractId + ": it is "
                    + status.name().toLowerCase() + "; only a signed contract (running or ended) is renewed");
        }
        if (renewedAs != null) {
            throw new StateConflictException("contract " + contractId + " was renewed already, as contract "
                    + renewedAs);
        }
        String renewalId = requiredText(command.renewalContractId(), "renewalContractId");
        String renewedBy = requiredText(command.renewedBy(), "renewedBy");
        requireCeiling(command.ceiling());
        int firstYear = term.end().getYear() + 1;
        int years = policies.inForce(insurer, firstYear).termYearsFor(providerType);
        ContractTerm next = ContractTerm.offered(LocalDate.of(firstYear, 1, 1),
                LocalDate.of(firstYear + years - 1, 12, 31));
        // the exclusions in force at the end of this term: every one, since each holds from a day within the term
        Set<PrestatieCode> codesLeftOut = excludedPrestatiesFrom.keySet().stream().map(PrestatieCode::new)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Setting> settingsLeftOut = excludedSettingsFrom.keySet().stream().map(Setting::new)
                .collect(Collectors.toCollection(TreeSet::new));
        OfferContract offer = new OfferContract(renewalId, insurer, provider, providerType, kind, next, settings, null,
                tariffs.bySetting(), command.ceiling(), command.offerExpiresAt(), command.renewedAt(), codesLeftOut,
                settingsLeftOut);
        ContractOffered offered = offered(offer, contractId, policies, claims);
        createNew(Contract.class, () -> new Contract(offered, deadlines));
        apply(new ContractRenewed(contractId, renewalId, next, command.ceiling(), command.ceilingFrom(), renewedBy,
                command.renewedAt()));
    }

    @CommandHandler
    public void handle(ReviseProposal command, PurchasingPolicies policies, DeadlineManager deadlines) {
        requireOffered("revise the proposal of");
        if (kind != ContractKind.NEGOTIATED) {
            throw new RuleViolationException("a DIGITAL offer is not negotiable: the provider signs or declines it");
        }
        requireNotExpired(command.proposedAt());
        if (command.ceiling() == null && command.tariff() == null && command.tariffsBySetting() == null
                && command.settings() == null) {
            throw new InvalidValueException("a proposal changes at least one of ceilingCents, tariffPercentage, "
                    + "tariffPercentages, settings");
        }
        Party by = required(command.proposedBy(), "proposedBy");
        Set<Setting> proposedSettings = settings;
        PolicyParameters policy = policies.inForce(insurer, term.start().getYear());
        if (command.settings() != null) {
            requireSettings(command.settings());
            proposedSettings = Set.copyOf(command.settings());
            requireSettingsAllowed(policy, providerType, proposedSettings, insurer, term.start().getYear());
        }
        if (command.ceiling() != null) {
            requireCeiling(command.ceiling());
        }
        Tariffs proposedTariffs = tariffsFor(proposedSettings, tariffs, command.tariff(), command.tariffsBySetting(),
                "proposal");
        // seed 002 §6.3: the insurer answers a provider's quote within six weeks (the policy's quoteResponseDays)
        Instant answerDue = by == Party.PROVIDER
                ? command.proposedAt().atZone(DomainTime.AMSTERDAM).plusDays(policy.quoteResponseDays()).toInstant()
                : null;
        int round = proposalRound + 1;
        apply(new ContractProposalRevised(contractId, round, by,
                command.ceiling() != null ? command.ceiling() : ceiling, proposedTariffs, proposedSettings,
                command.proposedAt(), answerDue));
        if (answerDue != null) {
            deadlines.schedule(answerDue, PROPOSAL_ANSWER_DUE, round);
        }
    }

    /**
     * The insurer agrees to the provider's proposal on the table, which the provider can then sign. Seed 000: a
     * contract is concluded "bij overeenstemming" — the provider signs only terms the insurer put forward or accepted.
     */
    @CommandHandler
    public void handle(AcceptProposal command) {
        requireOffered("accept a proposal on");
        requireNotExpired(command.acceptedAt());
        if (lastProposedBy != Party.PROVIDER) {
            throw new StateConflictException("there is no proposal of the provider to accept on contract "
                    + contractId + ": the terms on the table are the insurer's own ("
                    + (proposalRound == 0 ? "the offer" : "round " + proposalRound) + ")");
        }
        if (proposalAccepted) {
            throw new StateConflictException("the provider's proposal of round " + proposalRound + " on contract "
                    + contractId + " was accepted already");
        }
        apply(new ContractProposalAccepted(contractId, proposalRound, requiredText(command.acceptedBy(),
                "acceptedBy"), command.acceptedAt()));
    }

    /** Deadline set at a provider's proposal; answered (accepted, proposed again) or closed in time, it does nothing. */
    @DeadlineHandler(deadlineName = PROPOSAL_ANSWER_DUE)
    void proposalAnswerDue(Integer round) {
        if (status == ContractStatus.OFFERED && round != null && round == proposalRound
                && lastProposedBy == Party.PROVIDER && !proposalAccepted) {
            apply(new ContractProposalAnswerOverdue(contractId, round, answerDueAt));
        }
    }

    /** Signing accepts the latest proposal and opens the ceilings at once, in the same transaction. */
    @CommandHandler
    public void handle(SignContract command, DeadlineManager deadlines) throws Exception {
        requireOffered("sign");
        requireNotExpired(command.signedAt());
        // seed 000: concluded "bij overeenstemming": the provider cannot sign terms only it proposed
        if (lastProposedBy == Party.PROVIDER && !proposalAccepted) {
            throw new StateConflictException("the proposal on the table (round " + proposalRound + ") is the "
                    + "provider's own and the insurer has not accepted it: contract " + contractId + " can be signed "
                    + "once the purchaser accepts it, or on a new proposal of the insurer");
        }
        String signedBy = requiredText(command.signedBy(), "signedBy");
        apply(new ContractSigned(contractId, signedBy, command.signedAt(), ceiling, tariffs, settings, ceilingIds()));
        Set<PrestatieCode> codesLeftOut = excludedPrestatiesFrom.keySet().stream().map(PrestatieCode::new)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Setting> settingsLeftOut = excludedSettingsFrom.keySet().stream().map(Setting::new)
                .collect(Collectors.toCollection(TreeSet::new));
        for (int year : term.calendarYears()) {
            // a term that starts in the year opens its first ceiling then: care before it is not covered
            CeilingAgreed agreed = new CeilingAgreed(CeilingIds.of(contractId, year), contractId, insurer, provider,
                    providerType, kind, year, term.startIn(year), LocalDate.of(year, 12, 31), ceiling, settings,
                    codesLeftOut, settingsLeftOut);
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

    /**
     * Seed 002 §5.4: the insurer leaves settings or prestaties out, for care from the effective date on. An amendment
     * that takes effect before the day it is made needs the purchaser's reason, which is recorded; declarations
     * accepted before it stay counted, later ones for care from that date are refused.
     */
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
        LocalDate today = DomainTime.dateOf(command.amendedAt());
        LocalDate effective = command.effectiveDate() != null ? command.effectiveDate() : today;
        if (!term.contains(effective)) {
            throw new RuleViolationException("the effective date " + effective + " lies outside the term "
                    + term.start() + " to " + term.end());
        }
        boolean backdated = effective.isBefore(today);
        if (backdated && (command.backdatingReason() == null || command.backdatingReason().isBlank())) {
            throw new RuleViolationException("an amendment that takes effect before today (" + today + ") needs a "
                    + "backdatingReason: it is recorded with the amendment, and declarations accepted before it for "
                    + "care from " + effective + " stay counted");
        }
        // new, or excluded from an earlier day than before
        Set<PrestatieCode> newCodes = codes.stream()
                .filter(code -> !isExcludedBy(excludedPrestatiesFrom.get(code.value()), effective))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Setting> newSettings = excluded.stream()
                .filter(setting -> !isExcludedBy(excludedSettingsFrom.get(setting.number()), effective))
                .collect(Collectors.toCollection(TreeSet::new));
        if (newCodes.isEmpty() && newSettings.isEmpty()) {
            throw new StateConflictException("everything named is excluded already, from " + effective + " or before");
        }
        apply(new ContractAmended(contractId, newCodes, newSettings, command.reason(), command.amendedAt(),
                ceilingIds(), effective, backdated ? command.backdatingReason() : null));
    }

    private static boolean isExcludedBy(LocalDate excludedFrom, LocalDate day) {
        return excludedFrom != null && !excludedFrom.isAfter(day);
    }

    /**
     * Never earlier than the latest care already accepted on the contract. The seeds do not say what becomes of
     * declarations accepted for care after a termination date; seed 001 pays "op basis van de ingediende en
     * goedgekeurde declaraties" within the term, so the conservative rule: accepted care stays covered, and a
     * termination that would leave it outside the contract is refused.
     */
    @CommandHandler
    public void handle(TerminateContract command, DeclarationLedger ledger) {
        requireSigned("terminate");
        requiredText(command.reason(), "reason");
        LocalDate effective = required(command.effectiveDate(), "effectiveDate");
        if (!term.contains(effective)) {
            throw new RuleViolationException("the effective date " + effective + " lies outside the term "
                    + term.start() + " to " + term.end());
        }
        Optional<LocalDate> latestCare = ledger.latestTreatmentDate(ceilingIds());
        if (latestCare.isPresent() && effective.isBefore(latestCare.get())) {
            throw new RuleViolationException("the termination cannot take effect on " + effective + ": care on "
                    + latestCare.get() + " was declared and accepted on this contract already; terminate on "
                    + latestCare.get() + " or later");
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

    /**
     * The tariffs of a proposal: those on the table for the settings kept, {@code all} for every setting when given,
     * then {@code bySetting}; every setting needs one, and none is given for a setting not covered.
     */
    private static Tariffs tariffsFor(Set<Setting> settings, Tariffs current, TariffPercentage all,
                                      Map<Setting, TariffPercentage> bySetting, String what) {
        SortedMap<Setting, TariffPercentage> proposed = new TreeMap<>();
        if (current != null) {
            current.bySetting().forEach((setting, tariff) -> {
                if (settings.contains(setting)) {
                    proposed.put(setting, tariff);
                }
            });
        }
        if (all != null) {
            settings.forEach(setting -> proposed.put(setting, all));
        }
        if (bySetting != null) {
            for (Map.Entry<Setting, TariffPercentage> entry : new TreeMap<>(bySetting).entrySet()) {
                if (!settings.contains(entry.getKey())) {
                    throw new InvalidValueException("tariffPercentages names " + entry.getKey() + ", which the "
                            + what + " does not cover (settings " + describe(settings) + ")");
                }
                proposed.put(entry.getKey(), required(entry.getValue(), "the tariff of " + entry.getKey()));
            }
        }
        for (Setting setting : new TreeSet<>(settings)) {
            if (!proposed.containsKey(setting)) {
                throw new InvalidValueException("no tariff for " + setting + ": give tariffPercentage (every setting) "
                        + "or tariffPercentages (per setting)");
            }
        }
        return new Tariffs(proposed);
    }

    /** Seed 001: independents only setting 1 at VGZ; seed 002 §5.1: small institutions only the monodisciplinary. */
    private static void requireSettingsAllowed(PolicyParameters policy, ProviderType type, Set<Setting> settings,
                                               InsurerCode insurer, int year) {
        Optional<Set<Setting>> allowed = policy.settingsAllowedFor(type);
        if (allowed.isEmpty()) {
            return;
        }
        for (Setting setting : new TreeSet<>(settings)) {
            if (!allowed.get().contains(setting)) {
                throw new RuleViolationException(setting + " is not contracted with " + type + " providers under the "
                        + "purchasing policy of " + insurer + " for " + year + " (settingsByProviderType allows "
                        + describe(allowed.get()) + ")");
            }
        }
    }

    private static Set<PrestatieCode> excludedCodes(Set<PrestatieCode> codes) {
        if (codes == null) {
            return Set.of();
        }
        codes.forEach(code -> required(code, "an excluded prestatie code"));
        return Set.copyOf(codes);
    }

    private static Set<Setting> excludedSettings(Set<Setting> excluded, Set<Setting> covered) {
        if (excluded == null) {
            return Set.of();
        }
        for (Setting setting : excluded) {
            if (!covered.contains(required(setting, "an excluded setting"))) {
                throw new RuleViolationException(setting + " is not part of the offer (settings " + describe(covered)
                        + "), so it cannot be excluded");
            }
        }
        return Set.copyOf(excluded);
    }

    private static String describe(Set<Setting> settings) {
        return new TreeSet<>(settings).stream().map(s -> String.valueOf(s.number()))
                .collect(Collectors.joining(", "));
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
        tariffs = event.tariffs();
        ceiling = event.ceiling();
        offerExpiresAt = event.offerExpiresAt();
        status = ContractStatus.OFFERED;
        excludedSettingsFrom = new HashMap<>();
        excludedPrestatiesFrom = new HashMap<>();
        // left out by the offer: from the start of the term (seed 002 §5.4)
        if (event.excludedSettings() != null) {
            event.excludedSettings().forEach(s -> excludedSettingsFrom.put(s.number(), term.start()));
        }
        if (event.excludedPrestatieCodes() != null) {
            event.excludedPrestatieCodes().forEach(c -> excludedPrestatiesFrom.put(c.value(), term.start()));
        }
        patientStops = new HashMap<>();
        renewalOf = event.renewalOf();
    }

    @EventSourcingHandler
    void on(ContractRenewed event) {
        renewedAs = event.renewalContractId();
    }

    @EventSourcingHandler
    void on(ContractProposalRevised event) {
        proposalRound = event.round();
        lastProposedBy = event.proposedBy();
        proposalAccepted = false;
        answerDueAt = event.answerDueAt();
        ceiling = event.ceiling();
        tariffs = event.tariffs();
        settings = Set.copyOf(event.settings());
    }

    @EventSourcingHandler
    void on(ContractProposalAccepted event) {
        proposalAccepted = true;
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
        // stored before amendments had a date: from the start
        LocalDate from = event.effectiveDate() != null ? event.effectiveDate() : term.start();
        event.excludedPrestatieCodes().forEach(c -> excludedPrestatiesFrom.merge(c.value(), from, Contract::earlier));
        event.excludedSettings().forEach(s -> excludedSettingsFrom.merge(s.number(), from, Contract::earlier));
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
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
