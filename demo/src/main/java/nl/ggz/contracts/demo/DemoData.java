package nl.ggz.contracts.demo;

import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import nl.ggz.contracts.domain.ceiling.DeclarationOutcome;
import nl.ggz.contracts.domain.ceiling.DeclarationStatus;
import nl.ggz.contracts.domain.policy.PublishPurchasingPolicy;
import nl.ggz.contracts.domain.renewal.ContractRenewals;
import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.eventstore.ChainHeadReader;
import nl.ggz.contracts.eventstore.ChainHeads;
import nl.ggz.contracts.eventstore.CommittedHorizon;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A year of realistic history on the first start of the embedded default: ten insurers with their policies for this
 * year, a few hundred providers of all types, contracts of both kinds, a claims batch a month per ceiling up to last
 * month, and the increase requests, addenda, claw-backs and patient stops that go with them. Everything is sent
 * through the commands, stamped with the party that would send it, so the event store holds a real history.
 * Deterministic: the same day gives the same demo.
 * <p>
 * Each step is written at its own moment ({@link StoryTime}): its events carry the story's date (an offer in the
 * autumn before the year, a claims batch in the night after each month), not the minute of the first start. The
 * events are appended now, one step at a time, by threads that each follow their own scenarios: within one aggregate
 * they are stored in the order of their moments, across aggregates the global positions interleave the scenarios
 * (a position says when an event was stored, its timestamp when it happened).
 * <p>
 * Deadlines (an offer that lapses, a decision that is overdue) are held back while the history is written and fire
 * right after it, as after a restart: otherwise one could fire between two steps of a scenario that are, on their
 * own dates, weeks apart. They are dated when they fell due, and the first start ends once they have fired.
 */
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Duration OVERDUE_WAIT = Duration.ofSeconds(60);
    private static final Duration DEADLINES_WAIT = Duration.ofSeconds(120);

    private final CommandGateway commands;
    private final ContractRenewals renewals;
    private final CommittedHorizon horizon;
    private final ChainHeadReader streams;
    private final Clock clock;
    private final StoryTime story;
    private final ObjectProvider<Scheduler> scheduler;
    private final int providerCount;
    private final int scalePercent;
    private final int threads;
    private final AtomicInteger refused = new AtomicInteger();

    DemoData(CommandGateway commands, ContractRenewals renewals, CommittedHorizon horizon, ChainHeadReader streams,
             Clock clock, StoryTime story, ObjectProvider<Scheduler> scheduler, DemoProperties properties) {
        this.commands = commands;
        this.renewals = renewals;
        this.horizon = horizon;
        this.streams = streams;
        this.clock = clock;
        this.story = story;
        this.scheduler = scheduler;
        this.providerCount = properties.providers();
        this.scalePercent = properties.scale();
        this.threads = properties.threads();
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (horizon.position() > 0) {
            return; // the history is written once, into an empty event store
        }
        long started = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = DomainTime.dateOf(now);
        int year = today.getYear();
        log.info("Empty event store: writing the demo year {} ({} providers, declarations at {} %)", year,
                providerCount, scalePercent);

        Random random = new Random(2027);
        List<DemoProvider> providers = DemoCast.providers(providerCount, random);
        // offers for next year go out in the autumn (seed 000: contracted care is published by 15 November)
        List<ScenarioPlan> plans = DemoPlanner.plan(providers, today.getMonthValue() >= 9, random);
        List<ContractScenario> scenarios = new ArrayList<>(plans.size());
        for (ScenarioPlan plan : plans) {
            int contractYear = plan.ending() == ScenarioPlan.Ending.OPEN_NEXT_YEAR ? year + 1 : year;
            scenarios.add(new ContractScenario(plan, DemoPolicies.of(plan.insurer(), contractYear), year, now,
                    scalePercent));
        }

        story.writing(true);
        try {
            write(year, scenarios, providers, now);
            awaitStoryDeadlines(now);
        } finally {
            story.writing(false);
        }

        ChainHeads written = streams.upTo(horizon.position());
        log.info("Demo data written in {} s: {} events in {} streams; {} insurers, {} providers, {} contracts, "
                        + "{} declarations{}", (System.nanoTime() - started) / 1_000_000_000, written.events(),
                written.heads().size(), DemoCast.INSURERS.size(), providers.size(),
                scenarios.size(), scenarios.stream().mapToInt(ContractScenario::declarations).sum(),
                refused.get() == 0 ? "" : "; " + refused.get() + " commands or claims lines refused (see the warnings)");
        log.info("Demo contents: {}", tally(scenarios));
        ContractScenario example = scenarios.stream()
                .filter(s -> s.facts().contains("kind NEGOTIATED") && s.facts().contains("increase APPROVED"))
                .findFirst().orElse(scenarios.get(0));
        log.info("Demo: try contract {} (/api/contracts/{}/timeline)", example.contractId(), example.contractId());
    }

    /** Commands and claims lines of the story that were refused: none, where the story follows the rules. */
    public int refused() {
        return refused.get();
    }

    private void write(int year, List<ContractScenario> scenarios, List<DemoProvider> providers, Instant now)
            throws Exception {
        Scheduler deadlines = scheduler.getIfAvailable();
        List<Remainder> waiting;
        // the yearly renewal in the autumn (YearlyRenewalStory), once the story has reached it; what comes after it on
        // the contracts it renews is written after it
        Instant renewal = YearlyRenewalStory.moment(year);
        boolean renews = renewal.isBefore(now);
        Map<ContractScenario, List<DemoStep>> later = new java.util.LinkedHashMap<>();
        if (renews) {
            scenarios.forEach(scenario -> later.put(scenario, YearlyRenewalStory.heldBack(scenario.steps(), renewal)));
        }
        if (deadlines != null) {
            deadlines.pause();
        }
        try {
            // seed 000: the purchasing policy for a year is published on 1 April before it; last year's too, for the
            // contracts of last year that the purchasers settle this spring
            for (int policyYear : new int[]{year - 1, year}) {
                Instant published = LocalDate.of(policyYear - 1, 4, 1).atTime(9, 0).atZone(DomainTime.AMSTERDAM)
                        .toInstant();
                for (DemoInsurer insurer : DemoCast.INSURERS) {
                    story.step(published, () -> send(DemoParty.purchaser(insurer),
                            "demo-policy-" + insurer.uzovi() + "-" + policyYear,
                            new PublishPurchasingPolicy(PublishPurchasingPolicy.policyIdOf(insurer.code(), policyYear),
                                    insurer.code(), policyYear, DemoPolicies.of(insurer, policyYear))));
                }
            }
            waiting = inParallel(scenarios, scenario -> run(scenario, before(scenario.steps(),
                    later.getOrDefault(scenario, List.of()))), "contracts");
        } finally {
            if (deadlines != null) {
                deadlines.resume();
                deadlines.triggerCheckForDueExecutions();
            }
        }
        // decisions taken after the decision period: once the deadline has marked the request overdue
        inParallel(waiting, remainder -> {
            awaitOverdue(remainder.await());
            return run(remainder.scenario(), remainder.steps());
        }, "late decisions");
        if (renews) {
            renew(year, scenarios, later, providers, now, deadlines);
        }
    }

    /**
     * The purchasers' yearly renewal on its day, the providers' answers, then what the scenarios do after it. The
     * deadlines wait meanwhile: an unsigned renewal expires (10 November) after the providers' answers are written.
     */
    private void renew(int year, List<ContractScenario> scenarios, Map<ContractScenario, List<DemoStep>> later,
                       List<DemoProvider> providers, Instant now, Scheduler deadlines) throws Exception {
        if (deadlines != null) {
            deadlines.pause();
        }
        try {
            String renewed = new YearlyRenewalStory(renewals, story, this::send, providers, year, now)
                    .write(DemoCast.INSURERS);
            log.info("Demo: the yearly renewal of {} on {}: {}", year, DomainTime.dateOf(YearlyRenewalStory
                    .moment(year)), renewed);
            List<ContractScenario> going = scenarios.stream().filter(s -> !later.get(s).isEmpty()).toList();
            inParallel(going, scenario -> run(scenario, later.get(scenario)), "contracts after the renewal");
        } finally {
            if (deadlines != null) {
                deadlines.resume();
                deadlines.triggerCheckForDueExecutions();
            }
        }
    }

    /** The steps of a scenario but those held back until after the renewal. */
    private static List<DemoStep> before(List<DemoStep> steps, List<DemoStep> heldBack) {
        if (heldBack.isEmpty()) {
            return steps;
        }
        java.util.Set<DemoStep> held = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        held.addAll(heldBack);
        return steps.stream().filter(step -> !held.contains(step)).toList();
    }

    /**
     * Until every deadline that fell due within the story has fired (offers expired, requests overdue): the history is
     * complete when the first start ends, and back-dated events are no longer written beside anyone's commands.
     */
    private void awaitStoryDeadlines(Instant storyEnd) throws InterruptedException {
        Scheduler deadlines = scheduler.getIfAvailable();
        if (deadlines == null) {
            return;
        }
        long deadline = System.nanoTime() + DEADLINES_WAIT.toNanos();
        while (true) {
            AtomicInteger due = new AtomicInteger();
            deadlines.fetchScheduledExecutions(ScheduledExecutionsFilter.all(), execution -> {
                boolean isDeadline = execution.getData() instanceof DbSchedulerBinaryDeadlineDetails
                        || execution.getData() instanceof DbSchedulerHumanReadableDeadlineDetails;
                // only those the scheduler can fire now: it runs on the system clock, which may be behind the story's
                if (isDeadline && execution.getExecutionTime().isBefore(storyEnd)
                        && execution.getExecutionTime().isBefore(Instant.now())) {
                    due.incrementAndGet();
                }
            });
            if (due.get() == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                log.warn("Demo: {} deadlines of the story have not fired within {} s; they fire later", due.get(),
                        DEADLINES_WAIT.toSeconds());
                return;
            }
            Thread.sleep(200);
        }
    }

    /** The rest of a scenario that waits for a request to become overdue. */
    private record Remainder(ContractScenario scenario, AwaitOverdue await, List<DemoStep> steps) {
    }

    private interface Work<T> {
        Remainder apply(T item) throws InterruptedException;
    }

    private <T> List<Remainder> inParallel(List<T> items, Work<T> work, String what) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "demo-data");
            thread.setDaemon(true);
            return thread;
        });
        try {
            AtomicInteger done = new AtomicInteger();
            int tenth = Math.max(1, items.size() / 10);
            List<Future<Remainder>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    Remainder remainder = work.apply(item);
                    int n = done.incrementAndGet();
                    if (n % tenth == 0 && items.size() >= 20) {
                        log.info("Demo data: {} of {} {}", n, items.size(), what);
                    }
                    return remainder;
                }));
            }
            List<Remainder> remainders = new ArrayList<>();
            for (Future<Remainder> future : futures) {
                Remainder remainder = future.get();
                if (remainder != null) {
                    remainders.add(remainder);
                }
            }
            return remainders;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the steps in order until one waits for an overdue request; a refused step ends its scenario. */
    private Remainder run(ContractScenario scenario, List<DemoStep> steps) {
        for (int i = 0; i < steps.size(); i++) {
            DemoStep step = steps.get(i);
            if (step.command() instanceof AwaitOverdue await) {
                return new Remainder(scenario, await, steps.subList(i + 1, steps.size()));
            }
            try {
                story.step(step.at(), () -> send(step.party(), scenario.correlationId(), step.command()));
            } catch (Exception e) {
                refused.incrementAndGet();
                log.warn("Demo contract {}: {} refused, the rest of its story is left out: {}", scenario.contractId(),
                        step.command().getClass().getSimpleName(), e.getMessage());
                return null;
            }
        }
        return null;
    }

    /** Until the request's decision deadline has fired and marked it overdue. */
    private void awaitOverdue(AwaitOverdue await) throws InterruptedException {
        // db-scheduler fires deadlines on the system clock: one due after it cannot fire now (a clock set ahead, as
        // the application's tests do), and waiting for it would only hold the story up
        if (await.dueAt().isAfter(Instant.now())) {
            log.warn("Demo: increase request {} on {} is due {}, after the scheduler's clock; deciding it now",
                    await.requestId(), await.ceilingId(), await.dueAt());
            return;
        }
        if (story.awaitDeadline(await.deadline(), OVERDUE_WAIT)) {
            return;
        }
        log.warn("Demo: increase request {} on {} was not marked overdue within {} s; deciding it anyway",
                await.requestId(), await.ceilingId(), OVERDUE_WAIT.toSeconds());
    }

    private Object send(DemoParty party, String correlationId, Object command) {
        Object result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(party.metadata(correlationId)));
        if (result instanceof List<?> outcomes) {
            for (Object outcome : outcomes) {
                if (outcome instanceof DeclarationOutcome line && line.status() != DeclarationStatus.ACCEPTED) {
                    refused.incrementAndGet();
                    log.warn("Demo declaration {} {}: {}", line.declarationId(), line.status(), line.reason());
                }
            }
        }
        return result;
    }

    private static Map<String, Integer> tally(List<ContractScenario> scenarios) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ContractScenario scenario : scenarios) {
            scenario.facts().forEach(fact -> counts.merge(fact, 1, Integer::sum));
        }
        return counts;
    }
}
