package nl.ggz.contracts.api.web.contract;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import nl.ggz.contracts.api.input.Limits;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ProviderType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The codes and the tariff are read by their value types (InsurerCode, ProviderCode, TariffPercentage) after this. */
public record OfferRequest(@NotNull @ValidText(Text.CODE) String insurerUzovi,
                           @NotNull @ValidText(Text.CODE) String providerAgb,
                           @NotNull ProviderType providerType,
                           @NotNull ContractKind kind,
                           @NotNull LocalDate termStart,
                           @NotNull LocalDate termEnd,
                           @NotEmpty @Size(max = 8) List<@NotNull Integer> settings,
                           @NotNull @ValidText(Text.DECIMAL) String tariffPercentage,
                           @NotNull @Positive @Max(Limits.MAX_CENTS) Long ceilingCents,
                           OffsetDateTime offerExpiresAt) {
}
