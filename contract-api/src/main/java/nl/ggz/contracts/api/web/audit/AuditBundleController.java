package nl.ggz.contracts.api.web.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.ggz.contracts.eventstore.bundle.AuditBundle;
import nl.ggz.contracts.eventstore.bundle.AuditBundles;
import nl.ggz.contracts.eventstore.AuditEvent;
import nl.ggz.contracts.eventstore.AuditEventReader;
import nl.ggz.contracts.eventstore.log.VerifiableLog;
import nl.ggz.contracts.audit.StreamScope;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.eventstore.checkpoint.AuditSigningKey;
import nl.ggz.contracts.audit.BundleCheckpoint;
import nl.ggz.contracts.audit.BundleLayout;
import nl.ggz.contracts.audit.BundleManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.DisconnectedClientHelper;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The regulator bundle: one zip archive with an insurer's events of a year, the signed checkpoint that covers them,
 * the public key, the insurer's signed log head (and, asked for with {@code since}, the consistency proof from an
 * earlier head), the first event of each of the insurer's streams outside the year, the log's leaves up to the head,
 * a manifest with each stream's head and its inclusion proof, and a README (the files of {@link BundleLayout}).
 * Which streams are in the year is decided from their first events ({@link StreamScope}, the export's year rule);
 * a stream whose first event decides nothing goes in in full. Written while the events and leaves are read, like
 * the export (memory grows with the streams): the manifest, which counts them, comes last. A failure half-way breaks
 * the connection off, and an archive cut short has no central directory, so it can never pass for a whole one.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditBundleController {

    private static final Logger logger = LoggerFactory.getLogger(AuditBundleController.class);
    private static final int BUFFER = 64 * 1024;
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final AuditBundles bundles;
    private final AuditEventReader reader;
    private final AuditSigningKey key;
    private final VerifiableLog log;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditBundleController(AuditBundles bundles, AuditEventReader reader, AuditSigningKey key, VerifiableLog log,
                                 ObjectMapper json, Clock clock) {
        this.bundles = bundles;
        this.reader = reader;
        this.key = key;
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/bundle")
    public void bundle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        BundleParameters parameters = BundleParameters.parse(request.getParameterMap());
        AuditBundle bundle = bundles.prepare(parameters.insurer(), parameters.year());
        ConsistencyProofResponse consistency = null;
        if (parameters.since() != null) {
            if (parameters.since() > bundle.logSize()) {
                throw new InvalidValueException("since is " + parameters.since() + ", but the insurer's log head of "
                        + "this bundle has " + bundle.logSize() + " leaves: since is the size of a head received "
                        + "before");
            }
            consistency = new ConsistencyProofResponse(bundle.logOrigin(), parameters.since(), bundle.logSize(),
                    log.consistency(parameters.since(), bundle.logSize(), bundle.insurer()).stream()
                            .map(BASE64::encodeToString).toList());
        }
        Instant createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String fileName = BundleLayout.fileName(bundle.insurer(), bundle.year());
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + fileName);
        response.setHeader(AuditEventController.HORIZON_HEADER, Long.toString(bundle.checkpoint().upToPosition()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(response.getOutputStream(), BUFFER),
                StandardCharsets.UTF_8);
        try {
            write(bundle, consistency, createdAt, fileName, zip);
            zip.finish();
            zip.flush();
        } catch (IOException | RuntimeException e) {
            if (!response.isCommitted()) {
                response.reset();
            } else if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
                logger.debug("audit bundle: the client went away");
            } else {
                logger.warn("audit bundle broken off half-way, the connection is dropped: {}", e.toString());
            }
            throw e;
        }
    }

    private void write(AuditBundle bundle, ConsistencyProofResponse consistency, Instant createdAt, String fileName,
                       ZipOutputStream zip) throws IOException {
        entry(zip, BundleLayout.README, createdAt);
        zip.write(BundleReadme.text(bundle.insurer(), bundle.year(), bundle.checkpoint(), fileName,
                bundle.logOrigin(), bundle.logSize())
                .getBytes(StandardCharsets.UTF_8));
        entry(zip, BundleLayout.CHECKPOINT, createdAt);
        zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(CheckpointResponse.of(bundle.checkpoint())));
        entry(zip, BundleLayout.PUBLIC_KEY, createdAt);
        zip.write(key.publicKeyPem().getBytes(StandardCharsets.US_ASCII));

        entry(zip, BundleLayout.LOG_CHECKPOINT, createdAt);
        zip.write(bundle.logCheckpoint().getBytes(StandardCharsets.UTF_8));
        if (consistency != null) {
            entry(zip, BundleLayout.LOG_CONSISTENCY, createdAt);
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(consistency));
        }
        long upTo = bundle.checkpoint().upToPosition();

        // the insurer's streams, in the year or shown outside it by their first event
        entry(zip, BundleLayout.FIRST_EVENTS, createdAt);
        NdjsonLineWriter first = new NdjsonLineWriter(kept(zip), json.getFactory());
        Set<String> inside = new HashSet<>();
        Set<String> outside = new TreeSet<>();
        reader.readFirstEvents(bundle.insurer(), upTo, event -> {
            if (outside(event, bundle.insurer(), bundle.year())) {
                first.write(event);
                outside.add(event.aggregateId());
            } else {
                inside.add(event.aggregateId());
            }
        });
        first.finish();

        entry(zip, BundleLayout.EVENTS, createdAt);
        MessageDigest sha256 = sha256();
        DigestOutputStream digested = new DigestOutputStream(kept(zip), sha256);
        NdjsonLineWriter lines = new NdjsonLineWriter(digested, json.getFactory());
        BundleTally tally = new BundleTally();
        reader.readStreams(inside, upTo, event -> {
            lines.write(event);
            tally.count(event);
        });
        lines.finish();

        entry(zip, BundleLayout.LOG_LEAVES, createdAt);
        JsonGenerator leaves = json.getFactory().createGenerator(kept(zip));
        leaves.setRootValueSeparator(null);
        log.leaves(bundle.insurer(), bundle.logSize(), leaf -> {
            leaves.writeStartObject();
            leaves.writeNumberField("leafIndex", leaf.leafIndex());
            leaves.writeNumberField("position", leaf.position());
            leaves.writeStringField("aggregateId", leaf.aggregateId());
            if (leaf.sequence() == null) {
                leaves.writeNullField("sequence");
            } else {
                leaves.writeNumberField("sequence", leaf.sequence());
            }
            leaves.writeStringField("leafHash", BASE64.encodeToString(leaf.leafHash()));
            leaves.writeEndObject();
            leaves.writeRaw('\n');
        });
        leaves.flush();

        entry(zip, BundleLayout.MANIFEST, createdAt);
        new BundleManifest(BundleLayout.FORMAT, bundle.insurer(), bundle.year(), createdAt.toString(), tally.events(),
                tally.byType(), tally.streams(), tally.firstPosition(), tally.lastPosition(),
                Hex.of(sha256.digest()), new BundleCheckpoint(bundle.checkpoint().id(),
                bundle.checkpoint().upToPosition(), Hex.of(bundle.checkpoint().merkleRoot())),
                tally.streams(bundle.tree()), outside.stream().map(bundle.heads()::get).filter(Objects::nonNull)
                .map(head -> BundleTally.proved(head, bundle.tree())).toList()).write(zip);
        zip.closeEntry();
    }

    /**
     * Whether a stream's first event shows it outside the year (the export's year rule, {@link StreamScope}): only a
     * chained first event that decides its scope can; any other stream goes into the bundle in full.
     */
    private boolean outside(AuditEvent first, String insurer, int year) {
        if (first.hash() == null || first.payload() == null) {
            return false;
        }
        JsonNode payload;
        try {
            payload = json.readTree(first.payload());
        } catch (IOException notJson) {
            return false;
        }
        return StreamScope.of(first.eventType(), payload)
                .filter(scope -> scope.insurer().equals(insurer) && !scope.covers(year)).isPresent();
    }

    /** Starts the next file of the archive (closing the one before), dated when the bundle was made. */
    private static void entry(ZipOutputStream zip, String name, Instant createdAt) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(createdAt.toEpochMilli());
        zip.putNextEntry(entry);
    }

    /** The archive as a stream that the line writer may flush but never close. */
    private static OutputStream kept(ZipOutputStream zip) {
        return new FilterOutputStream(zip) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() {
                // the archive goes on after this file
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
