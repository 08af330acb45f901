package nl.ggz.contracts.benchmarks.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application as it ships (contract-api's jar) in a process of its own, on the benchmark's PostgreSQL: the load
 * client and the server do not share a heap or a garbage collector, only the machine.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a copy of {@code jar} kept in {@code workDirectory}: a rebuild of the jar during the run cannot change
     * what is measured, and a script that stops "contract-api.jar" processes by name does not stop this one. With an
     * external database the application signs no tokens of its own: it trusts the issuer's public key, issuer and
     * audience.
     */
    public static AppProcess start(Path jar, Path workDirectory, String jdbcUrl, String heap, TokenIssuer issuer)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no application jar at " + jar
                    + ": build it first (./mvnw -q package -DskipTests) or set -Dbench.appJar");
        }
        Path copy = Files.copy(jar, workDirectory.resolve("application-under-test.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Path log = workDirectory.resolve("app.log");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-Daxoniq.update-checker.disabled=true",
                "-jar", copy.toString(),
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--ggz.demo.enabled=false",
                // measurement 3w: the benchmark's webhook receiver listens on loopback, plain http
                "--ggz.webhooks.allow-loopback-http=true",
                "--server.port=" + port,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                        + issuer.publicKeyFile().toAbsolutePath(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TokenIssuer.ISSUER,
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + TokenIssuer.AUDIENCE,
                // metrics only for this run: the heap figures below come from the application's own actuator
                "--management.endpoints.web.exposure.include=health,info,metrics"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .start();
        return new AppProcess(process, port, log);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Waits for {@code /actuator/health} to answer UP; fails early if the process dies. */
    public void awaitHealthy(AppClient client, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + ":\n"
                        + logTail(40));
            }
            try {
                AppClient.Reply health = client.get("/actuator/health");
                if (health.status() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (UncheckedIOException notYetListening) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application was not healthy within " + limit + ":\n" + logTail(40));
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Graceful stop (SIGTERM: Spring closes the processors and the snapshotter), forced after 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
