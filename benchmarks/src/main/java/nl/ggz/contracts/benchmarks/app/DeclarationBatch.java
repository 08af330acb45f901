package nl.ggz.contracts.benchmarks.app;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.benchmarks.DeclarationSamples;

import java.util.List;

/**
 * One claims batch: its JSON (written by hand, the load client must not eat the CPU it measures) and the check of
 * the answer — every line ACCEPTED, its amount added to the ceiling it went to.
 */
public final class DeclarationBatch {

    public record Line(String declarationId, String contractId, DeclarationSamples.Sample sample) {
    }

    /** How a batch was answered: the lines accepted and, if any was not, why the first one was not. */
    public record Answer(int accepted, String problem) {
    }

    private DeclarationBatch() {
    }

    public static String json(List<Line> lines) {
        StringBuilder json = new StringBuilder(lines.size() * 200 + 20).append("{\"declarations\":[");
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            DeclarationSamples.Sample s = line.sample();
            json.append(i == 0 ? "" : ",")
                    .append("{\"declarationId\":\"").append(line.declarationId())
                    .append("\",\"contractId\":\"").append(line.contractId())
                    .append("\",\"treatmentDate\":\"").append(s.treatmentDate())
                    .append("\",\"setting\":").append(s.setting())
                    .append(",\"prestatieCode\":\"").append(s.prestatieCode())
                    .append("\",\"patientRef\":\"").append(s.patientRef())
                    .append("\",\"amountCents\":").append(s.amountCents())
                    .append('}');
        }
        return json.append("]}").toString();
    }

    /** Posts the batch and tallies what was accepted into {@code totals}. */
    public static Answer post(AppClient app, List<Line> lines, CeilingTotals totals) {
        AppClient.Reply reply = app.post("/api/declarations", json(lines));
        if (reply.status() != 200) {
            return new Answer(0, "HTTP " + reply.abbreviated());
        }
        JsonNode results = reply.json().path("results");
        int accepted = 0;
        String problem = results.size() == lines.size() ? null
                : "answered " + results.size() + " results for " + lines.size() + " lines";
        for (int i = 0; i < results.size() && i < lines.size(); i++) {
            JsonNode result = results.get(i);
            if ("ACCEPTED".equals(result.path("status").asText())
                    && lines.get(i).declarationId().equals(result.path("declarationId").asText())) {
                accepted++;
                totals.accepted(result.path("ceilingId").asText(), lines.get(i).sample().amountCents());
            } else if (problem == null) {
                problem = lines.get(i).declarationId() + " " + result.path("status").asText() + ": "
                        + result.path("reason").asText();
            }
        }
        return new Answer(accepted, problem);
    }
}
