package nl.ggz.contracts.projections.report;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.time.LocalDate;

import static nl.ggz.contracts.projections.support.SqlTime.date;

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
}
