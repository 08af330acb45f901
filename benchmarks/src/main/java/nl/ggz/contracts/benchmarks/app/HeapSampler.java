package nl.ggz.contracts.benchmarks.app;

import nl.ggz.contracts.benchmarks.Format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application's heap, read from its own actuator. Used heap sampled every second shows the saw-tooth; the
 * after-GC points (jcmd GC.run between measurements, never inside a timed one) show whether what stays alive grows.
 */
public final class HeapSampler implements AutoCloseable {

    private static final String HEAP = "/actuator/metrics/jvm.memory.used?tag=area:heap";

    public record Point(String label, long heapBytes) {
    }

    private final AppClient app;
    private final long pid;
    private final List<Point> afterGc = Collections.synchronizedList(new ArrayList<>());
    private volatile long maxSampled;
    private volatile int samples;
    private volatile boolean running = true;
    private final Thread sampler;

    public HeapSampler(AppClient app, long pid) {
        this.app = app;
        this.pid = pid;
        this.sampler = new Thread(this::sample, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Forces a full collection in the application, then reads the heap: what is really alive at this point. */
    public Point afterGc(String label) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
            gc.destroyForcibly();
            throw new IllegalStateException("jcmd " + pid + " GC.run failed");
        }
        Point point = new Point(label, heapUsed());
        afterGc.add(point);
        return point;
    }

    public List<Point> afterGcPoints() {
        synchronized (afterGc) {
            return List.copyOf(afterGc);
        }
    }

    public long maxSampled() {
        return maxSampled;
    }

    public int samples() {
        return samples;
    }

    public String describe() {
        StringBuilder text = new StringBuilder("after GC: ");
        List<Point> points = afterGcPoints();
        for (int i = 0; i < points.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(points.get(i).label()).append(' ')
                    .append(Format.mb(points.get(i).heapBytes()));
        }
        return text.append("; highest used heap sampled ").append(Format.mb(maxSampled)).append(" (")
                .append(samples).append(" samples, 1/s)").toString();
    }

    private long heapUsed() {
        AppClient.Reply reply = app.get(HEAP);
        if (reply.status() != 200) {
            throw new IllegalStateException("no heap metric: " + reply.abbreviated());
        }
        return (long) reply.json().path("measurements").path(0).path("value").asDouble();
    }

    private void sample() {
        while (running) {
            try {
                long used = heapUsed();
                maxSampled = Math.max(maxSampled, used);
                samples++;
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the application may be busy or stopping; the next sample will tell
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
