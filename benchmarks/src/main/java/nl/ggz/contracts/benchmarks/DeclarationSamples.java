package nl.ggz.contracts.benchmarks;

import nl.ggz.contracts.domain.shared.DomainTime;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic, varied and reproducible declaration values: line {@code n} is always the same. Prestatie codes in the
 * zorgprestatiemodel's shape (never the psychodiagnostics supplement, which is capped per person), pseudonymous
 * patient references, treatment dates from 1 January up to today, amounts of a consult's size in cents.
 */
public final class DeclarationSamples {

    private static final List<String> PRESTATIE_CODES = List.of(
            "CO0142", "CO0242", "CO0342", "CO0442", "CO0542", "CO0642", "CO0742", "CO0842",
            "GC0112", "GC0212", "GC0312", "DB0122", "DB0222", "IN0110", "TV0101", "VD0210");
    private static final int[] SETTINGS = {1, 2, 3};
    private static final int PATIENTS = 40_000;

    private final int year;
    private final int daysSoFar;

    public DeclarationSamples() {
        LocalDate today = LocalDate.now(DomainTime.AMSTERDAM);
        this.year = today.getYear();
        this.daysSoFar = today.getDayOfYear();
    }

    public int year() {
        return year;
    }

    /** The settings every benchmark contract covers. */
    public static List<Integer> contractedSettings() {
        return List.of(1, 2, 3);
    }

    public Sample line(long n) {
        SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L);
        String prestatie = PRESTATIE_CODES.get(random.nextInt(PRESTATIE_CODES.size()));
        int setting = SETTINGS[random.nextInt(SETTINGS.length)];
        LocalDate treatmentDate = LocalDate.ofYearDay(year, 1 + random.nextInt(daysSoFar));
        // "p-" and six hex digits: a pseudonym, never nine digits that could pass the BSN eleven-test
        String patientRef = String.format("p-%06x", random.nextInt(PATIENTS) * 397 & 0xFFFFFF);
        long amountCents = 3_000 + random.nextInt(42_000);
        return new Sample(prestatie, setting, treatmentDate, patientRef, amountCents);
    }

    public record Sample(String prestatieCode, int setting, LocalDate treatmentDate, String patientRef,
                         long amountCents) {
    }
}
