package nl.ggz.contracts.api.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import nl.ggz.contracts.api.input.JsonProblems;
import nl.ggz.contracts.domain.ceiling.CeilingIds;
import nl.ggz.contracts.domain.ceiling.DeclarationLine;
import nl.ggz.contracts.domain.ceiling.DeclarationOutcome;
import nl.ggz.contracts.domain.ceiling.DeclarationStatus;
import nl.ggz.contracts.domain.ceiling.RecordDeclarations;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.api.problem.TemporaryFailure;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.settings.GgzProperties;
import nl.ggz.contracts.projections.contract.DeclarationRoute;
import nl.ggz.contracts.projections.contract.FindDeclarationRoutes;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * Takes a claims batch apart: checks each line's form, routes it by contract and treatment year to that year's
 * ceiling, and records each ceiling's lines with one command (one transaction). A bad line is answered on its own and
 * never fails its neighbours; the ceiling aggregate judges the rules.
 */
@Service
public class DeclarationIntake {

    private static final Logger log = LoggerFactory.getLogger(DeclarationIntake.class);
    static final String NOT_RECORDED = "not recorded: this line's ceiling could not take the batch (an internal "
            + "error, logged under this request's X-Correlation-Id); nothing of it was stored: send it again later";
    static final String NOT_RECORDED_TEMPORARILY = "not recorded: the database could not be reached part-way through "
            + "this batch; nothing of this line was stored: send it again (lines already recorded answer DUPLICATE)";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ObjectMapper json;
    private final Clock clock;
    /**
     * At most this many ceiling commands of claims batches run at once on this node; the others wait their turn
     * (fairly). Ingestion is CPU-bound: more at once adds no throughput, it only takes the CPU from the streaming read
     * models, whose lag then grows without bound under a long burst (BENCHMARKS.md).
     */
    private final Semaphore running;
    private final MeterRegistry meters;

    public DeclarationIntake(CommandGateway commands, QueryGateway queries, ObjectMapper json, Clock clock,
                             GgzProperties settings,
                             MeterRegistry meters) {
        this.commands = commands;
        this.meters = meters;
        this.queries = queries;
        this.json = json;
        this.clock = clock;
        this.running = new Semaphore(settings.ingestion().concurrentCommands(), true);
    }

    /** Records a batch for the contracts of {@code insurer}; a line for another insurer's contract is unknown. */
    public List<DeclarationOutcome> submit(List<JsonNode> items, String insurer) {
        DeclarationOutcome[] results = new DeclarationOutcome[items.size()];
        Map<String, List<Integer>> positionsByCeiling = new LinkedHashMap<>();
        Map<String, List<DeclarationLine>> linesByCeiling = new LinkedHashMap<>();
        Map<String, DeclarationRoute> routes = routes(items);
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < items.size(); i++) {
            JsonNode node = items.get(i);
            String id = node != null && node.hasNonNull("declarationId") ? node.get("declarationId").asText() : null;
            // a line is answered with its id only when that is a well-formed id: never echo what was refused
            id = id != null && Text.ID.accepts(id) ? id : null;
            if (node == null || !node.isObject()) {
                results[i] = DeclarationOutcome.rejected(null, null, "a declaration must be a JSON object");
                continue;
            }
            DeclarationItem item;
            try {
                item = json.treeToValue(node, DeclarationItem.class);
            } catch (Exception e) {
                // the line's own words: "field 'amountCents': expects a whole number, got 1.5", "unknown field …"
                results[i] = DeclarationOutcome.rejected(id, null, "malformed declaration: " + JsonProblems.describe(e));
                continue;
            }
            String problem = DeclarationForm.problemWith(item);
            if (problem != null) {
                results[i] = DeclarationOutcome.rejected(id, null, problem);
                continue;
            }
            DeclarationLine line;
            try {
                line = item.toLine();
            } catch (InvalidValueException e) {
                // a value its type refuses, in the type's words: "a setting is a number from 1 to 8, got 9"
                results[i] = DeclarationOutcome.rejected(id, null, e.getMessage());
                continue;
            }
            if (!seen.add(item.declarationId())) {
                results[i] = new DeclarationOutcome(item.declarationId(), DeclarationStatus.DUPLICATE, null, null, null,
                        "declaration " + item.declarationId() + " appears earlier in this batch; counted once");
                continue;
            }
            Optional<DeclarationRoute> contract = Optional.ofNullable(routes.get(item.contractId()))
                    // another insurer's contract reads as no contract at all: a claims system learns nothing of it
                    .filter(route -> route.insurer().equals(insurer));
            String ceilingId = CeilingIds.of(item.contractId(), item.treatmentDate().getYear());
            String routing = routingProblem(item, contract, ceilingId);
            if (routing != null) {
                results[i] = DeclarationOutcome.rejected(item.declarationId(), null, routing);
                continue;
            }
            positionsByCeiling.computeIfAbsent(ceilingId, k -> new ArrayList<>()).add(i);
            linesByCeiling.computeIfAbsent(ceilingId, k -> new ArrayList<>()).add(line);
        }

        // one transaction per ceiling: when one fails, the ceilings before it stay recorded and each line says so
        boolean recordedAny = false;
        String notRecorded = null;
        for (Map.Entry<String, List<DeclarationLine>> ceiling : linesByCeiling.entrySet()) {
            List<Integer> positions = positionsByCeiling.get(ceiling.getKey());
            List<DeclarationLine> lines = ceiling.getValue();
            if (notRecorded != null) {
                rejectAll(results, positions, lines, notRecorded);
                continue;
            }
            try {
                List<DeclarationOutcome> outcomes = record(ceiling.getKey(), lines);
                for (int k = 0; k < positions.size(); k++) {
                    results[positions.get(k)] = outcomes.get(k);
                }
                recordedAny = true;
            } catch (RuntimeException e) {
                Optional<String> temporary = TemporaryFailure.detailOf(e);
                if (temporary.isPresent() && !recordedAny) {
                    // nothing of the batch was stored: the whole batch is answered 503, to be sent again
                    throw e;
                }
                if (temporary.isPresent()) {
                    // the database went away half-way: the rest would wait for it in vain
                    notRecorded = NOT_RECORDED_TEMPORARILY;
                    log.warn("Claims batch cut off at ceiling {}: {}", ceiling.getKey(), temporary.get());
                    rejectAll(results, positions, lines, notRecorded);
                } else {
                    log.error("Lines for ceiling {} could not be recorded", ceiling.getKey(), e);
                    rejectAll(results, positions, lines, NOT_RECORDED);
                }
            }
        }
        for (DeclarationOutcome result : results) {
            // ggz_declarations_total{result=...}: the ingestion rate for the operator's dashboard
            meters.counter("ggz.declarations", "result", result.status().name().toLowerCase()).increment();
        }
        return List.of(results);
    }

    /**
     * Another node (or request) may write the same ceiling, or the same declaration id, at the same moment: the
     * event store's uniqueness or the ledger's key then fails one transaction, which the command gateway sends again
     * ({@code RetryingCommandGateway}); the repeat sees the other's write.
     */
    @SuppressWarnings("unchecked")
    private List<DeclarationOutcome> record(String ceilingId, List<DeclarationLine> lines) {
        running.acquireUninterruptibly();
        try {
            return (List<DeclarationOutcome>) commands.sendAndWait(
                    new RecordDeclarations(ceilingId, lines, clock.instant()));
        } finally {
            running.release();
        }
    }

    private static void rejectAll(DeclarationOutcome[] results, List<Integer> positions, List<DeclarationLine> lines,
                                  String reason) {
        for (int k = 0; k < positions.size(); k++) {
            results[positions.get(k)] = DeclarationOutcome.rejected(lines.get(k).declarationId(), null, reason);
        }
    }

    /** The routes of every contract the batch names, in one query (lines of a batch share contracts). */
    private Map<String, DeclarationRoute> routes(List<JsonNode> items) {
        Set<String> contractIds = new HashSet<>();
        for (JsonNode item : items) {
            JsonNode contractId = item == null ? null : item.get("contractId");
            if (contractId != null && contractId.isTextual() && Text.ID.accepts(contractId.asText())) {
                contractIds.add(contractId.asText());
            }
        }
        Map<String, DeclarationRoute> routes = new HashMap<>();
        if (!contractIds.isEmpty()) {
            queries.query(new FindDeclarationRoutes(contractIds), ResponseTypes.multipleInstancesOf(DeclarationRoute.class))
                    .join().forEach(route -> routes.put(route.contractId(), route));
        }
        return routes;
    }

    private static String routingProblem(DeclarationItem item, Optional<DeclarationRoute> contract, String ceilingId) {
        if (contract.isEmpty()) {
            return "no contract with id " + item.contractId();
        }
        DeclarationRoute c = contract.get();
        if (!c.signed()) {
            return "contract " + item.contractId() + " is " + c.status().toLowerCase() + ", not signed: no ceiling accepts declarations yet";
        }
        if (!c.ceilingIds().contains(ceilingId)) {
            // no ceiling to judge the line: whether a date lies in a ceiling's period is the ceiling's rule
            return "contract " + item.contractId() + " has no ceiling for " + item.treatmentDate().getYear()
                    + ", the year of treatment date " + item.treatmentDate() + " (its term runs " + c.termStart()
                    + " to " + c.termEnd() + ")";
        }
        return null;
    }
}
