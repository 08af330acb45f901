package nl.ggz.contracts.api.web.contract;

import jakarta.validation.constraints.Size;
import nl.ggz.contracts.api.web.Limits;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

public record TerminationRequest(@NotBlank @Size(max = Limits.MAX_TEXT) String reason, @NotNull LocalDate effectiveDate) {
}
