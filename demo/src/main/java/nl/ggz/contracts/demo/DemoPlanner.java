package nl.ggz.contracts.demo;

import nl.ggz.contracts.demo.ScenarioPlan.Ending;
import nl.ggz.contracts.demo.ScenarioPlan.StopPlan;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ProviderType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Decides which provider contracts with which insurers, on what terms, and how each contract's year goes. The mix
 * follows the sources where they give figures: about half of the ceilings stay under the 70 % report, a fifth goes past
 * the ceiling; of the contracts at the ceiling about 43 % stop taking patients for that reason (seed 003 §4.3); stops
 * for lack of staff are common among independents (seed 003: 56 %), here one contract in ten.
 */
final class DemoPlanner {

    /** Market shares, roughly: every insurer still gets enough contracts to show each case. */
    private static final int[] INSURER_WEIGHTS = {18, 20, 17, 10, 7, 7, 5, 5, 6, 5};

    private DemoPlanner() {
    }

    static List<ScenarioPlan> plan(List<DemoProvider> providers, boolean offersForNextYear, Random random) {
        List<ScenarioPlan> plans = new ArrayList<>();
        for (DemoProvider provider : providers) {
            int contracts = switch (provider.type()) {
                case INDEPENDENT -> random.nextInt(4) == 0 ? 2 : 1;
                case INSTITUTION -> random.nextBoolean() ? 2 : 1;
                case HOSPITAL_WARD -> 2;
            };
            for (DemoInsurer insurer : insurers(contracts, random)) {
                plans.add(plan(plans.size(), insurer, provider, ending(random), random));
            }
        }
        if (offersForNextYear) {
            // the autumn's offers for next year to institutions and wards, whose contracts run one year, still open
            // (seed 000: contracted care is published by 15 November)
            List<DemoProvider> yearly = providers.stream().filter(p -> p.type() != ProviderType.INDEPENDENT).toList();
            // one contract per insurer, provider and year (seed 000): never two offers to one provider by one insurer
            Set<String> offered = new java.util.HashSet<>();
            // the providers an insurer contracted this year get next year's offer by the yearly renewal (seed 001,
            // YearlyRenewalStory): these open offers go to providers new to the insurer
            plans.forEach(plan -> offered.add(plan.insurer().uzovi() + "/" + plan.provider().agb()));
            for (int i = 0; i < 12; i++) {
                DemoInsurer insurer = DemoCast.INSURERS.get(i % DemoCast.INSURERS.size());
                DemoProvider provider;
                do {
                    provider = yearly.get(random.nextInt(yearly.size()));
                } while (!offered.add(insurer.uzovi() + "/" + provider.agb()));
                plans.add(plan(plans.size(), insurer, provider, Ending.OPEN_NEXT_YEAR, random));
            }
        }
        return plans;
    }

    private static ScenarioPlan plan(int number, DemoInsurer insurer, DemoProvider provider, Ending ending,
                                     Random random) {
        long ceiling = ceilingCents(provider.type(), random);
        // seed 001: digital contracts for ceilings under €3 million; larger providers negotiate (maatwerk)
        ContractKind kind = ceiling >= 300_000_000L || provider.type() == ProviderType.HOSPITAL_WARD
                && random.nextInt(3) > 0 ? ContractKind.NEGOTIATED : ContractKind.DIGITAL;
        if (ending == Ending.WITHDRAWN && kind == ContractKind.DIGITAL) {
            ending = Ending.DECLINED;
        }
        if (ending == Ending.OPEN_NEXT_YEAR) {
            kind = ContractKind.DIGITAL;
        }
        int band = random.nextInt(100);
        int utilisation = band < 50 ? 350 + random.nextInt(330)      // under the 70 % report
                : band < 82 ? 720 + random.nextInt(250)              // past 70 %, under the ceiling
                : 1_050 + random.nextInt(350);                       // past the ceiling
        boolean asks = utilisation >= 1_000 ? random.nextInt(100) < 85 : utilisation >= 720 && random.nextInt(100) < 35;
        StopPlan stop = utilisation >= 1_000 && random.nextInt(100) < 43 ? StopPlan.CEILING_REACHED
                : utilisation < 1_000 && random.nextInt(10) == 0 ? StopPlan.CAPACITY : StopPlan.NONE;
        boolean clawBack = random.nextInt(100) < 6;
        return new ScenarioPlan(number, insurer, provider, kind, ending, ceiling, utilisation, asks, stop, clawBack);
    }

    private static Ending ending(Random random) {
        int roll = random.nextInt(100);
        return roll < 4 ? Ending.DECLINED : roll < 6 ? Ending.WITHDRAWN : roll < 9 ? Ending.EXPIRED : Ending.SIGNED;
    }

    /** Ceilings in whole thousands of euros, by the size of the practice or institution. */
    private static long ceilingCents(ProviderType type, Random random) {
        long euros = switch (type) {
            case INDEPENDENT -> 60_000 + random.nextInt(180) * 1_000L;
            case INSTITUTION -> random.nextBoolean()
                    ? 400_000 + random.nextInt(2_500) * 1_000L
                    : 3_000_000 + random.nextInt(27_000) * 1_000L;
            case HOSPITAL_WARD -> 1_500_000 + random.nextInt(7_500) * 1_000L;
        };
        return euros * 100;
    }

    private static Set<DemoInsurer> insurers(int count, Random random) {
        Set<DemoInsurer> chosen = new LinkedHashSet<>();
        int total = 0;
        for (int weight : INSURER_WEIGHTS) {
            total += weight;
        }
        while (chosen.size() < count) {
            int roll = random.nextInt(total);
            int i = 0;
            while (roll >= INSURER_WEIGHTS[i]) {
                roll -= INSURER_WEIGHTS[i++];
            }
            chosen.add(DemoCast.INSURERS.get(i));
        }
        return chosen;
    }
}
