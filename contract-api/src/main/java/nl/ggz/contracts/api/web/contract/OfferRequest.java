package nl.ggz.contracts.api.web.contract;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Max;
import nl.ggz.contracts.api.web.Limits;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ProviderType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

public record OfferRequest(@NotNull String insurerUzovi,
                           @NotNull String providerAgb,
                           @NotNull ProviderType providerType,
                           @NotNull ContractKind kind,
                           @NotNull LocalDate termStart,
                           @NotNull LocalDate termEnd,
                           @NotEmpty List<@NotNull Integer> settings,
                           @NotNull String tariffPercentage,
                           @NotNull @Positive @Max(Limits.MAX_CENTS) Long ceilingCents,
                           OffsetDateTime offerExpiresAt) {
}
