package nl.ggz.contracts.demo;

import nl.ggz.contracts.domain.ceiling.ApproveIncrease;
import nl.ggz.contracts.domain.ceiling.RecordDeclarations;
import nl.ggz.contracts.domain.ceiling.SignAddendum;
import nl.ggz.contracts.domain.contract.AnnouncePatientStop;
import nl.ggz.contracts.domain.contract.OfferContract;
import nl.ggz.contracts.domain.contract.PatientStopReason;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.DomainTime;
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
 * The yearly renewal's place in the story (seed 000: contracts for next year are concluded in the autumn; seed 001:
 * the questionnaire closes on 2 October, digital offers are accepted by 10 November 17:00), planned without running it.
 */
class YearlyRenewalStoryTest {

    private static final Instant NOW = DomainTime.startOf(LocalDate.of(2026, 12, 3)).plusSeconds(10 * 3600);

    @Test
    void theRenewalGoesOutAfterTheQuestionnaireClosedAndIsOpenUntilTheAcceptanceDeadline_seed001() {
        assertThat(YearlyRenewalStory.moment(2026)).isAfter(LocalDate.of(2026, 10, 2).atTime(17, 0)
                .atZone(DomainTime.AMSTERDAM).toInstant());
        assertThat(YearlyRenewalStory.acceptedBy(2026)).isEqualTo(Instant.parse("2026-11-10T16:00:00Z"));
        // seed 000: contracted care is published by 15 November
        assertThat(YearlyRenewalStory.acceptedBy(2026)).isBefore(DomainTime.startOf(LocalDate.of(2026, 11, 15)));
    }

    @Test
    void nextYearsOpenOffersGoToProvidersNewToTheInsurerTheOthersAreRenewed() {
        Random random = new Random(2027);
        List<ScenarioPlan> plans = DemoPlanner.plan(DemoCast.providers(300, random), true, random);
        Set<String> thisYear = new HashSet<>();
        plans.stream().filter(plan -> plan.ending() != ScenarioPlan.Ending.OPEN_NEXT_YEAR)
                .forEach(plan -> thisYear.add(plan.insurer().uzovi() + "/" + plan.provider().agb()));
        List<ScenarioPlan> open = plans.stream().filter(plan -> plan.ending() == ScenarioPlan.Ending.OPEN_NEXT_YEAR)
                .toList();

        assertThat(open).isNotEmpty().allSatisfy(plan ->
                assertThat(thisYear).doesNotContain(plan.insurer().uzovi() + "/" + plan.provider().agb()));
    }

    /**
     * What a scenario does to its contract after the renewal, and to a ceiling from an addendum signed after it, is
     * written after the renewal: every stream in the order of its moments, and the renewal reads the ceiling in force
     * on its day.
     */
    @Test
    void theStepsHeldBackAreTheContractsFromTheRenewalOnAndARaiseSignedLaterWithWhatFollowsIt() {
        Instant renewal = YearlyRenewalStory.moment(2026);
        int contractSteps = 0;
        for (ContractScenario scenario : scenarios()) {
            List<DemoStep> steps = scenario.steps();
            List<DemoStep> held = YearlyRenewalStory.heldBack(steps, renewal);
            assertThat(held).allSatisfy(step -> assertThat(step.at()).isAfterOrEqualTo(renewal));
            for (DemoStep step : steps) {
                boolean onContract = step.command().getClass().getPackage() == OfferContract.class.getPackage();
                if (onContract && !step.at().isBefore(renewal)) {
                    assertThat(held).contains(step);
                    contractSteps++;
                }
                if (step.command() instanceof SignAddendum && !step.at().isBefore(renewal)) {
                    // the raise and every later step of its scenario
                    assertThat(held).containsAll(steps.stream().filter(s -> !s.at().isBefore(step.at())).toList());
                }
            }
            // what is not held back lies before the renewal, or on a ceiling not raised after it
            List<DemoStep> before = new ArrayList<>(steps);
            before.removeAll(held);
            assertThat(before).noneMatch(step -> step.command() instanceof SignAddendum
                    && !step.at().isBefore(renewal));
        }
        assertThat(contractSteps).as("contract steps after the renewal (patient stops, next year's offers)")
                .isPositive();
    }

    @Test
    void aCeilingRaisedAfterTheRenewalIsWrittenFromTheRaiseOnAfterTheRenewalSoTheRenewalCarriesTheCeilingOfItsDay() {
        Instant renewal = YearlyRenewalStory.moment(2026);
        String ceiling = "c-1-2026";
        DemoStep octoberClaims = step("2026-10-01T01:00:00Z", new RecordDeclarations(ceiling, List.of(), NOW));
        DemoStep approved = step("2026-10-03T13:00:00Z", new ApproveIncrease(ceiling, "r-1", "a-1",
                Money.cents(100_000), NOW));
        DemoStep lateOctoberClaims = step("2026-10-06T01:00:00Z", new RecordDeclarations(ceiling, List.of(), NOW));
        DemoStep raised = step("2026-10-10T08:00:00Z", new SignAddendum(ceiling, "a-1", "dr. Bos", NOW));
        DemoStep novemberClaims = step("2026-11-01T01:00:00Z", new RecordDeclarations(ceiling, List.of(), NOW));
        DemoStep stop = step("2026-11-03T07:00:00Z", new AnnouncePatientStop("c-1", "s-1",
                PatientStopReason.CAPACITY, LocalDate.of(2026, 11, 3), NOW));

        assertThat(YearlyRenewalStory.heldBack(List.of(octoberClaims, approved, lateOctoberClaims, raised,
                novemberClaims, stop), renewal)).containsExactly(raised, novemberClaims, stop);
    }

    private static DemoStep step(String at, Object command) {
        return new DemoStep(Instant.parse(at), null, command);
    }

    private static List<ContractScenario> scenarios() {
        Random random = new Random(2027);
        List<ContractScenario> scenarios = new ArrayList<>();
        for (ScenarioPlan plan : DemoPlanner.plan(DemoCast.providers(300, random), true, random)) {
            int contractYear = plan.ending() == ScenarioPlan.Ending.OPEN_NEXT_YEAR ? 2027 : 2026;
            scenarios.add(new ContractScenario(plan, DemoPolicies.of(plan.insurer(), contractYear), 2026, NOW, 1));
        }
        return scenarios;
    }
}
