package nl.ggz.contracts.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.privacy.SealedPseudonym;
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
        // issue 16: the payload holds the pseudonym sealed: random bytes of the size the application's seal has
        java.util.Random random = new java.util.Random(16);
        try {
            for (int i = 0; i < POOL; i++) {
                DeclarationSamples.Sample s = samples.line(i);
                Money amount = Money.cents(s.amountCents());
                payloads[i] = json.writeValueAsBytes(new DeclarationRecorded(ceilingId, "ZPM-" + (100_000_000 + i),
                        new PrestatieCode(s.prestatieCode()), new Setting(s.setting()), s.treatmentDate(),
                        sealed(random, s.patientRef()), amount, amount, Money.ZERO, false));
                metadata[i] = json.writeValueAsBytes(auditMetadata());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** IV (12 bytes), ciphertext and tag (16 bytes) as AES-GCM makes them; an HMAC-SHA256 of 32 bytes. */
    private static SealedPseudonym sealed(java.util.Random random, String patientRef) {
        byte[] ciphertext = new byte[12 + patientRef.length() + 16];
        byte[] hash = new byte[32];
        random.nextBytes(ciphertext);
        random.nextBytes(hash);
        java.util.Base64.Encoder text = java.util.Base64.getUrlEncoder().withoutPadding();
        return SealedPseudonym.sealed(text.encodeToString(ciphertext), text.encodeToString(hash));
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
