package nl.ggz.contracts.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private boolean done;

    /** Registers a resource to close; after the cleanup ran (an interrupted run) it is closed at once instead. */
    public synchronized <T extends AutoCloseable> T add(T resource) throws Exception {
        if (done) {
            resource.close();
            throw new IllegalStateException("the run is being stopped");
        }
        resources.push(resource);
        return resource;
    }

    /** True once the cleanup ran: an interrupted run starts nothing new. */
    public synchronized boolean done() {
        return done;
    }

    /** Closes one resource now (and forgets it), e.g. the application before the ceiling loads. */
    public synchronized void close(AutoCloseable resource) throws Exception {
        if (resources.remove(resource)) {
            resource.close();
        }
    }

    @Override
    public synchronized void run() {
        done = true;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                System.err.println("cleanup: " + e);
            }
        }
        // a stopping server may still write a file or two: try again briefly
        for (int attempt = 0; attempt < 10 && Files.exists(temporaryDirectory); attempt++) {
            try (Stream<Path> paths = Files.walk(temporaryDirectory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // retried below
            }
            if (Files.exists(temporaryDirectory)) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (Files.exists(temporaryDirectory)) {
            System.err.println("cleanup: could not delete " + temporaryDirectory);
        }
    }
}
