package nl.ggz.contracts.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The bytes of real event rows: {@code DeclarationRecorded} payloads and audit metadata serialised by the
 * application's own mapper, prepared once in a pool so that the raw insert measures the database, not Jackson.
 */
public final class EventRows {

    public static final String PAYLOAD_TYPE = DeclarationRecorded.class.getName();
    private static final int POOL = 1_024;

    private final byte[][] payloads = new byte[POOL][];
    private final byte[][] metadata = new byte[POOL][];

    public EventRows(DeclarationSamples samples) {
        ObjectMapper json = AxonObjectMapper.create();
        String ceilingId = UUID.randomUUID() + "-" + samples.year();
        try {
            for (int i = 0; i < POOL; i++) {
                DeclarationSamples.Sample s = samples.line(i);
                Money amount = Money.cents(s.amountCents());
                payloads[i] = json.writeValueAsBytes(new DeclarationRecorded(ceilingId, "ZPM-" + (100_000_000 + i),
                        new PrestatieCode(s.prestatieCode()), new Setting(s.setting()), s.treatmentDate(),
                        s.patientRef(), amount, amount, Money.ZERO, false));
                metadata[i] = json.writeValueAsBytes(auditMetadata());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who, which system, correlation and causation: what the application records on every event. */
    public static Map<String, Object> auditMetadata() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("principal", "claims-system");
        meta.put("role", "CLAIMS");
        meta.put("sourceSystem", "declaratiesysteem");
        meta.put("correlationId", UUID.randomUUID().toString());
        meta.put("causationId", UUID.randomUUID().toString());
        return meta;
    }

    public byte[] payload(long n) {
        return payloads[(int) (n % POOL)];
    }

    public byte[] metadata(long n) {
        return metadata[(int) (n % POOL)];
    }

    public int averagePayloadBytes() {
        long total = 0;
        for (byte[] payload : payloads) {
            total += payload.length;
        }
        return (int) (total / POOL);
    }

    public int averageMetadataBytes() {
        long total = 0;
        for (byte[] m : metadata) {
            total += m.length;
        }
        return (int) (total / POOL);
    }
}
