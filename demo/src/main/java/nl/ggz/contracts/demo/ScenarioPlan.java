package nl.ggz.contracts.demo;

import nl.ggz.contracts.domain.shared.ContractKind;

/**
 * What happens to one contract in the demo, decided up front by {@link DemoPlanner}; {@link ContractScenario} turns
 * it into dated commands.
 *
 * @param utilisationPerMille declared at the end of last month, per mille of the initial ceiling
 */
record ScenarioPlan(int number, DemoInsurer insurer, DemoProvider provider, ContractKind kind, Ending ending,
                    long ceilingCents, int utilisationPerMille, boolean asksIncrease, StopPlan stop,
                    boolean clawBack) {

    enum Ending { SIGNED, DECLINED, WITHDRAWN, EXPIRED, OPEN_NEXT_YEAR }

    enum StopPlan { NONE, CEILING_REACHED, CAPACITY }
}
