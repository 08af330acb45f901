package nl.ggz.contracts.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the numbers were measured on: they mean little without it. */
public final class MachineInfo {

    private MachineInfo() {
    }

    public static List<String> describe() {
        return List.of(
                "cores: " + Runtime.getRuntime().availableProcessors() + cpuModel(),
                "memory: " + Format.mb(physicalMemory()),
                "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                "OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")");
    }

    /** 1, 5 and 15 minutes, from /proc/loadavg ("n/a" elsewhere). */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /**
     * How busy the CPUs are right now, over one second (/proc/stat): other work on the machine makes every number here
     * lower, so the report says so. Returns e.g. "3 % busy", with a warning above 25 %.
     */
    public static String cpuBusyNow() {
        try {
            long[] first = cpuTimes();
            Thread.sleep(1_000);
            long[] second = cpuTimes();
            long total = second[0] - first[0];
            long idle = second[1] - first[1];
            long busy = total == 0 ? 0 : Math.round(100.0 * (total - idle) / total);
            return busy + " % busy" + (busy > 25
                    ? " — WARNING: the machine is busy with other work, the numbers below are lower than they should be"
                    : "");
        } catch (IOException | RuntimeException e) {
            return "n/a";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "n/a";
        }
    }

    /** {total, idle + iowait} jiffies of all CPUs. */
    private static long[] cpuTimes() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        return new long[]{total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> " (" + line.substring(line.indexOf(':') + 1).trim() + ")")
                    .findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
