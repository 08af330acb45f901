package nl.ggz.contracts.api.web.ceiling;

import nl.ggz.contracts.api.security.Caller;
import jakarta.validation.Valid;
import nl.ggz.contracts.projections.history.FindCeilingAsOf;
import nl.ggz.contracts.projections.history.PointInTime;
import nl.ggz.contracts.api.security.Tenancy;
import nl.ggz.contracts.api.problem.NotFoundException;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;
import nl.ggz.contracts.api.web.audit.InstantParameter;
import nl.ggz.contracts.api.web.contract.SignatureRequest;
import nl.ggz.contracts.domain.ceiling.ApproveIncrease;
import nl.ggz.contracts.domain.ceiling.CompleteIncreaseRequest;
import nl.ggz.contracts.domain.ceiling.IssueClawBack;
import nl.ggz.contracts.domain.ceiling.RejectIncrease;
import nl.ggz.contracts.domain.ceiling.RequestIncrease;
import nl.ggz.contracts.domain.ceiling.RequestIncreaseInformation;
import nl.ggz.contracts.domain.ceiling.SettleCeiling;
import nl.ggz.contracts.domain.ceiling.SignAddendum;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.projections.ceiling.CeilingView;
import nl.ggz.contracts.projections.ceiling.FindCeiling;
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

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/ceilings/{ceilingId}")
public class CeilingController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final PointInTime pointInTime;

    public CeilingController(CommandGateway commands, QueryGateway queries, Clock clock, PointInTime pointInTime) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.pointInTime = pointInTime;
    }

    /** The current state, or with {@code asOf} the state at that instant, rebuilt from the events up to it. */
    @GetMapping
    public CeilingView ceiling(@PathVariable @ValidText(Text.ID) String ceilingId, @RequestParam(required = false) String asOf) {
        Instant at = asOf == null ? null : InstantParameter.parse("asOf", asOf);
        CeilingView now = find(ceilingId);
        if (at == null) {
            return now;
        }
        return pointInTime.ceiling(new FindCeilingAsOf(ceilingId, at)).orElseThrow(() -> new NotFoundException(
                "ceiling " + ceilingId + " was not agreed yet at " + at));
    }

    @PostMapping("/increase-requests")
    public ResponseEntity<Map<String, String>> requestIncrease(@PathVariable @ValidText(Text.ID) String ceilingId,
                                                               @Valid @RequestBody IncreaseRequest body) {
        find(ceilingId);
        String requestId = UUID.randomUUID().toString();
        commands.sendAndWait(new RequestIncrease(ceilingId, requestId, Money.cents(body.amountCents()), body.grounds(),
                body.criteria(), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("requestId", requestId));
    }

    @PostMapping("/increase-requests/{requestId}/approval")
    public Map<String, String> approve(@PathVariable @ValidText(Text.ID) String ceilingId, @PathVariable @ValidText(Text.ID) String requestId,
                                       @Valid @RequestBody ApprovalRequest body) {
        find(ceilingId);
        String addendumId = UUID.randomUUID().toString();
        commands.sendAndWait(new ApproveIncrease(ceilingId, requestId, addendumId, Money.cents(body.amountCents()),
                clock.instant()));
        return Map.of("addendumId", addendumId);
    }

    @PostMapping("/increase-requests/{requestId}/rejection")
    public CeilingView reject(@PathVariable @ValidText(Text.ID) String ceilingId, @PathVariable @ValidText(Text.ID) String requestId,
                              @Valid @RequestBody RejectionRequest body) {
        return act(ceilingId, new RejectIncrease(ceilingId, requestId, body.grounds(), body.reasons(),
                clock.instant()));
    }

    /** Seed 001: the purchaser asks the provider for more information; the decision clock stops until it comes. */
    @PostMapping("/increase-requests/{requestId}/information-request")
    public CeilingView requestInformation(@PathVariable @ValidText(Text.ID) String ceilingId,
                                          @PathVariable @ValidText(Text.ID) String requestId,
                                          @Valid @RequestBody InformationRequest body) {
        return act(ceilingId, new RequestIncreaseInformation(ceilingId, requestId, body.question(), clock.instant()));
    }

    /** The provider sends what was asked: the request is complete, decided the policy's period from today. */
    @PostMapping("/increase-requests/{requestId}/completion")
    public CeilingView complete(@PathVariable @ValidText(Text.ID) String ceilingId,
                                @PathVariable @ValidText(Text.ID) String requestId,
                                @Valid @RequestBody CompletionRequest body) {
        return act(ceilingId, new CompleteIncreaseRequest(ceilingId, requestId, body.information(), clock.instant()));
    }

    /**
     * Seed 000: the purchaser settles the contract year once it has ended and nothing is open (409 otherwise); the
     * answer is the ceiling with its settlement.
     */
    @PostMapping("/settlement")
    public CeilingView settle(@PathVariable @ValidText(Text.ID) String ceilingId,
                              @Valid @RequestBody(required = false) SettlementRequest body) {
        return act(ceilingId, new SettleCeiling(ceilingId, clock.instant()));
    }

    @PostMapping("/addenda/{addendumId}/signature")
    public CeilingView signAddendum(@PathVariable @ValidText(Text.ID) String ceilingId, @PathVariable @ValidText(Text.ID) String addendumId,
                                    @Valid @RequestBody(required = false) SignatureRequest body) {
        return act(ceilingId, new SignAddendum(ceilingId, addendumId,
                Caller.signatory(body == null ? null : body.signedBy()), clock.instant()));
    }

    @PostMapping("/claw-backs")
    public ResponseEntity<Map<String, String>> clawBack(@PathVariable @ValidText(Text.ID) String ceilingId,
                                                        @Valid @RequestBody ClawBackRequest body) {
        find(ceilingId);
        String clawBackId = UUID.randomUUID().toString();
        commands.sendAndWait(new IssueClawBack(ceilingId, clawBackId, Money.cents(body.amountCents()), body.reason(),
                body.declarationIds(), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("clawBackId", clawBackId));
    }

    /** The ceiling, if it exists and the caller may see it: another tenant's ceiling is "not found" alike. */
    private CeilingView find(String ceilingId) {
        String notFound = "no ceiling with id " + ceilingId;
        CeilingView view = queries.query(new FindCeiling(ceilingId),
                ResponseTypes.optionalInstanceOf(CeilingView.class)).join()
                .orElseThrow(() -> new NotFoundException(notFound));
        Tenancy.requireSees(view.insurerUzovi(), view.providerAgb(), notFound);
        return view;
    }

    /** A command on a visible ceiling, answered with the ceiling as it is after it (another tenant's: 404 first). */
    private CeilingView act(String ceilingId, Object command) {
        find(ceilingId);
        commands.sendAndWait(command);
        return find(ceilingId);
    }
}
