package nl.ggz.contracts.api.web.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.ggz.contracts.eventstore.bundle.AuditBundle;
import nl.ggz.contracts.eventstore.bundle.AuditBundles;
import nl.ggz.contracts.eventstore.AuditEventReader;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The regulator bundle: one zip archive with an insurer's events of a year, the signed checkpoint that covers them,
 * the public key, a manifest with each stream's head and its inclusion proof, and a README (the files of
 * {@link BundleLayout}). Written while the events are read, like the export: the manifest, which counts them, comes
 * last. A failure half-way breaks the connection off, and an archive cut short has no central directory, so it can
 * never pass for a whole one.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditBundleController {

    private static final Logger log = LoggerFactory.getLogger(AuditBundleController.class);
    private static final int BUFFER = 64 * 1024;

    private final AuditBundles bundles;
    private final AuditEventReader reader;
    private final AuditSigningKey key;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditBundleController(AuditBundles bundles, AuditEventReader reader, AuditSigningKey key, ObjectMapper json,
                                 Clock clock) {
        this.bundles = bundles;
        this.reader = reader;
        this.key = key;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/bundle")
    public void bundle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        BundleParameters parameters = BundleParameters.parse(request.getParameterMap());
        AuditBundle bundle = bundles.prepare(parameters.insurer(), parameters.year());
        Instant createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String fileName = BundleLayout.fileName(bundle.insurer(), bundle.year());
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + fileName);
        response.setHeader(AuditEventController.HORIZON_HEADER, Long.toString(bundle.checkpoint().upToPosition()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(response.getOutputStream(), BUFFER),
                StandardCharsets.UTF_8);
        try {
            write(bundle, createdAt, fileName, zip);
            zip.finish();
            zip.flush();
        } catch (IOException | RuntimeException e) {
            if (!response.isCommitted()) {
                response.reset();
            } else if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
                log.debug("audit bundle: the client went away");
            } else {
                log.warn("audit bundle broken off half-way, the connection is dropped: {}", e.toString());
            }
            throw e;
        }
    }

    private void write(AuditBundle bundle, Instant createdAt, String fileName, ZipOutputStream zip)
            throws IOException {
        entry(zip, BundleLayout.README, createdAt);
        zip.write(BundleReadme.text(bundle.insurer(), bundle.year(), bundle.checkpoint(), fileName)
                .getBytes(StandardCharsets.UTF_8));
        entry(zip, BundleLayout.CHECKPOINT, createdAt);
        zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(CheckpointResponse.of(bundle.checkpoint())));
        entry(zip, BundleLayout.PUBLIC_KEY, createdAt);
        zip.write(key.publicKeyPem().getBytes(StandardCharsets.US_ASCII));

        entry(zip, BundleLayout.EVENTS, createdAt);
        MessageDigest sha256 = sha256();
        DigestOutputStream digested = new DigestOutputStream(kept(zip), sha256);
        NdjsonLineWriter lines = new NdjsonLineWriter(digested, json.getFactory());
        BundleTally tally = new BundleTally();
        reader.read(bundle.events(), bundle.checkpoint().upToPosition(), event -> {
            lines.write(event);
            tally.count(event);
        });
        lines.finish();

        entry(zip, BundleLayout.MANIFEST, createdAt);
        new BundleManifest(BundleLayout.FORMAT, bundle.insurer(), bundle.year(), createdAt.toString(), tally.events(),
                tally.byType(), tally.streams(), tally.firstPosition(), tally.lastPosition(),
                Hex.of(sha256.digest()), new BundleCheckpoint(bundle.checkpoint().id(),
                bundle.checkpoint().upToPosition(), Hex.of(bundle.checkpoint().merkleRoot())),
                tally.streams(bundle.tree())).write(zip);
        zip.closeEntry();
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
