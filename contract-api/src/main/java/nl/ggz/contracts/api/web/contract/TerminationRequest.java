package nl.ggz.contracts.api.web.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;

import java.time.LocalDate;

public record TerminationRequest(@NotBlank @ValidText(Text.FREE_TEXT) String reason, @NotNull LocalDate effectiveDate) {
}
