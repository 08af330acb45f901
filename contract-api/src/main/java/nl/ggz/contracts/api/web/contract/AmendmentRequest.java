package nl.ggz.contracts.api.web.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;

import java.time.LocalDate;
import java.util.List;

/**
 * @param effectiveDate    the first day of care the exclusions hold for; today when left out
 * @param backdatingReason why an amendment takes effect before today: required then, and recorded with it
 */
public record AmendmentRequest(@Size(max = 1_000) List<@NotNull @ValidText(Text.CODE) String> excludedPrestatieCodes,
                               @Size(max = 8) List<@NotNull Integer> excludedSettings,
                               @NotBlank @ValidText(Text.FREE_TEXT) String reason,
                               LocalDate effectiveDate,
                               @ValidText(Text.FREE_TEXT) String backdatingReason) {
}
