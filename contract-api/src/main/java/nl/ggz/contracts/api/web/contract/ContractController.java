package nl.ggz.contracts.api.web.contract;

import jakarta.validation.Valid;
import nl.ggz.contracts.projections.history.FindContractAsOf;
import nl.ggz.contracts.projections.history.PointInTime;
import nl.ggz.contracts.api.security.Caller;
import nl.ggz.contracts.api.security.Role;
import nl.ggz.contracts.api.security.Tenancy;
import nl.ggz.contracts.api.problem.NotFoundException;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;
import nl.ggz.contracts.api.web.audit.InstantParameter;
import nl.ggz.contracts.domain.contract.AcceptProposal;
import nl.ggz.contracts.domain.contract.AmendContract;
import nl.ggz.contracts.domain.contract.AnnouncePatientStop;
import nl.ggz.contracts.domain.contract.ContractStatus;
import nl.ggz.contracts.domain.contract.DeclineContract;
import nl.ggz.contracts.domain.contract.LiftPatientStop;
import nl.ggz.contracts.domain.contract.OfferContract;
import nl.ggz.contracts.domain.contract.Party;
import nl.ggz.contracts.domain.contract.ReviseProposal;
import nl.ggz.contracts.domain.contract.SignContract;
import nl.ggz.contracts.domain.contract.TerminateContract;
import nl.ggz.contracts.domain.contract.WithdrawOffer;
import nl.ggz.contracts.domain.shared.ContractTerm;
import nl.ggz.contracts.domain.shared.ContractYears;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import nl.ggz.contracts.projections.contract.ContractSummary;
import nl.ggz.contracts.projections.contract.ContractView;
import nl.ggz.contracts.projections.contract.FindContract;
import nl.ggz.contracts.projections.contract.FindContracts;
import nl.ggz.contracts.projections.contract.FindProposalRounds;
import nl.ggz.contracts.projections.contract.ProposalRound;
import nl.ggz.contracts.projections.timeline.FindTimeline;
import nl.ggz.contracts.projections.timeline.TimelineEntry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@RestController
@RequestMapping("/api/contracts")
public class ContractController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final PointInTime pointInTime;
    private final VisibleContracts contracts;

    public ContractController(CommandGateway commands, QueryGateway queries, Clock clock, PointInTime pointInTime,
                              VisibleContracts contracts) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.pointInTime = pointInTime;
        this.contracts = contracts;
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> offer(@Valid @RequestBody OfferRequest request) {
        // a malformed code is bad input (400) before it is someone else's insurer (403)
        InsurerCode insurer = new InsurerCode(request.insurerUzovi());
        Tenancy.requireActsFor(insurer.value());
        if (request.tariffPercentage() == null && request.tariffPercentages() == null) {
            throw new InvalidValueException("an offer gives tariffPercentage (one tariff for every setting) or "
                    + "tariffPercentages (per setting, such as {\"2\":\"92.50\"}), or both");
        }
        String contractId = UUID.randomUUID().toString();
        commands.sendAndWait(new OfferContract(contractId, insurer,
                new ProviderCode(request.providerAgb()), request.providerType(), request.kind(),
                ContractTerm.offered(request.termStart(), request.termEnd()), settings(request.settings()),
                tariff(request.tariffPercentage()), bySetting(request.tariffPercentages()),
                Money.cents(request.ceilingCents()),
                request.offerExpiresAt() == null ? null : request.offerExpiresAt().toInstant(), clock.instant(),
                prestatieCodes(request.excludedPrestatieCodes()),
                request.excludedSettings() == null ? null : settings(request.excludedSettings())));
        return ResponseEntity.created(URI.create("/api/contracts/" + contractId)).body(Map.of("contractId", contractId));
    }

    /** Contracts by insurer, contract year, status and provider, newest term first. */
    @GetMapping
    public List<ContractSummary> contracts(@RequestParam(required = false) @ValidText(Text.CODE) String insurer,
                                           @RequestParam(required = false) Integer year,
                                           @RequestParam(required = false) ContractStatus status,
                                           @RequestParam(required = false) @ValidText(Text.CODE) String provider,
                                           @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidValueException("limit is 1 to 1000, got " + limit);
        }
        if (year != null && !ContractYears.contains(year)) {
            throw new InvalidValueException("year is a contract year between " + ContractYears.FIRST + " and "
                    + ContractYears.LAST + ", got " + year);
        }
        // purchasers see their insurer's contracts, providers their own, the regulator all
        Caller caller = Caller.require();
        String insurerFilter = caller.role() == Role.PROVIDER ? insurer : Tenancy.insurerScope(insurer);
        String providerFilter = Tenancy.providerScope(provider);
        return queries.query(new FindContracts(insurerFilter == null ? null : new InsurerCode(insurerFilter).value(),
                        year, status == null ? null : status.name(),
                        providerFilter == null ? null : new ProviderCode(providerFilter).value(), limit),
                ResponseTypes.multipleInstancesOf(ContractSummary.class)).join();
    }

    /** The current state, or with {@code asOf} the state at that instant, rebuilt from the events up to it. */
    @GetMapping("/{contractId}")
    public ContractView contract(@PathVariable @ValidText(Text.ID) String contractId, @RequestParam(required = false) String asOf) {
        Instant at = asOf == null ? null : InstantParameter.parse("asOf", asOf);
        ContractView now = contracts.find(contractId);
        if (at == null) {
            return now;
        }
        return pointInTime.contract(new FindContractAsOf(contractId, at)).orElseThrow(() -> new NotFoundException(
                "contract " + contractId + " was not offered yet at " + at));
    }

    @PostMapping("/{contractId}/proposals")
    public ContractView propose(@PathVariable @ValidText(Text.ID) String contractId, @Valid @RequestBody ProposalRequest request) {
        contracts.find(contractId);
        // the side is the caller's role, from the token (only purchasers and providers get here)
        Party side = Caller.require().role() == Role.PROVIDER ? Party.PROVIDER : Party.PURCHASER;
        commands.sendAndWait(new ReviseProposal(contractId, side,
                request.ceilingCents() == null ? null : Money.cents(request.ceilingCents()),
                tariff(request.tariffPercentage()), bySetting(request.tariffPercentages()),
                request.settings() == null ? null : settings(request.settings()), clock.instant()));
        return contracts.find(contractId);
    }

    /**
     * The purchaser accepts the provider's latest proposal, which the provider can then sign (seed 000: a contract is
     * concluded "bij overeenstemming"). 409 when the terms on the table are the insurer's own or accepted already.
     */
    @PostMapping("/{contractId}/acceptance")
    public ContractView accept(@PathVariable @ValidText(Text.ID) String contractId,
                               @Valid @RequestBody(required = false) AcceptanceRequest request) {
        contracts.find(contractId);
        commands.sendAndWait(new AcceptProposal(contractId,
                Caller.signatory(request == null ? null : request.acceptedBy()), clock.instant()));
        return contracts.find(contractId);
    }

    @PostMapping("/{contractId}/signature")
    public ContractView sign(@PathVariable @ValidText(Text.ID) String contractId, @Valid @RequestBody(required = false) SignatureRequest request) {
        contracts.find(contractId);
        commands.sendAndWait(new SignContract(contractId, Caller.signatory(request == null ? null : request.signedBy()),
                clock.instant()));
        return contracts.find(contractId);
    }

    @PostMapping("/{contractId}/declination")
    public ContractView decline(@PathVariable @ValidText(Text.ID) String contractId, @Valid @RequestBody(required = false) ReasonRequest request) {
        contracts.find(contractId);
        commands.sendAndWait(new DeclineContract(contractId, request == null ? null : request.reason(), clock.instant()));
        return contracts.find(contractId);
    }

    @PostMapping("/{contractId}/withdrawal")
    public ContractView withdraw(@PathVariable @ValidText(Text.ID) String contractId, @Valid @RequestBody(required = false) ReasonRequest request) {
        contracts.find(contractId);
        commands.sendAndWait(new WithdrawOffer(contractId, request == null ? null : request.reason(), clock.instant()));
        return contracts.find(contractId);
    }

    @PostMapping("/{contractId}/amendments")
    public ContractView amend(@PathVariable @ValidText(Text.ID) String contractId, @Valid @RequestBody AmendmentRequest request) {
        contracts.find(contractId);
        commands.sendAndWait(new AmendContract(contractId,
                request.excludedPrestatieCodes() == null ? Set.of() : prestatieCodes(request.excludedPrestatieCodes()),
                request.excludedSettings() == null ? Set.of() : settings(request.excludedSettings()),
                request.reason(), request.effectiveDate(), request.backdatingReason(), clock.instant()));
        return contracts.find(contractId);
    }

    @PostMapping("/{contractId}/termination")
    public ContractView terminate(@PathVariable @ValidText(Text.ID) String contractId, @Valid @RequestBody TerminationRequest request) {
        contracts.find(contractId);
        commands.sendAndWait(new TerminateContract(contractId, request.reason(), request.effectiveDate(),
                clock.instant()));
        return contracts.find(contractId);
    }

    @GetMapping("/{contractId}/timeline")
    public List<TimelineEntry> timeline(@PathVariable @ValidText(Text.ID) String contractId) {
        contracts.find(contractId);
        return queries.query(new FindTimeline(contractId), ResponseTypes.multipleInstancesOf(TimelineEntry.class))
                .join();
    }

    /** The offer and every proposal round side by side: who proposed what, which is accepted, which on the table. */
    @GetMapping("/{contractId}/proposals")
    public List<ProposalRound> proposals(@PathVariable @ValidText(Text.ID) String contractId) {
        contracts.find(contractId);
        return queries.query(new FindProposalRounds(contractId), ResponseTypes.multipleInstancesOf(ProposalRound.class))
                .join();
    }

    @PostMapping("/{contractId}/patient-stops")
    public ResponseEntity<Map<String, String>> announceStop(@PathVariable @ValidText(Text.ID) String contractId,
                                                            @Valid @RequestBody PatientStopRequest request) {
        contracts.find(contractId);
        String stopId = UUID.randomUUID().toString();
        commands.sendAndWait(new AnnouncePatientStop(contractId, stopId, request.reason(), request.from(),
                clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("stopId", stopId));
    }

    @PostMapping("/{contractId}/patient-stops/{stopId}/lifting")
    public ContractView liftStop(@PathVariable @ValidText(Text.ID) String contractId, @PathVariable @ValidText(Text.ID) String stopId,
                                 @Valid @RequestBody LiftingRequest request) {
        contracts.find(contractId);
        commands.sendAndWait(new LiftPatientStop(contractId, stopId, request.to(), clock.instant()));
        return contracts.find(contractId);
    }


    private static Set<Setting> settings(List<Integer> numbers) {
        return numbers.stream().map(Setting::new).collect(Collectors.toSet());
    }

    private static Set<PrestatieCode> prestatieCodes(List<String> codes) {
        return codes == null ? null : codes.stream().map(PrestatieCode::new).collect(Collectors.toSet());
    }

    private static Map<Setting, TariffPercentage> bySetting(TariffPercentagesInput tariffs) {
        return tariffs == null ? null : tariffs.bySetting();
    }

    private static TariffPercentage tariff(String percentage) {
        return percentage == null ? null : TariffPercentage.of(percentage);
    }
}
