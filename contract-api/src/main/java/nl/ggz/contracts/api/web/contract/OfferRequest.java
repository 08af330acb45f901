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

/**
 * The codes and the tariffs are read by their value types (InsurerCode, ProviderCode, TariffPercentage) after this.
 *
 * @param tariffPercentage       one tariff for every setting not named in {@code tariffPercentages}
 * @param tariffPercentages      a tariff per setting number, {@code {"2":"92.50"}} (seed 001); with
 *                               {@code tariffPercentage}, at least one is given
 * @param excludedPrestatieCodes prestaties the offer leaves out from the start of the term (seed 002 §5.4)
 * @param excludedSettings       settings of the offer it leaves out from the start of the term
 */
public record OfferRequest(@NotNull @ValidText(Text.CODE) String insurerUzovi,
                           @NotNull @ValidText(Text.CODE) String providerAgb,
                           @NotNull ProviderType providerType,
                           @NotNull ContractKind kind,
                           @NotNull LocalDate termStart,
                           @NotNull LocalDate termEnd,
                           @NotEmpty @Size(max = 8) List<@NotNull Integer> settings,
                           @ValidText(Text.DECIMAL) String tariffPercentage,
                           TariffPercentagesInput tariffPercentages,
                           @NotNull @Positive @Max(Limits.MAX_CENTS) Long ceilingCents,
                           OffsetDateTime offerExpiresAt,
                           @Size(max = 1_000) List<@NotNull @ValidText(Text.CODE) String> excludedPrestatieCodes,
                           @Size(max = 8) List<@NotNull Integer> excludedSettings) {
}
