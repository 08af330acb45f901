package nl.ggz.contracts.api.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import nl.ggz.contracts.api.web.JsonProblems;
import nl.ggz.contracts.domain.ceiling.CeilingIds;
import nl.ggz.contracts.domain.ceiling.DeclarationLine;
import nl.ggz.contracts.domain.ceiling.DeclarationOutcome;
import nl.ggz.contracts.domain.ceiling.RecordDeclarations;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.projections.contract.ContractView;
import nl.ggz.contracts.projections.contract.FindContract;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
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
    private static final int ATTEMPTS = 5;

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
                             @Value("${ggz.ingestion.concurrent-commands:2}") int concurrentCommands,
                             MeterRegistry meters) {
        this.commands = commands;
        this.meters = meters;
        this.queries = queries;
        this.json = json;
        this.clock = clock;
        this.running = new Semaphore(concurrentCommands, true);
    }

    /** Records a batch for the contracts of {@code insurerUzovi}; a line for another insurer's contract is unknown. */
    public List<DeclarationResult> submit(List<JsonNode> items, String insurerUzovi) {
        DeclarationResult[] results = new DeclarationResult[items.size()];
        Map<String, List<Integer>> positionsByCeiling = new LinkedHashMap<>();
        Map<String, List<DeclarationLine>> linesByCeiling = new LinkedHashMap<>();
        Map<String, Optional<ContractView>> contracts = new HashMap<>();
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < items.size(); i++) {
            JsonNode node = items.get(i);
            String id = node != null && node.hasNonNull("declarationId") ? node.get("declarationId").asText() : null;
            if (node == null || !node.isObject()) {
                results[i] = DeclarationResult.rejected(null, null, "a declaration must be a JSON object");
                continue;
            }
            DeclarationItem item;
            try {
                item = json.treeToValue(node, DeclarationItem.class);
            } catch (Exception e) {
                // the line's own words: "field 'amountCents': expects a whole number, got 1.5", "unknown field …"
                results[i] = DeclarationResult.rejected(id, null, "malformed declaration: " + JsonProblems.describe(e));
                continue;
            }
            String problem = DeclarationForm.problemWith(item);
            if (problem != null) {
                results[i] = DeclarationResult.rejected(id, null, problem);
                continue;
            }
            if (!seen.add(item.declarationId())) {
                results[i] = DeclarationResult.duplicate(item.declarationId(),
                        "declaration " + item.declarationId() + " appears earlier in this batch; counted once");
                continue;
            }
            Optional<ContractView> contract = contracts.computeIfAbsent(item.contractId(), this::contract)
                    // another insurer's contract reads as no contract at all: a claims system learns nothing of it
                    .filter(view -> view.insurerUzovi().equals(insurerUzovi));
            String ceilingId = CeilingIds.of(item.contractId(), item.treatmentDate().getYear());
            String routing = routingProblem(item, contract, ceilingId);
            if (routing != null) {
                results[i] = DeclarationResult.rejected(item.declarationId(), null, routing);
                continue;
            }
            positionsByCeiling.computeIfAbsent(ceilingId, k -> new ArrayList<>()).add(i);
            linesByCeiling.computeIfAbsent(ceilingId, k -> new ArrayList<>()).add(new DeclarationLine(
                    item.declarationId(), item.treatmentDate(), item.setting(), item.prestatieCode(),
                    item.patientRef(), Money.cents(item.amountCents()), item.correctsDeclarationId()));
        }

        linesByCeiling.forEach((ceilingId, lines) -> {
            List<DeclarationOutcome> outcomes = record(ceilingId, lines);
            List<Integer> positions = positionsByCeiling.get(ceilingId);
            for (int k = 0; k < positions.size(); k++) {
                results[positions.get(k)] = DeclarationResult.of(outcomes.get(k));
            }
        });
        for (DeclarationResult result : results) {
            // ggz_declarations_total{result=...}: the ingestion rate for the operator's dashboard
            meters.counter("ggz.declarations", "result", result.status().name().toLowerCase()).increment();
        }
        return List.of(results);
    }

    /**
     * Another node (or request) may write the same ceiling, or the same declaration id, at the same moment: the
     * event store's uniqueness or the ledger's key then fails one transaction, which is retried and sees the other.
     */
    private List<DeclarationOutcome> record(String ceilingId, List<DeclarationLine> lines) {
        running.acquireUninterruptibly();
        try {
            return recordWithRetries(ceilingId, lines);
        } finally {
            running.release();
        }
    }

    @SuppressWarnings("unchecked")
    private List<DeclarationOutcome> recordWithRetries(String ceilingId, List<DeclarationLine> lines) {
        for (int attempt = 1; ; attempt++) {
            try {
                return (List<DeclarationOutcome>) commands.sendAndWait(
                        new RecordDeclarations(ceilingId, lines, clock.instant()));
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isConcurrentWrite(e)) {
                    throw e;
                }
                log.info("Concurrent write on ceiling {}, attempt {} of {}", ceilingId, attempt, ATTEMPTS);
            }
        }
    }

    private static boolean isConcurrentWrite(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }

    private Optional<ContractView> contract(String contractId) {
        return queries.query(new FindContract(contractId), ResponseTypes.optionalInstanceOf(ContractView.class)).join();
    }

    private static String routingProblem(DeclarationItem item, Optional<ContractView> contract, String ceilingId) {
        if (contract.isEmpty()) {
            return "no contract with id " + item.contractId();
        }
        ContractView c = contract.get();
        if (c.signedAt() == null) {
            return "contract " + item.contractId() + " is " + c.status().toLowerCase() + ", not signed: no ceiling accepts declarations yet";
        }
        if (c.ceilings().stream().noneMatch(ref -> ref.ceilingId().equals(ceilingId))) {
            return "treatment date " + item.treatmentDate() + " lies outside the contract term " + c.termStart()
                    + " to " + c.termEnd();
        }
        return null;
    }
}
