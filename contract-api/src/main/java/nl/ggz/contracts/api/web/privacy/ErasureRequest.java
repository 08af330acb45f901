package nl.ggz.contracts.api.web.privacy;

import jakarta.validation.constraints.NotBlank;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;

/** Erase this pseudonym at this insurer (issue 16). */
public record ErasureRequest(@NotBlank @ValidText(Text.CODE) String insurerUzovi,
                             @NotBlank @ValidText(Text.ID) String patientRef) {
}
