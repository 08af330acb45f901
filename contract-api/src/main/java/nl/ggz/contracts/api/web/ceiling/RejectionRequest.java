package nl.ggz.contracts.api.web.ceiling;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;
import nl.ggz.contracts.domain.ceiling.RejectionReason;

import java.util.List;

/**
 * A rejection: free-text grounds and the reasons the NZa counts (seed 003 §4.2), none when left out (as before reasons
 * existed; the NZa figures count those as NONE_STATED).
 */
public record RejectionRequest(@NotBlank @ValidText(Text.FREE_TEXT) String grounds,
                               @Size(max = 20) List<@NotNull RejectionReason> reasons) {
}
