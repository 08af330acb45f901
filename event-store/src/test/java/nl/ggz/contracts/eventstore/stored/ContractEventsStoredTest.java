package nl.ggz.contracts.eventstore.stored;

import nl.ggz.contracts.domain.contract.ContractAmended;
import nl.ggz.contracts.domain.contract.ContractDeclined;
import nl.ggz.contracts.domain.contract.ContractEnded;
import nl.ggz.contracts.domain.contract.ContractOfferExpired;
import nl.ggz.contracts.domain.contract.ContractOfferWithdrawn;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.contract.ContractProposalAccepted;
import nl.ggz.contracts.domain.contract.ContractProposalAnswerOverdue;
import nl.ggz.contracts.domain.contract.ContractProposalRevised;
import nl.ggz.contracts.domain.contract.ContractRenewed;
import nl.ggz.contracts.domain.contract.ContractSigned;
import nl.ggz.contracts.domain.contract.ContractTerminated;
import nl.ggz.contracts.domain.contract.Party;
import nl.ggz.contracts.domain.contract.PatientStopAnnounced;
import nl.ggz.contracts.domain.contract.PatientStopLifted;
import nl.ggz.contracts.domain.contract.PatientStopReason;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ContractTerm;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import nl.ggz.contracts.domain.shared.Tariffs;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The contract's events as the application stored them before events carried a revision (JSON copied from it). */
class ContractEventsStoredTest extends StoredEventTest {

    private static final Set<Setting> SETTINGS_2_3 = new TreeSet<>(List.of(new Setting(2), new Setting(3)));

    @Test
    void contractOfferedStoredWithoutRevisionLoadsWithItsTariffForEverySettingAndNothingLeftOut() {
        // revision 1's shape: one tariff for all settings; issue 14 made it a tariff per setting, with exclusions
        String stored = """
                {"contractId":"c-1","insurer":"3311","provider":"94001234","providerType":"INSTITUTION",\
                "kind":"DIGITAL","term":{"start":"2027-01-01","end":"2027-12-31"},"settings":[2,3],"tariff":92.50,\
                "ceiling":250000000,"offeredAt":"2026-10-01T08:00:00Z","offerExpiresAt":"2026-11-10T16:00:00Z"}""";
        ContractOffered event = new ContractOffered("c-1", new InsurerCode("3311"), new ProviderCode("94001234"),
                ProviderType.INSTITUTION, ContractKind.DIGITAL,
                new ContractTerm(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)), SETTINGS_2_3,
                Tariffs.uniform(TariffPercentage.of("92.50"), SETTINGS_2_3), Money.cents(250_000_000),
                Instant.parse("2026-10-01T08:00:00Z"), Instant.parse("2026-11-10T16:00:00Z"), Set.of(), Set.of());

        assertLoads(stored, NO_REVISION, event);
        assertLoads(stored, "1", event);
    }

    @Test
    void contractOfferedStoredAsRevision2LoadsWithItsValues() {
        String stored = """
                {"contractId":"c-1","insurer":"3311","provider":"94001234","providerType":"INSTITUTION",\
                "kind":"DIGITAL","term":{"start":"2027-07-01","end":"2027-12-31"},"settings":[2,3],\
                "tariffs":{"2":92.50,"3":95.00},"ceiling":250000000,"offeredAt":"2027-06-10T08:00:00Z",\
                "offerExpiresAt":"2027-07-22T08:00:00Z","excludedPrestatieCodes":["GR0110"],"excludedSettings":[3],\
                "renewalOf":null}""";
        ContractOffered event = new ContractOffered("c-1", new InsurerCode("3311"), new ProviderCode("94001234"),
                ProviderType.INSTITUTION, ContractKind.DIGITAL,
                new ContractTerm(LocalDate.of(2027, 7, 1), LocalDate.of(2027, 12, 31)), SETTINGS_2_3,
                Tariffs.of(Map.of(new Setting(2), TariffPercentage.of("92.50"), new Setting(3),
                        TariffPercentage.of("95.00"))), Money.cents(250_000_000),
                Instant.parse("2027-06-10T08:00:00Z"), Instant.parse("2027-07-22T08:00:00Z"),
                Set.of(new PrestatieCode("GR0110")), Set.of(new Setting(3)));

        assertLoads(stored, "2", event);
        assertWritten(event, "2", stored);
    }

    @Test
    void contractOfferedStoredAsRevision2AsARenewalLoadsNamingTheContractItRenews() {
        String stored = """
                {"contractId":"c-2","insurer":"3311","provider":"94001234","providerType":"INSTITUTION",\
                "kind":"DIGITAL","term":{"start":"2028-01-01","end":"2028-12-31"},"settings":[2,3],\
                "tariffs":{"2":92.50,"3":95.00},"ceiling":300000000,"offeredAt":"2027-10-05T09:00:00Z",\
                "offerExpiresAt":"2027-11-10T16:00:00Z","excludedPrestatieCodes":[],"excludedSettings":[],\
                "renewalOf":"c-1"}""";
        ContractOffered event = new ContractOffered("c-2", new InsurerCode("3311"), new ProviderCode("94001234"),
                ProviderType.INSTITUTION, ContractKind.DIGITAL,
                new ContractTerm(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31)), SETTINGS_2_3,
                Tariffs.of(Map.of(new Setting(2), TariffPercentage.of("92.50"), new Setting(3),
                        TariffPercentage.of("95.00"))), Money.cents(300_000_000),
                Instant.parse("2027-10-05T09:00:00Z"), Instant.parse("2027-11-10T16:00:00Z"), Set.of(), Set.of(),
                "c-1");

        assertLoads(stored, "2", event);
        assertWritten(event, "2", stored);
    }

    @Test
    void contractRenewedStoredAsRevision1LoadsWithItsValues() {
        // seed 001: next year's offer on this year's ceiling "inclusief eventuele verhoging"
        String stored = """
                {"contractId":"c-1","renewalContractId":"c-2","renewalTerm":{"start":"2028-01-01",\
                "end":"2028-12-31"},"ceiling":300000000,"ceilingFrom":"c-1-2027","renewedBy":"inkoper Anna",\
                "renewedAt":"2027-10-05T09:00:00Z"}""";
        ContractRenewed event = new ContractRenewed("c-1", "c-2",
                new ContractTerm(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31)), Money.cents(300_000_000),
                "c-1-2027", "inkoper Anna", Instant.parse("2027-10-05T09:00:00Z"));

        assertLoads(stored, "1", event);
        assertWritten(event, "1", stored);
    }

    @Test
    void contractRenewedStoredAsRevision1WithTheCeilingThePurchaserSetLoadsWithNoCeilingItCameFrom() {
        String stored = """
                {"contractId":"c-1","renewalContractId":"c-2","renewalTerm":{"start":"2028-01-01",\
                "end":"2028-12-31"},"ceiling":275000000,"ceilingFrom":null,"renewedBy":"inkoper Anna",\
                "renewedAt":"2027-10-05T09:00:00Z"}""";
        ContractRenewed event = new ContractRenewed("c-1", "c-2",
                new ContractTerm(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31)), Money.cents(275_000_000),
                null, "inkoper Anna", Instant.parse("2027-10-05T09:00:00Z"));

        assertLoads(stored, "1", event);
        assertWritten(event, "1", stored);
    }

    @Test
    void contractProposalRevisedStoredWithoutRevisionLoadsWithItsTariffForEverySettingAndNoAnswerDue() {
        String stored = """
                {"contractId":"c-1","round":1,"proposedBy":"PROVIDER","ceiling":260000000,"tariff":95.00,\
                "settings":[2,5],"proposedAt":"2026-10-10T09:00:00Z"}""";
        Set<Setting> settings = new TreeSet<>(List.of(new Setting(2), new Setting(5)));
        ContractProposalRevised event = new ContractProposalRevised("c-1", 1, Party.PROVIDER,
                Money.cents(260_000_000), Tariffs.uniform(TariffPercentage.of("95"), settings), settings,
                Instant.parse("2026-10-10T09:00:00Z"), null);

        assertLoads(stored, NO_REVISION, event);
        assertLoads(stored, "1", event);
    }

    @Test
    void contractProposalRevisedStoredAsRevision2LoadsWithItsValues() {
        String stored = """
                {"contractId":"c-1","round":1,"proposedBy":"PROVIDER","ceiling":260000000,\
                "tariffs":{"2":95.00,"5":90.00},"settings":[2,5],"proposedAt":"2026-10-10T09:00:00Z",\
                "answerDueAt":"2026-11-21T09:00:00Z"}""";
        ContractProposalRevised event = new ContractProposalRevised("c-1", 1, Party.PROVIDER,
                Money.cents(260_000_000), Tariffs.of(Map.of(new Setting(2), TariffPercentage.of("95"),
                new Setting(5), TariffPercentage.of("90"))), new TreeSet<>(List.of(new Setting(2), new Setting(5))),
                Instant.parse("2026-10-10T09:00:00Z"), Instant.parse("2026-11-21T09:00:00Z"));

        assertLoads(stored, "2", event);
        assertWritten(event, "2", stored);
    }

    @Test
    void contractProposalAcceptedStoredAsRevision1LoadsWithItsValues() {
        String stored = """
                {"contractId":"c-1","round":1,"acceptedBy":"inkoper Anna","acceptedAt":"2026-10-12T09:00:00Z"}""";
        ContractProposalAccepted event = new ContractProposalAccepted("c-1", 1, "inkoper Anna",
                Instant.parse("2026-10-12T09:00:00Z"));

        assertLoads(stored, "1", event);
        assertWritten(event, "1", stored);
    }

    @Test
    void contractProposalAnswerOverdueStoredAsRevision1LoadsWithItsValues() {
        String stored = """
                {"contractId":"c-1","round":1,"answerDueAt":"2026-11-21T09:00:00Z"}""";
        ContractProposalAnswerOverdue event = new ContractProposalAnswerOverdue("c-1", 1,
                Instant.parse("2026-11-21T09:00:00Z"));

        assertLoads(stored, "1", event);
        assertWritten(event, "1", stored);
    }

    @Test
    void contractSignedStoredWithoutRevisionLoadsWithItsTariffForEverySetting() {
        String stored = """
                {"contractId":"c-1","signedBy":"J. de Vries (director)","signedAt":"2026-10-20T09:30:00Z",\
                "ceilingPerYear":250000000,"tariff":92.50,"settings":[2,3],"ceilingIds":["c-1-2027","c-1-2028"]}""";
        ContractSigned event = new ContractSigned("c-1", "J. de Vries (director)",
                Instant.parse("2026-10-20T09:30:00Z"), Money.cents(250_000_000),
                Tariffs.uniform(TariffPercentage.of("92.50"), SETTINGS_2_3), SETTINGS_2_3,
                List.of("c-1-2027", "c-1-2028"));

        assertLoads(stored, NO_REVISION, event);
        assertLoads(stored, "1", event);
    }

    @Test
    void contractSignedStoredAsRevision2LoadsWithItsValues() {
        String stored = """
                {"contractId":"c-1","signedBy":"J. de Vries (director)","signedAt":"2026-10-20T09:30:00Z",\
                "ceilingPerYear":250000000,"tariffs":{"2":92.50,"3":95.00},"settings":[2,3],\
                "ceilingIds":["c-1-2027"]}""";
        ContractSigned event = new ContractSigned("c-1", "J. de Vries (director)",
                Instant.parse("2026-10-20T09:30:00Z"), Money.cents(250_000_000),
                Tariffs.of(Map.of(new Setting(2), TariffPercentage.of("92.50"), new Setting(3),
                        TariffPercentage.of("95.00"))), SETTINGS_2_3, List.of("c-1-2027"));

        assertLoads(stored, "2", event);
        assertWritten(event, "2", stored);
    }

    @Test
    void contractDeclinedStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"contractId":"c-1","reason":"tariff too low","declinedAt":"2026-10-15T12:00:00Z"}""";
        ContractDeclined event = new ContractDeclined("c-1", "tariff too low", Instant.parse("2026-10-15T12:00:00Z"));

        assertLoads(stored, NO_REVISION, event);
        assertWritten(event, "1", stored);
    }

    @Test
    void contractOfferWithdrawnStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"contractId":"c-1","reason":"offered in error","withdrawnAt":"2026-10-02T07:45:00Z"}""";
        ContractOfferWithdrawn event = new ContractOfferWithdrawn("c-1", "offered in error",
                Instant.parse("2026-10-02T07:45:00Z"));

        assertLoads(stored, NO_REVISION, event);
        assertWritten(event, "1", stored);
    }

    @Test
    void contractOfferExpiredStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"contractId":"c-1","expiredAt":"2026-11-10T16:00:00Z"}""";
        ContractOfferExpired event = new ContractOfferExpired("c-1", Instant.parse("2026-11-10T16:00:00Z"));

        assertLoads(stored, NO_REVISION, event);
        assertWritten(event, "1", stored);
    }

    @Test
    void contractAmendedStoredWithoutRevisionLoadsAsHoldingFromTheStart() {
        String stored = """
                {"contractId":"c-1","excludedPrestatieCodes":["CO0142","CO0143"],"excludedSettings":[3],\
                "reason":"seed 002 §5.4: quality","amendedAt":"2027-02-01T10:00:00Z","ceilingIds":["c-1-2027"]}""";
        // an amendment stored before amendments had a date holds from the start of the term (effectiveDate null)
        ContractAmended event = new ContractAmended("c-1",
                new TreeSet<>(List.of(new PrestatieCode("CO0142"), new PrestatieCode("CO0143"))),
                Set.of(new Setting(3)), "seed 002 §5.4: quality", Instant.parse("2027-02-01T10:00:00Z"),
                List.of("c-1-2027"), null, null);

        assertLoads(stored, NO_REVISION, event);
        assertLoads(stored, "1", event);
    }

    @Test
    void contractAmendedStoredAsRevision2LoadsWithItsValues() {
        String stored = """
                {"contractId":"c-1","excludedPrestatieCodes":["CO0142"],"excludedSettings":[],\
                "reason":"quality","amendedAt":"2027-02-01T10:00:00Z","ceilingIds":["c-1-2027"],\
                "effectiveDate":"2027-01-15","backdatingReason":"agreed with the provider on 14 January"}""";
        ContractAmended event = new ContractAmended("c-1", Set.of(new PrestatieCode("CO0142")), Set.of(), "quality",
                Instant.parse("2027-02-01T10:00:00Z"), List.of("c-1-2027"), LocalDate.of(2027, 1, 15),
                "agreed with the provider on 14 January");

        assertLoads(stored, "2", event);
        assertWritten(event, "2", stored);
    }

    @Test
    void contractTerminatedStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"contractId":"c-1","reason":"quality requirements not met","effectiveDate":"2027-06-30",\
                "terminatedAt":"2027-06-01T10:00:00Z","ceilingIds":["c-1-2027"]}""";
        ContractTerminated event = new ContractTerminated("c-1", "quality requirements not met",
                LocalDate.of(2027, 6, 30), Instant.parse("2027-06-01T10:00:00Z"), List.of("c-1-2027"));

        assertLoads(stored, NO_REVISION, event);
        assertWritten(event, "1", stored);
    }

    @Test
    void contractEndedStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"contractId":"c-1","endDate":"2027-12-31"}""";
        ContractEnded event = new ContractEnded("c-1", LocalDate.of(2027, 12, 31));

        assertLoads(stored, NO_REVISION, event);
        assertWritten(event, "1", stored);
    }

    @Test
    void patientStopAnnouncedStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"contractId":"c-1","stopId":"s-1","reason":"CAPACITY","from":"2027-09-01",\
                "announcedAt":"2027-08-25T09:00:00Z"}""";
        PatientStopAnnounced event = new PatientStopAnnounced("c-1", "s-1", PatientStopReason.CAPACITY,
                LocalDate.of(2027, 9, 1), Instant.parse("2027-08-25T09:00:00Z"));

        assertLoads(stored, NO_REVISION, event);
        assertWritten(event, "1", stored);
    }

    @Test
    void patientStopLiftedStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"contractId":"c-1","stopId":"s-1","reason":"CAPACITY","from":"2027-09-01","to":"2027-10-15",\
                "liftedAt":"2027-10-16T09:00:00Z"}""";
        PatientStopLifted event = new PatientStopLifted("c-1", "s-1", PatientStopReason.CAPACITY,
                LocalDate.of(2027, 9, 1), LocalDate.of(2027, 10, 15), Instant.parse("2027-10-16T09:00:00Z"));

        assertLoads(stored, NO_REVISION, event);
        assertWritten(event, "1", stored);
    }
}
