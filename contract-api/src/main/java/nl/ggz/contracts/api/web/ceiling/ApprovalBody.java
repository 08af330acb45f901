package nl.ggz.contracts.api.web.ceiling;

import jakarta.validation.constraints.NotNull;

public record ApprovalBody(@NotNull Long amountCents) {
}
