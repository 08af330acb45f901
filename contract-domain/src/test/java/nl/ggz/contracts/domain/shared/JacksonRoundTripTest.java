package nl.ggz.contracts.domain.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.ggz.contracts.domain.ceiling.AddendumSigned;
import nl.ggz.contracts.domain.privacy.SealedPseudonym;
import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.ceiling.ClawBackIssued;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.ceiling.IncreaseRequested;
import nl.ggz.contracts.domain.contract.ContractAmended;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.contract.ContractSigned;
import nl.ggz.contracts.domain.contract.PatientStopAnnounced;
import nl.ggz.contracts.domain.contract.PatientStopReason;
import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.policy.PurchasingPolicyPublished;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events are stored with Jackson (DESIGN §3): value types are plain JSON values and events read back equal. */
class JacksonRoundTripTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    private static final InsurerCode INSURER = new InsurerCode("3311");
    private static final ProviderCode PROVIDER = new ProviderCode("94001234");
    private static final ContractTerm TERM = new ContractTerm(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31));
    private static final Instant AT = Instant.parse("2026-10-01T08:00:00Z");

    @Test
    void moneyIsAPlainNumberOfCents() throws Exception {
        assertThat(mapper.writeValueAsString(Money.cents(15_230))).isEqualTo("15230");
        assertThat(mapper.readValue("15230", Money.class)).isEqualTo(Money.cents(15_230));
        assertThat(mapper.readValue("-700", Money.class)).isEqualTo(Money.cents(-700));
    }

    @Test
    void codesArePlainStrings() throws Exception {
        assertThat(mapper.writeValueAsString(INSURER)).isEqualTo("\"3311\"");
        assertThat(mapper.writeValueAsString(PROVIDER)).isEqualTo("\"94001234\"");
        assertThat(mapper.readValue("\"3311\"", InsurerCode.class)).isEqualTo(INSURER);
        assertThat(mapper.readValue("\"94001234\"", ProviderCode.class)).isEqualTo(PROVIDER);
        assertThat(mapper.writeValueAsString(new PrestatieCode("CO0142"))).isEqualTo("\"CO0142\"");
        assertThat(mapper.readValue("\"CO0142\"", PrestatieCode.class)).isEqualTo(new PrestatieCode("CO0142"));
    }

    @Test
    void settingIsAPlainNumber() throws Exception {
        assertThat(mapper.writeValueAsString(new Setting(8))).isEqualTo("8");
        assertThat(mapper.readValue("3", Setting.class)).isEqualTo(new Setting(3));
    }

    @Test
    void tariffPercentageIsAPlainNumberWithTwoDecimals() throws Exception {
        assertThat(mapper.writeValueAsString(TariffPercentage.of("92.5"))).isEqualTo("92.50");
        assertThat(mapper.readValue("92.5", TariffPercentage.class)).isEqualTo(TariffPercentage.of("92.50"));
    }

    @Test
    void invalidValuesAreRefusedWhenRead() {
        assertThatThrownBy(() -> mapper.readValue("\"331\"", InsurerCode.class))
                .hasRootCauseInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> mapper.readValue("9", Setting.class))
                .hasRootCauseInstanceOf(InvalidValueException.class);
    }

    @Test
    void contractOfferedHasPlainValuesAndRoundTripsEqual() throws Exception {
        ContractOffered event = new ContractOffered("c-1", INSURER, PROVIDER, ProviderType.INDEPENDENT,
                ContractKind.NEGOTIATED, TERM, Set.of(new Setting(2), new Setting(8)),
                Tariffs.of(Map.of(new Setting(2), TariffPercentage.of("92.50"), new Setting(8), TariffPercentage.of("95"))),
                Money.cents(250_000_000), AT, AT.plusSeconds(42L * 86_400), Set.of(new PrestatieCode("CO0142")),
                Set.of(new Setting(8)));
        String json = mapper.writeValueAsString(event);
        JsonNode tree = mapper.readTree(json);
        assertThat(tree.get("insurer").isTextual()).isTrue();
        assertThat(tree.get("insurer").asText()).isEqualTo("3311");
        assertThat(tree.get("provider").asText()).isEqualTo("94001234");
        assertThat(tree.get("ceiling").isIntegralNumber()).isTrue();
        assertThat(tree.get("ceiling").asLong()).isEqualTo(250_000_000L);
        assertThat(tree.get("settings").isArray()).isTrue();
        assertThat(tree.get("settings").get(0).isIntegralNumber()).isTrue();
        // seed 001: a tariff per setting, as an object of setting number to percentage
        assertThat(tree.get("tariffs").get("2").isNumber()).isTrue();
        assertThat(tree.get("tariffs").get("2").decimalValue()).isEqualByComparingTo("92.50");
        assertThat(tree.get("tariffs").get("8").decimalValue()).isEqualByComparingTo("95.00");
        assertThat(tree.get("kind").asText()).isEqualTo("NEGOTIATED");

        assertThat(mapper.readValue(json, ContractOffered.class)).isEqualTo(event);
    }

    @Test
    void declarationRecordedRoundTripsEqual() throws Exception {
        DeclarationRecorded event = new DeclarationRecorded("c-1-2027", "ZPM-000001", new PrestatieCode("CO0142"), new Setting(2),
                LocalDate.of(2027, 3, 1), SealedPseudonym.sealed("bm90IHJlYWxseQ", "a2V5ZWQgaGFzaA"), Money.cents(15_230), Money.cents(10_000), Money.cents(5_230),
                false);
        String json = mapper.writeValueAsString(event);
        JsonNode tree = mapper.readTree(json);
        assertThat(tree.get("amount").asLong()).isEqualTo(15_230L);
        assertThat(tree.get("payable").asLong()).isEqualTo(10_000L);
        assertThat(tree.get("unpaid").asLong()).isEqualTo(5_230L);
        assertThat(tree.get("setting").asInt()).isEqualTo(2);
        // seed 002 §4.3: no diagnosis, no BSN — a declaration event holds only these fields; issue 16: the
        // pseudonym sealed, never plain
        assertThat(tree.fieldNames()).toIterable().containsExactlyInAnyOrder("ceilingId", "declarationId",
                "prestatieCode", "setting", "treatmentDate", "patient", "amount", "payable", "unpaid",
                "psychodiagnosticsSupplement");
        assertThat(tree.get("patient").fieldNames()).toIterable().containsExactly("ciphertext", "keyedHash");

        assertThat(mapper.readValue(json, DeclarationRecorded.class)).isEqualTo(event);
    }

    @Test
    void otherEventsRoundTripEqual() throws Exception {
        List<Object> events = List.of(
                new ContractSigned("c-1", "J. de Vries", AT, Money.cents(1_000),
                        Tariffs.uniform(TariffPercentage.of("95"), Set.of(new Setting(3))),
                        Set.of(new Setting(3)), List.of("c-1-2027", "c-1-2028")),
                new CeilingAgreed("c-1-2027", "c-1", INSURER, PROVIDER, ProviderType.INSTITUTION,
                        ContractKind.DIGITAL, 2027, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                        Money.cents(1_000_000), Set.of(new Setting(2)), Set.of(), Set.of()),
                new ContractAmended("c-1", Set.of(new PrestatieCode("CO0142")), Set.of(new Setting(3)), "quality", AT,
                        List.of("c-1-2027"), LocalDate.of(2027, 2, 1), "agreed with the provider in January"),
                new PatientStopAnnounced("c-1", "s-1", PatientStopReason.CAPACITY, LocalDate.of(2027, 9, 1), AT),
                new IncreaseRequested("c-1-2027", "R-1", Money.cents(300_000), "waiting lists", AT,
                        AT.plusSeconds(86_400)),
                new AddendumSigned("c-1-2027", "A-1", "provider", AT, Money.cents(300_000), Money.cents(1_000_000),
                        Money.cents(1_300_000), Money.cents(200_000)),
                new ClawBackIssued("c-1-2027", "CB-1", Money.cents(100), "reason",
                        List.of(new nl.ggz.contracts.domain.ceiling.ClawBackShare("D-1", Money.cents(100))), AT),
                new PurchasingPolicyPublished("3311-2027", INSURER, 2027, PolicyParameters.defaults(2027)));
        for (Object event : events) {
            String json = mapper.writeValueAsString(event);
            assertThat(mapper.readValue(json, event.getClass())).as(json).isEqualTo(event);
        }
    }
}
