package nl.ggz.contracts.api.web.report;

import nl.ggz.contracts.api.security.Tenancy;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;
import nl.ggz.contracts.domain.shared.ContractYears;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.projections.report.ContractingMonitor;
import nl.ggz.contracts.projections.report.FindContractingMonitor;
import nl.ggz.contracts.projections.report.FindPatientStopReport;
import nl.ggz.contracts.projections.report.PatientStopReport;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports for purchasers and the regulator (DESIGN.md §5, seed 003). Built by a streaming processor: they may lag
 * the latest command by about a second.
 */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

    private final QueryGateway queries;

    public ReportController(QueryGateway queries) {
        this.queries = queries;
    }

    /** One insurer's patient stops in a year, by reason and duration, with the contracts at their ceiling. */
    @GetMapping("/patient-stops")
    public PatientStopReport patientStops(@RequestParam(required = false) @ValidText(Text.CODE) String insurer,
                                          @RequestParam(required = false) Integer year) {
        if (insurer == null || insurer.isBlank()) {
            throw new InvalidValueException("insurer is required: the insurer's four-digit UZOVI code");
        }
        InsurerCode code = new InsurerCode(Tenancy.insurerScope(insurer));
        return queries.query(new FindPatientStopReport(code, requireYear(year)), PatientStopReport.class).join();
    }

    /** The NZa contracting-monitor figures of a contract year per provider type, across all insurers. */
    @GetMapping("/contracting-monitor")
    public ContractingMonitor contractingMonitor(@RequestParam(required = false) Integer year) {
        return queries.query(new FindContractingMonitor(requireYear(year)), ContractingMonitor.class).join();
    }

    private static int requireYear(Integer year) {
        if (year == null) {
            throw new InvalidValueException("year is required: the calendar year of the contracts, e.g. 2027");
        }
        if (!ContractYears.contains(year)) {
            throw new InvalidValueException("a contract year is between " + ContractYears.FIRST + " and "
                    + ContractYears.LAST + ", got " + year);
        }
        return year;
    }
}
