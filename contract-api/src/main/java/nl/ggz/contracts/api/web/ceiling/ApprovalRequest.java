package nl.ggz.contracts.api.web.ceiling;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Max;
import nl.ggz.contracts.api.input.Limits;

import jakarta.validation.constraints.NotNull;

public record ApprovalRequest(@NotNull @Positive @Max(Limits.MAX_CENTS) Long amountCents) {
}
