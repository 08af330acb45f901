package nl.ggz.contracts.projections.report;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.time.LocalDate;

import static nl.ggz.contracts.jdbc.SqlTime.date;

/** A calendar year as SQL parameters: {@code :year}, its first day {@code :yearStart} and last day {@code :yearEnd}. */
final class ReportYear {
    private ReportYear() {
    }

    static MapSqlParameterSource parameters(int year) {
        return new MapSqlParameterSource()
                .addValue("year", year)
                .addValue("yearStart", date(LocalDate.of(year, 1, 1)))
                .addValue("yearEnd", date(LocalDate.of(year, 12, 31)));
    }

    /**
     * SQL: the contract (alias {@code c}) is one of the year's contracts — signed, its term covers the year, and it
     * was not terminated before the year began (care after the effective date is not covered).
     */
    static String contractCovers(String c) {
        return c + ".signed AND " + c + ".term_start <= :yearEnd AND " + c + ".term_end >= :yearStart"
                + " AND (" + c + ".termination_effective_date IS NULL OR " + c
                + ".termination_effective_date >= :yearStart)";
    }
}
