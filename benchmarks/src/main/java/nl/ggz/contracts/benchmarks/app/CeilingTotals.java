package nl.ggz.contracts.benchmarks.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the load client knows it got accepted, per ceiling (cents and count): after the run the application must show
 * exactly this, or declarations were lost or counted twice.
 */
public final class CeilingTotals {

    private final Map<String, LongAdder> cents = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void accepted(String ceilingId, long amountCents) {
        cents.computeIfAbsent(ceilingId, id -> new LongAdder()).add(amountCents);
        counts.computeIfAbsent(ceilingId, id -> new LongAdder()).increment();
    }

    public long cents(String ceilingId) {
        LongAdder sum = cents.get(ceilingId);
        return sum == null ? 0 : sum.sum();
    }

    public long count(String ceilingId) {
        LongAdder count = counts.get(ceilingId);
        return count == null ? 0 : count.sum();
    }

    /** Compares with {@code GET /api/ceilings/{id}}; returns the differences, empty when exact. */
    public List<String> differencesFrom(AppClient app) {
        List<String> differences = new ArrayList<>();
        for (String ceilingId : cents.keySet()) {
            AppClient.Reply reply = app.get("/api/ceilings/" + ceilingId);
            if (reply.status() != 200) {
                differences.add(ceilingId + ": " + reply.abbreviated());
                continue;
            }
            JsonNode ceiling = reply.json();
            long declaredCents = ceiling.path("declaredCents").asLong();
            long declarations = ceiling.path("declarations").asLong();
            if (declaredCents != cents(ceilingId) || declarations != count(ceilingId)) {
                differences.add(ceilingId + ": accepted " + count(ceilingId) + " declarations, " + cents(ceilingId)
                        + " cents; the API shows " + declarations + ", " + declaredCents + " cents");
            }
        }
        return differences;
    }
}
