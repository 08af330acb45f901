package nl.ggz.contracts.demo;

import nl.ggz.contracts.domain.ceiling.SettleCeiling;
import nl.ggz.contracts.domain.contract.AcceptProposal;
import nl.ggz.contracts.domain.contract.OfferContract;
import nl.ggz.contracts.domain.contract.Party;
import nl.ggz.contracts.domain.contract.ReviseProposal;
import nl.ggz.contracts.domain.contract.SignContract;
import nl.ggz.contracts.domain.policy.IncreaseRegime;
import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's stories, planned without running them: on any day from August every case is there, and nothing is dated
 * after the moment of the first start.
 */
class DemoPlanTest {

    private static final List<String> EVERY_CASE = List.of("contract SIGNED", "contract DECLINED",
            "contract WITHDRAWN", "contract EXPIRED", "kind DIGITAL", "kind NEGOTIATED", "under 70 %", "past 70 %",
            "past 100 %", "increase APPROVED", "increase REJECTED", "increase APPROVED_LATE", "increase REJECTED_LATE",
            "increase PENDING", "increase OVERDUE", "claw-back", "stop CEILING_REACHED lifted",
            "stop CEILING_REACHED ongoing", "stop CAPACITY lifted", "stop CAPACITY ongoing",
            // issue 14: agreement by both sides, tariffs per setting, exclusions in the offer
            "provider's proposal accepted", "tariffs per setting", "prestatie left out by the offer",
            // issue 15: last year's contracts settled in the spring (seed 000), a recovery after the settlement
            "last year settled", "recovery after settlement", "last year awaiting settlement");

    /** From August (every third day): requests open on 1 April (seed 001); late decisions come weeks after due. */
    @Test
    void everyCaseIsPlannedOnAnyDayFromAugustToTheEndOfTheYear() {
        for (LocalDate day = LocalDate.of(2026, 8, 1); day.getYear() == 2026; day = day.plusDays(3)) {
            plannedOn(day);
        }
        plannedOn(LocalDate.of(2028, 8, 1));
        plannedOn(LocalDate.of(2028, 12, 31));
    }

    /**
     * A request decided late or left overdue waits for its deadline (the demo holds deadlines back): what its scenario
     * does after the due moment is stored after the overdue event, so every stream is stored in the order it happened.
     */
    @Test
    void aRequestThatFellDueWithinTheStoryWaitsForItsDeadline() {
        Instant now = DomainTime.startOf(LocalDate.of(2026, 12, 3)).plusSeconds(10 * 3600);
        int overdue = 0;
        for (ContractScenario scenario : scenarios(now)) {
            boolean fellDue = scenario.facts().stream().anyMatch(fact -> fact.equals("increase OVERDUE")
                    || fact.equals("increase APPROVED_LATE") || fact.equals("increase REJECTED_LATE"));
            List<DemoStep> waits = scenario.steps().stream().filter(s -> s.command() instanceof AwaitOverdue).toList();
            assertThat(waits).as(scenario.contractId() + " " + scenario.facts()).hasSize(fellDue ? 1 : 0);
            overdue += waits.size();
        }
        assertThat(overdue).isPositive();
    }

    /**
     * The offers follow the seeds' contracting rules: independents only setting 1 (seed 001), at Zorg en Zekerheid
     * only the monodisciplinary setting 2 (seed 002 §5.1); one contract per insurer, provider and year; a provider's
     * own proposal is signed only after the purchaser accepted it (seed 000: "bij overeenstemming").
     */
    @Test
    void theOffersFollowTheContractingRulesOfTheSeeds() {
        Instant now = DomainTime.startOf(LocalDate.of(2026, 12, 3)).plusSeconds(10 * 3600);
        Set<String> contractYears = new HashSet<>();
        int independents = 0;
        int zorgEnZekerheid = 0;
        for (ContractScenario scenario : scenarios(now)) {
            List<Object> commands = scenario.steps().stream().map(DemoStep::command).toList();
            // this year's offer, and last year's where the scenario has one (issue 15: settled years)
            for (OfferContract offer : commands.stream().filter(OfferContract.class::isInstance)
                    .map(OfferContract.class::cast).toList()) {
                for (int year : offer.term().calendarYears()) {
                    assertThat(contractYears.add(offer.insurer().value() + "/" + offer.provider().value() + "/"
                            + year)).as("one contract per insurer, provider and year: " + offer).isTrue();
                }
                if (offer.providerType() == ProviderType.INDEPENDENT) {
                    boolean zz = offer.insurer().value().equals("3313");
                    assertThat(offer.settings()).as(offer.toString()).containsExactly(new Setting(zz ? 2 : 1));
                    independents++;
                    zorgEnZekerheid += zz ? 1 : 0;
                }
            }
            Party lastProposedBy = null;
            boolean accepted = false;
            for (Object command : commands) {
                if (command instanceof OfferContract) {
                    lastProposedBy = null;
                    accepted = false;
                } else if (command instanceof ReviseProposal proposal) {
                    lastProposedBy = proposal.proposedBy();
                    accepted = false;
                } else if (command instanceof AcceptProposal) {
                    accepted = true;
                } else if (command instanceof SignContract) {
                    assertThat(lastProposedBy != Party.PROVIDER || accepted)
                            .as("signed on the provider's own proposal: " + scenario.facts()).isTrue();
                }
            }
        }
        assertThat(independents).isPositive();
        assertThat(zorgEnZekerheid).isPositive();
    }

    /**
     * Zorg en Zekerheid contracts supplementary (bijcontracteren, seed 002 §6.3): an overrun announced up to and
     * including 1 October, decided by 31 March of the next year, within a cap of its own; the others keep a window.
     */
    @Test
    void zorgEnZekerheidDecidesSupplementaryContractingByThirtyOneMarchWithinItsOwnCap() {
        DemoInsurer zz = DemoCast.INSURERS.stream().filter(i -> i.uzovi().equals("3313")).findFirst().orElseThrow();
        PolicyParameters policy = DemoPolicies.of(zz, 2027);
        assertThat(policy.increaseRegime()).isEqualTo(IncreaseRegime.SUPPLEMENTARY_CONTRACTING);
        assertThat(policy.announceBy()).isEqualTo(LocalDate.of(2027, 10, 1));
        assertThat(policy.increaseWindowContains(DomainTime.startOf(LocalDate.of(2027, 10, 1)).plusSeconds(86_399)))
                .as("1 October itself").isTrue();
        assertThat(policy.decisionDueBy()).isEqualTo(LocalDate.of(2028, 3, 31));
        assertThat(policy.increaseCapPercent()).isEqualTo(DemoPolicies.ZZ_INCREASE_CAP_PERCENT)
                .isNotEqualTo(PolicyParameters.defaults(2027).increaseCapPercent());
        DemoInsurer vgz = DemoCast.INSURERS.get(0);
        assertThat(DemoPolicies.of(vgz, 2027).increaseRegime()).isEqualTo(IncreaseRegime.WINDOW);
    }

    /** Last year's contracts are settled once the year is over and December's claims are in (seed 000). */
    @Test
    void lastYearsContractsAreSettledAfterTheYearWithNothingOpen() {
        Instant now = DomainTime.startOf(LocalDate.of(2026, 12, 3)).plusSeconds(10 * 3600);
        int settled = 0;
        for (ContractScenario scenario : scenarios(now)) {
            for (DemoStep step : scenario.steps()) {
                if (step.command() instanceof SettleCeiling settle) {
                    assertThat(step.at()).isAfter(DomainTime.startOf(LocalDate.of(2026, 1, 1)));
                    assertThat(settle.ceilingId()).endsWith("-2025");
                    settled++;
                }
            }
        }
        assertThat(settled).isGreaterThan(5);
    }

    private static void plannedOn(LocalDate day) {
        Instant now = DomainTime.startOf(day).plusSeconds(10 * 3600);
        Set<String> facts = new HashSet<>();
        for (ContractScenario scenario : scenarios(now)) {
            facts.addAll(scenario.facts());
            assertThat(scenario.steps()).allSatisfy(step -> assertThat(step.at()).isBefore(now));
        }
        assertThat(facts).as("planned on " + day).containsAll(EVERY_CASE);
    }

    private static List<ContractScenario> scenarios(Instant now) {
        int year = DomainTime.dateOf(now).getYear();
        Random random = new Random(2027);
        List<ContractScenario> scenarios = new ArrayList<>();
        for (ScenarioPlan plan : DemoPlanner.plan(DemoCast.providers(300, random), true, random)) {
            int contractYear = plan.ending() == ScenarioPlan.Ending.OPEN_NEXT_YEAR ? year + 1 : year;
            ContractScenario scenario = new ContractScenario(plan, DemoPolicies.of(plan.insurer(), contractYear), year,
                    now, 1);
            scenario.steps();
            scenarios.add(scenario);
        }
        return scenarios;
    }
}
