package nl.ggz.contracts.domain.shared;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A contract term in whole calendar years (seed 002 §5.2: 1 year for institutions, 2 for independents). A new term
 * ({@link #offered}) lies in {@link ContractYears}; the constructor leaves the years alone, so that events stored
 * before that rule keep their meaning.
 */
public record ContractTerm(LocalDate start, LocalDate end) {

    public ContractTerm {
        if (start == null || end == null) {
            throw new InvalidValueException("a contract term needs a start and an end date");
        }
        if (!MonthDay.from(start).equals(MonthDay.of(1, 1)) || !MonthDay.from(end).equals(MonthDay.of(12, 31))) {
            throw new InvalidValueException("a contract term runs in calendar years: from 1 January to 31 December, got "
                    + start + " to " + end);
        }
        if (end.isBefore(start)) {
            throw new InvalidValueException("a contract term cannot end (" + end + ") before it starts (" + start + ")");
        }
    }

    /** A term for a new offer: besides the calendar years, it lies in the years 2000 to 2100. */
    public static ContractTerm offered(LocalDate start, LocalDate end) {
        if ((start != null && !ContractYears.contains(start)) || (end != null && !ContractYears.contains(end))) {
            throw new InvalidValueException("a contract term lies in the years " + ContractYears.RANGE + ", got "
                    + start + " to " + end);
        }
        return new ContractTerm(start, end);
    }

    public int years() {
        return end.getYear() - start.getYear() + 1;
    }

    public List<Integer> calendarYears() {
        return IntStream.rangeClosed(start.getYear(), end.getYear()).boxed().toList();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
