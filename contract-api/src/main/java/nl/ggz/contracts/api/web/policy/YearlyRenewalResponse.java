package nl.ggz.contracts.api.web.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.ggz.contracts.domain.renewal.RenewalOutcome;
import nl.ggz.contracts.domain.renewal.YearlyRenewalResult;

import java.util.List;

/** What the yearly renewal did, contract by contract. */
public record YearlyRenewalResponse(String insurerUzovi, int year, long offered, long skipped,
                                    List<Result> results) {

    /**
     * One contract: {@code OFFERED} with the new offer's id, or {@code SKIPPED} with the reason the contract gave.
     *
     * @param ceilingCents the new offer's ceiling per year, the ceiling in force at the end of the term (when skipped:
     *                     the one it would have had)
     */
    public record Result(String contractId, String providerAgb, String outcome,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String renewalContractId,
                         Long ceilingCents,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
    }

    static YearlyRenewalResponse of(YearlyRenewalResult result) {
        return new YearlyRenewalResponse(result.insurer().value(), result.year(), result.offered(), result.skipped(),
                result.results().stream().map(YearlyRenewalResponse::result).toList());
    }

    private static Result result(RenewalOutcome outcome) {
        return new Result(outcome.contractId(), outcome.provider().value(), outcome.status().name(),
                outcome.renewalContractId(), outcome.ceiling() == null ? null : outcome.ceiling().cents(),
                outcome.reason());
    }
}
