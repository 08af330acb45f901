package nl.ggz.contracts.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;

/**
 * Stops what the run started (the application, PostgreSQL), newest first, and deletes the temporary directory —
 * at the end of a run, after a failure, or from the shutdown hook when the run is interrupted. Safe to run twice.
 */
public final class Cleanup implements Runnable {

    private final Path temporaryDirectory;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    public Cleanup(Path temporaryDirectory) {
        this.temporaryDirectory = temporaryDirectory;
    }

    public synchronized <T extends AutoCloseable> T add(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Closes one resource now (and forgets it), e.g. the application before the ceiling loads. */
    public synchronized void close(AutoCloseable resource) throws Exception {
        if (resources.remove(resource)) {
            resource.close();
        }
    }

    @Override
    public synchronized void run() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                System.err.println("cleanup: " + e);
            }
        }
        if (Files.exists(temporaryDirectory)) {
            try (Stream<Path> paths = Files.walk(temporaryDirectory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("cleanup: cannot delete " + temporaryDirectory + ": " + e);
            }
        }
    }
}
