package nl.ggz.contracts.projections.contract;

import nl.ggz.contracts.domain.contract.ContractDeclined;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.contract.ContractProposalAccepted;
import nl.ggz.contracts.domain.contract.ContractProposalAnswerOverdue;
import nl.ggz.contracts.domain.contract.ContractProposalRevised;
import nl.ggz.contracts.domain.contract.ContractSigned;
import nl.ggz.contracts.domain.contract.Party;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import nl.ggz.contracts.domain.shared.Tariffs;
import nl.ggz.contracts.projections.EventFeed;
import nl.ggz.contracts.projections.ReadModelDatabase;
import nl.ggz.contracts.projections.contract.ProposalRound.Standing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.ggz.contracts.projections.Events.offered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The rounds of a negotiation side by side (issue 14): the offer and every proposal with who put it forward, its
 * terms, the insurer's answer deadline (seed 002 §6.3), whether the insurer accepted it (seed 000: a contract is
 * concluded "bij overeenstemming") and where it stands now.
 */
class ProposalRoundsTest {

    private static final ReadModelDatabase DB = ReadModelDatabase.get();
    private static final Instant PROPOSED = Instant.parse("2026-10-10T09:00:00Z");
    private static final Instant DUE = Instant.parse("2026-11-21T09:00:00Z");
    private static final Set<Setting> SETTINGS_2_3 = Set.of(new Setting(2), new Setting(3));

    private final ContractStateProjection contracts = new ContractStateProjection(DB.jdbc());
    private final ContractQueries queries = new ContractQueries(DB.jdbc());
    private final EventFeed feed = new EventFeed(DB, contracts);

    @BeforeEach
    void empty() {
        DB.empty(contracts);
    }

    @Test
    void theOfferIsRoundZeroPutForwardByTheInsurerAndOnTheTableWhileOpen() {
        ContractOffered offer = offered("C-1", 2027, 5_000_000);
        feed.handle(offer);

        assertThat(queries.find(new FindProposalRounds("C-1"))).singleElement().satisfies(round -> {
            assertThat(round.round()).isZero();
            assertThat(round.proposedBy()).isEqualTo("PURCHASER");
            assertThat(round.proposedAt()).isEqualTo(offer.offeredAt());
            assertThat(round.ceilingCents()).isEqualTo(5_000_000);
            assertThat(round.tariffPercentage()).isEqualByComparingTo("92.50");
            assertThat(round.tariffPercentages()).isEqualTo(Map.of("2", new BigDecimal("92.50"),
                    "3", new BigDecimal("92.50")));
            assertThat(round.settings()).containsExactly(2, 3);
            assertThat(round.answerDueAt()).isNull();
            assertThat(round.acceptedAt()).isNull();
            assertThat(round.standing()).isEqualTo(Standing.ON_THE_TABLE);
        });
    }

    @Test
    void eachProposalIsARoundOfItsOwnWithWhoProposedWhatAndOnlyTheLatestOnTheTable() {
        feed.handle(offered("C-1", 2027, 5_000_000));
        // seed 001: a tariff per setting; seed 002 §6.3: the insurer answers the provider's quote within six weeks
        feed.handle(providerProposal("C-1", 1, 6_000_000, Map.of(2, "95.00", 3, "90.00")));
        feed.handle(new ContractProposalRevised("C-1", 2, Party.PURCHASER, Money.cents(5_500_000),
                Tariffs.uniform(TariffPercentage.of("93"), SETTINGS_2_3), SETTINGS_2_3, PROPOSED.plusSeconds(3600),
                null));

        List<ProposalRound> rounds = queries.find(new FindProposalRounds("C-1"));
        assertThat(rounds).extracting(ProposalRound::round, ProposalRound::proposedBy, ProposalRound::ceilingCents,
                        ProposalRound::standing)
                .containsExactly(
                        tuple(0, "PURCHASER", 5_000_000L, Standing.SUPERSEDED),
                        tuple(1, "PROVIDER", 6_000_000L, Standing.SUPERSEDED),
                        tuple(2, "PURCHASER", 5_500_000L, Standing.ON_THE_TABLE));
        ProposalRound quote = rounds.get(1);
        assertThat(quote.tariffPercentage()).as("they differ").isNull();
        assertThat(quote.tariffPercentages()).containsExactly(Map.entry("2", new BigDecimal("95.00")),
                Map.entry("3", new BigDecimal("90.00")));
        assertThat(quote.answerDueAt()).isEqualTo(DUE);
        assertThat(quote.proposedAt()).isEqualTo(PROPOSED);
        assertThat(rounds.get(2).tariffPercentage()).isEqualByComparingTo("93.00");
    }

    @Test
    void theRoundTheInsurerAcceptedIsMarkedAcceptedAndWhenSignedItIsTheSignedOne() {
        ContractOffered offer = offered("C-1", 2027, 5_000_000);
        feed.handle(offer, providerProposal("C-1", 1, 6_000_000, Map.of(2, "95.00", 3, "95.00")));
        Instant accepted = Instant.parse("2026-10-20T10:00:00Z");
        feed.handle(new ContractProposalAccepted("C-1", 1, "inkoper Anna", accepted));

        ProposalRound onTheTable = queries.find(new FindProposalRounds("C-1")).get(1);
        assertThat(onTheTable.acceptedAt()).isEqualTo(accepted);
        assertThat(onTheTable.acceptedBy()).isEqualTo("inkoper Anna");
        assertThat(onTheTable.standing()).isEqualTo(Standing.ON_THE_TABLE);
        assertThat(queries.find(new FindProposalRounds("C-1")).get(0).acceptedAt()).isNull();

        Tariffs tariffs = Tariffs.uniform(TariffPercentage.of("95"), SETTINGS_2_3);
        feed.handle(new ContractSigned("C-1", "dr. Jansen", accepted.plusSeconds(60), Money.cents(6_000_000), tariffs,
                SETTINGS_2_3, List.of("C-1-2027")));
        assertThat(queries.find(new FindProposalRounds("C-1"))).extracting(ProposalRound::standing)
                .containsExactly(Standing.SUPERSEDED, Standing.SIGNED);
    }

    @Test
    void aQuoteTheInsurerDidNotAnswerInTimeIsMarkedOverdueAndADeclinedOffersLastRoundClosed() {
        feed.handle(offered("C-1", 2027, 5_000_000), providerProposal("C-1", 1, 6_000_000, Map.of(2, "95", 3, "95")));
        feed.handle(new ContractProposalAnswerOverdue("C-1", 1, DUE));

        assertThat(queries.find(new FindProposalRounds("C-1")).get(1).answerOverdue()).isTrue();
        assertThat(queries.find(new FindProposalRounds("C-1")).get(0).answerOverdue()).isFalse();

        feed.handle(new ContractDeclined("C-1", "no answer", DUE.plusSeconds(3600)));
        assertThat(queries.find(new FindProposalRounds("C-1"))).extracting(ProposalRound::standing)
                .containsExactly(Standing.SUPERSEDED, Standing.CLOSED);
    }

    @Test
    void aContractNeverOfferedHasNoRounds() {
        assertThat(queries.find(new FindProposalRounds("no-such-contract"))).isEmpty();
    }

    private static ContractProposalRevised providerProposal(String contractId, int round, long ceilingCents,
                                                            Map<Integer, String> tariffs) {
        Map<Setting, TariffPercentage> bySetting = new java.util.TreeMap<>();
        tariffs.forEach((setting, tariff) -> bySetting.put(new Setting(setting), TariffPercentage.of(tariff)));
        return new ContractProposalRevised(contractId, round, Party.PROVIDER, Money.cents(ceilingCents),
                Tariffs.of(bySetting), bySetting.keySet(), PROPOSED, DUE);
    }
}
