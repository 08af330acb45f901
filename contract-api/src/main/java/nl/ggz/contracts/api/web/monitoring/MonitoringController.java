package nl.ggz.contracts.api.web.monitoring;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import nl.ggz.contracts.api.security.Tenancy;
import nl.ggz.contracts.api.problem.NotFoundException;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ContractYears;
import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.projections.ceiling.CeilingView;
import nl.ggz.contracts.projections.ceiling.FindCeiling;
import nl.ggz.contracts.projections.monitoring.CeilingMonitoring;
import nl.ggz.contracts.projections.monitoring.CeilingSeries;
import nl.ggz.contracts.projections.monitoring.FindCeilingMonitoring;
import nl.ggz.contracts.projections.monitoring.FindCeilingSeries;
import nl.ggz.contracts.projections.monitoring.FindOpenIncreaseRequests;
import nl.ggz.contracts.projections.monitoring.MonitoringSort;
import nl.ggz.contracts.projections.monitoring.OpenIncreaseRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Declaration monitoring for purchasers: how ceilings are used, at what pace, and what waits for a decision. */
@RestController
@RequestMapping("/api/monitoring")
public class MonitoringController {

    private final QueryGateway queries;
    private final Clock clock;

    public MonitoringController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/ceilings")
    public CeilingMonitoring ceilings(@RequestParam @ValidText(Text.CODE) String insurer,
                                      @RequestParam int year,
                                      @RequestParam(required = false) @ValidText(Text.CODE) String provider,
                                      @RequestParam(required = false) ProviderType providerType,
                                      @RequestParam(required = false) ContractKind kind,
                                      // a percentage with at most two decimals: 1e999999999 would overflow the
                                      // database's numeric in the query
                                      @RequestParam(required = false) @DecimalMin("0") @DecimalMax("100000")
                                      @Digits(integer = 6, fraction = 2) BigDecimal minUtilisation,
                                      @RequestParam(defaultValue = "UTILISATION") MonitoringSort sort) {
        if (!ContractYears.contains(year)) {
            throw new InvalidValueException("a contract year is between " + ContractYears.FIRST + " and "
                    + ContractYears.LAST + ", got " + year);
        }
        return queries.query(new FindCeilingMonitoring(new InsurerCode(Tenancy.insurerScope(insurer)).value(), year,
                provider == null ? null : new ProviderCode(provider).value(),
                providerType == null ? null : providerType.name(), kind == null ? null : kind.name(), minUtilisation,
                sort, LocalDate.now(clock.withZone(DomainTime.AMSTERDAM)), clock.instant()),
                CeilingMonitoring.class).join();
    }

    @GetMapping("/ceilings/{ceilingId}/series")
    public CeilingSeries series(@PathVariable @ValidText(Text.ID) String ceilingId) {
        String notFound = "no ceiling with id " + ceilingId;
        queries.query(new FindCeiling(ceilingId), ResponseTypes.optionalInstanceOf(CeilingView.class)).join()
                .ifPresent(ceiling -> Tenancy.requireSees(ceiling.insurerUzovi(), ceiling.providerAgb(), notFound));
        Optional<CeilingSeries> series = queries.query(new FindCeilingSeries(ceilingId),
                ResponseTypes.optionalInstanceOf(CeilingSeries.class)).join();
        return series.orElseThrow(() -> new NotFoundException(notFound));
    }

    /** The purchaser's queue of increase requests to decide: overdue first, then by due date. */
    @GetMapping("/increase-requests")
    public List<OpenIncreaseRequest> increaseRequests(@RequestParam @ValidText(Text.CODE) String insurer) {
        return queries.query(new FindOpenIncreaseRequests(new InsurerCode(Tenancy.insurerScope(insurer)).value(),
                        clock.instant()),
                ResponseTypes.multipleInstancesOf(OpenIncreaseRequest.class)).join();
    }
}
