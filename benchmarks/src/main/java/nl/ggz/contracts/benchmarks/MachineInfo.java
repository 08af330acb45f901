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

    /** Other work on the machine makes every number here lower: say so where the numbers are. */
    public static String busyWarning() {
        try {
            double oneMinute = Double.parseDouble(loadAverage().split(" ")[0]);
            return oneMinute > 0.5 * Runtime.getRuntime().availableProcessors()
                    ? " — WARNING: the machine is busy with other work, the numbers below are lower than they should be"
                    : "";
        } catch (RuntimeException e) {
            return "";
        }
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
