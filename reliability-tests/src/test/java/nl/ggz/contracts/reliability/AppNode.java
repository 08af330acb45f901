package nl.ggz.contracts.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * contract-api's jar as it ships, in a {@code java} process of its own, on the tests' PostgreSQL. Its output goes to
 * {@code target/reliability/<name>.log} for diagnosis.
 */
final class AppNode implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private AppNode(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("reliability.app-jar", "../contract-api/target/contract-api.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no application jar at " + jar.toAbsolutePath()
                    + ": run through the reactor (./mvnw verify -pl reliability-tests -am), which packages it first");
        }
        return jar;
    }

    /**
     * Starts a node and waits until it reports itself healthy.
     *
     * @param workDirectory where the log goes, and the audit signing key next to the (unused) embedded data folder:
     *                      nodes of one installation share it
     */
    static AppNode start(String name, Database database, Tokens tokens, Path workDirectory) {
        try {
            Files.createDirectories(workDirectory);
            int port = Database.freePort();
            Path log = workDirectory.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m",
                    "-XX:TieredStopAtLevel=1",
                    "-Daxoniq.update-checker.disabled=true",
                    "-jar", jar().toAbsolutePath().toString(),
                    "--server.port=" + port,
                    "--spring.datasource.url=" + database.jdbcUrl(),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    // a request waits at most 3 s for a connection while the database is down, then answers 503
                    "--spring.datasource.hikari.connection-timeout=3000",
                    "--ggz.demo.enabled=false",
                    "--ggz.embedded-postgres.data-directory=" + workDirectory.resolve("keys/postgres").toAbsolutePath(),
                    "--management.endpoint.health.show-details=always"));
            command.addAll(tokens.applicationSettings());
            Process process = new ProcessBuilder(command)
                    .directory(workDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            AppNode node = new AppNode(name, process, port, log);
            try {
                node.awaitHealthy(tokens.regulator(), Duration.ofSeconds(120));
            } catch (RuntimeException e) {
                node.close();
                throw e;
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Client client() {
        return new Client(port);
    }

    /** Waits until {@code /actuator/health} says UP (its database included); fails early if the process died. */
    void awaitHealthy(Tokens.Caller caller, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        Client client = client();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail(60));
            }
            Client.Response health = client.get("/actuator/health", caller);
            if (health.status() == 200 && health.body().path("status").asText().equals("UP")) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not healthy within " + limit + ":\n" + logTail(60));
    }

    /**
     * kill -9: {@link Process#destroyForcibly()} sends SIGKILL on Linux, so no shutdown hook, no flush, no graceful
     * stop of processors or connections. Returns the exit code, 128 + 9 when it was a SIGKILL.
     */
    int killNine() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The log lines that name a 500 or an unexpected failure: there must be none. */
    long unexpectedFailuresLogged() {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains("Unexpected failure")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Graceful stop (SIGTERM), forced after 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
