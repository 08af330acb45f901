package nl.ggz.contracts.api.web.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

public record TerminationRequest(@NotBlank String reason, @NotNull LocalDate effectiveDate) {
}
