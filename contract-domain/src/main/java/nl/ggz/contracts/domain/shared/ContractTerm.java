package nl.ggz.contracts.domain.shared;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A contract term: from the first day of a month to 31 December of its last calendar year. Seed 002 §5.3: a contract
 * applied for during the year starts on the first day of the month of application; every term ends with a calendar
 * year (seed 002 §5.2: 1 year for institutions, 2 for independents). A new term ({@link #offered}) lies in
 * {@link ContractYears}; the constructor leaves the years alone, so that events stored before that rule keep their
 * meaning (and terms stored before mid-year starts existed all start on 1 January).
 */
public record ContractTerm(LocalDate start, LocalDate end) {

    public ContractTerm {
        if (start == null || end == null) {
            throw new InvalidValueException("a contract term needs a start and an end date");
        }
        // seed 002 §5.3: "per de eerste kalenderdag van de maand van aanvraag"; terms end with a calendar year
        if (start.getDayOfMonth() != 1 || !MonthDay.from(end).equals(MonthDay.of(12, 31))) {
            throw new InvalidValueException("a contract term starts on the first day of a month and ends on 31 "
                    + "December, got " + start + " to " + end);
        }
        if (end.isBefore(start)) {
            throw new InvalidValueException("a contract term cannot end (" + end + ") before it starts (" + start + ")");
        }
    }

    /** A term for a new offer: besides its shape, it lies in the years 2000 to 2100. */
    public static ContractTerm offered(LocalDate start, LocalDate end) {
        if ((start != null && !ContractYears.contains(start)) || (end != null && !ContractYears.contains(end))) {
            throw new InvalidValueException("a contract term lies in the years " + ContractYears.RANGE + ", got "
                    + start + " to " + end);
        }
        return new ContractTerm(start, end);
    }

    /** The calendar years the term touches: a term from 1 July 2027 to 31 December 2028 runs 2. */
    public int years() {
        return end.getYear() - start.getYear() + 1;
    }

    public List<Integer> calendarYears() {
        return IntStream.rangeClosed(start.getYear(), end.getYear()).boxed().toList();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** The first day of the term within this calendar year: the term's start in its first year, else 1 January. */
    public LocalDate startIn(int year) {
        return year == start.getYear() ? start : LocalDate.of(year, 1, 1);
    }

    /** Whether the term starts later than 1 January of its first year. */
    public boolean startsMidYear() {
        return !MonthDay.from(start).equals(MonthDay.of(1, 1));
    }
}
