package nl.ggz.contracts.api.web.contract;

import jakarta.validation.constraints.Size;
import nl.ggz.contracts.api.web.Limits;

import jakarta.validation.constraints.NotBlank;

import java.util.List;

public record AmendmentRequest(List<String> excludedPrestatieCodes, List<Integer> excludedSettings,
                               @NotBlank @Size(max = Limits.MAX_TEXT) String reason) {
}
