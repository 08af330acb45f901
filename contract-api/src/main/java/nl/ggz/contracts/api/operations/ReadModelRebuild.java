package nl.ggz.contracts.api.operations;

import jakarta.annotation.PreDestroy;
import nl.ggz.contracts.api.problem.NotFoundException;
import nl.ggz.contracts.domain.shared.StateConflictException;
import nl.ggz.contracts.eventstore.EventStoreExtent;
import nl.ggz.contracts.eventstore.EventStoreHead;
import nl.ggz.contracts.jdbc.TableOwner;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds the streaming read models from the event store, blue/green, while the application runs and the old tables
 * keep serving. A rebuild copies the groups' tables, empty, into a shadow schema ({@link ShadowTables}) and replays
 * the whole store into them with one processor of its own ({@link ShadowProcessor}: the stream read once for all the
 * groups, a dead-letter queue per group). The live processors go on meanwhile, on the old tables. When the shadow has
 * replayed the store as it was at the start and has reached every live group's position, the swap: the live
 * processors of those groups and the shadow stop, and in one transaction the old tables are dropped, the shadow's move
 * into {@code public}, the live groups take the shadow's token (every segment) and its dead letters; then the live
 * processors start again from there. Readers see the old tables until the commit and the new ones after it — never an
 * empty view, never one behind the old. Abort drops the shadow; the old tables were never touched.
 * <p>
 * The subscribing processors (state tables, ledger) are not touched: they are written in the command's transaction and
 * the write side depends on them. The state of a rebuild lives on the node that runs it: a restart of that node ends
 * it (its shadow schema is dropped when the application starts, {@link #dropWhatARestartLeft}). The swap needs every
 * segment of the groups, so a rebuild is refused while another node holds one.
 */
@Component
public class ReadModelRebuild {

    static final String IDLE = "IDLE";
    static final String RUNNING = "RUNNING";
    static final String SWAPPING = "SWAPPING";
    static final String DONE = "DONE";
    static final String ABORTED = "ABORTED";
    static final String FAILED = "FAILED";

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final long WATCH_INTERVAL_MILLIS = 20;
    /** Events per transaction of the shadow processor (BENCHMARKS.md, measurement 8). */
    private static final int BATCH_SIZE = 1000;
    /** Longer than Axon's claim timeout (10 s): a node whose claim on the shadow is this fresh still runs it. */
    private static final Duration FRESH_CLAIM = Duration.ofSeconds(15);
    /** How long the swap waits for the shadow to pass what the live groups applied before they stopped. */
    private static final Duration LAST_STRETCH = Duration.ofSeconds(60);
    private static final Duration RESTART = Duration.ofSeconds(15);
    private static final int SWAP_ATTEMPTS = 3;

    private final EventProcessingConfiguration processing;
    private final EventStoreHead eventStore;
    private final Clock clock;
    private final ListableBeanFactory beans;
    private final ShadowProcessors shadowProcessors;
    private final ShadowTables shadowTables;
    private final StoredTokens tokens;
    private final DeadLetters deadLetters;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "read-model-rebuild-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Run run;

    public ReadModelRebuild(EventProcessingConfiguration processing, EventStoreHead eventStore, Clock clock,
                            ListableBeanFactory beans, ShadowProcessors shadowProcessors, StoredTokens tokens,
                            DeadLetters deadLetters, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.clock = clock;
        this.beans = beans;
        this.shadowProcessors = shadowProcessors;
        this.shadowTables = new ShadowTables(jdbc);
        this.tokens = tokens;
        this.deadLetters = deadLetters;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Starts rebuilding one group, or every streaming read model when {@code group} is null. */
    public synchronized RebuildProgress start(String group) {
        Run running = run;
        if (running != null && !running.finished()) {
            throw new StateConflictException("a rebuild is running since " + running.startedAt
                    + "; follow it at GET /api/admin/read-models/rebuild, or abort it with DELETE");
        }
        Map<String, List<Class<?>>> groups = group == null ? rebuildable() : Map.of(group, rebuildable(group));
        if (groups.isEmpty()) {
            throw new StateConflictException("there is no streaming read model to rebuild");
        }
        for (String name : groups.keySet()) {
            refuseWhenHeldElsewhere(name);
        }
        tokens.recentOwner(ShadowProcessor.NAME, FRESH_CLAIM, clock.instant()).ifPresent(owner -> {
            throw new StateConflictException("a rebuild runs on node " + owner + "; follow or abort it there");
        });
        List<String> tables = groups.values().stream().flatMap(classes -> tables(classes).stream()).toList();
        dropShadow(groups.keySet());
        EventStoreExtent store = eventStore.extent();
        ShadowProcessor shadow;
        try {
            shadowTables.create(tables);
            shadow = shadowProcessors.create(groups, BATCH_SIZE);
        } catch (RuntimeException e) {
            log.error("A rebuild of {} could not be started", groups.keySet(), e);
            dropShadow(groups.keySet());
            throw new StateConflictException("the rebuild could not be started: " + e.getMessage());
        }
        Run next = new Run(clock.instant(), System.nanoTime(), store.head(), store.events(),
                List.copyOf(groups.keySet()), tables, shadow);
        run = next;
        shadow.start();
        log.info("Rebuilding read models {} blue/green from the event store ({} events) into schema {}",
                next.groups, next.events, ShadowTables.SCHEMA);
        next.watch = watcher.scheduleWithFixedDelay(() -> watch(next), WATCH_INTERVAL_MILLIS,
                WATCH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        return progress();
    }

    /** Stops the running rebuild and drops its shadow; the live tables were never touched and go on serving. */
    public RebuildProgress abort() {
        Run current = run;
        if (current == null) {
            throw new StateConflictException("no rebuild is running on this node");
        }
        synchronized (current) {
            if (!RUNNING.equals(current.state)) {
                throw new StateConflictException("the rebuild is " + current.state + "; only a RUNNING one can be "
                        + "aborted");
            }
            current.state = ABORTED;
        }
        current.watch.cancel(false);
        current.shadow.shutDown();
        dropShadow(current.groups);
        current.endNanos = System.nanoTime();
        log.info("Rebuild of {} aborted; the live read models were not touched", current.groups);
        return progress();
    }

    public RebuildProgress progress() {
        long head = eventStore.position();
        Run current = run;
        long now = System.nanoTime();
        List<GroupProgress> groups = streaming().stream()
                .map(processor -> progress(processor, current, head, now))
                .toList();
        if (current == null) {
            return new RebuildProgress(IDLE, false, null, null, head, null, null, null, null, null, groups);
        }
        long until = current.endNanos != null ? current.endNanos : now;
        Long replay = current.caughtUpNanos == null ? null : (current.caughtUpNanos - current.startNanos) / 1_000_000;
        Double rate = current.caughtUpNanos == null ? null
                : perSecond(current.events, current.caughtUpNanos - current.startNanos);
        return new RebuildProgress(current.state, DONE.equals(current.state), current.startedAt,
                (until - current.startNanos) / 1_000_000, head, current.events, rate, replay, current.swapMillis,
                current.failure, groups);
    }

    private GroupProgress progress(StreamingEventProcessor processor, Run current, long head, long now) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        long position = position(segments);
        boolean caughtUp = reached(processor, segments, head);
        boolean replaying = replaying(segments);
        boolean error = processor.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState);
        if (current == null || !current.groups.contains(processor.getName())) {
            return new GroupProgress(processor.getName(), segments.size(), position, head, replaying, caughtUp,
                    caughtUp, error, null, null, null, null, null);
        }
        boolean done = DONE.equals(current.state);
        long rebuildPosition = done ? position : current.shadowPosition;
        long until = current.caughtUpNanos != null ? current.caughtUpNanos
                : current.endNanos != null ? current.endNanos : now;
        // positions are global indexes (a bigserial, so nearly without gaps): a fair measure of events behind it
        long replayed = done || current.caughtUpNanos != null || current.head == 0 ? current.events
                : Math.round((double) current.events * Math.min(rebuildPosition, current.head) / current.head);
        return new GroupProgress(processor.getName(), segments.size(), position, head, replaying, caughtUp, done,
                error || current.shadowError, replayed, perSecond(replayed, until - current.startNanos),
                (until - current.startNanos) / 1_000_000, rebuildPosition,
                deadLetters.count(ShadowProcessor.deadLetterGroup(processor.getName())));
    }

    private void watch(Run current) {
        try {
            if (!RUNNING.equals(current.state)) {
                return;
            }
            OptionalLong shadowPosition = covered(current.shadow.segments());
            current.shadowError = current.shadow.isError();
            if (shadowPosition.isEmpty()) {
                return;
            }
            current.shadowPosition = shadowPosition.getAsLong();
            long now = System.nanoTime();
            if (current.caughtUpNanos == null && current.shadowPosition >= current.head) {
                current.caughtUpNanos = now;
                log.info("Rebuild replayed {} events in {} ms ({} events/s); swapping it in once it has what the "
                                + "live read models have", current.events, (now - current.startNanos) / 1_000_000,
                        perSecond(current.events, now - current.startNanos));
                // statistics for the planner while the old tables still serve: the swap itself stays short
                shadowTables.analyze(current.tables);
            }
            if (current.caughtUpNanos == null || current.shadowPosition < livePosition(current.groups)) {
                return;
            }
            synchronized (current) {
                if (!RUNNING.equals(current.state)) {
                    return;
                }
                current.state = SWAPPING;
            }
            current.watch.cancel(false);
            swap(current);
        } catch (RuntimeException e) {
            log.error("Watching the rebuild failed", e);
            fail(current, "watching the rebuild failed: " + e.getMessage());
        }
    }

    /**
     * The live processors stop (each finishes its batch and releases its segments); the shadow goes on until it holds
     * every event they applied, then stops too; one transaction swaps tables, tokens and dead letters; the live
     * processors start again from the shadow's token. Readers meanwhile see the old tables, then the new ones.
     */
    private void swap(Run current) {
        long started = System.nanoTime();
        List<StreamingEventProcessor> live = current.groups.stream().map(this::processor).toList();
        boolean swapped = false;
        try {
            // at once: each finishes its batch and releases its segments
            live.stream().map(StreamingEventProcessor::shutdownAsync).toList()
                    .forEach(java.util.concurrent.CompletableFuture::join);
            long target = current.groups.stream().map(tokens::lowestPosition)
                    .mapToLong(p -> p.orElse(0)).max().orElse(0);
            awaitShadow(current, target);
            current.shadow.shutDown();
            swapInOneTransaction(current);
            swapped = true;
            log.info("Rebuild of {} swapped in: the read models now serve the rebuilt tables", current.groups);
        } catch (RuntimeException | InterruptedException e) {
            log.error("The swap of the rebuild failed; the old read models go on", e);
            current.failure = "the swap failed: " + e.getMessage();
            current.state = FAILED;
            current.shadow.shutDown();
            dropShadow(current.groups);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            live.forEach(StreamingEventProcessor::start);
            current.swapMillis = (System.nanoTime() - started) / 1_000_000;
            awaitClaimed(live);
            current.endNanos = System.nanoTime();
            if (swapped) {
                current.state = DONE;
            }
        }
    }

    private void awaitShadow(Run current, long target) throws InterruptedException {
        long deadline = System.nanoTime() + LAST_STRETCH.toNanos();
        while (covered(current.shadow.segments()).orElse(-1) < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not reach position " + target + " of the live read "
                        + "models within " + LAST_STRETCH.toSeconds() + " s");
            }
            Thread.sleep(WATCH_INTERVAL_MILLIS);
        }
    }

    private void swapInOneTransaction(Run current) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> {
                    // readers queue behind the swap's locks: it waits this long for a long read, then tries again
                    jdbc.execute("SET LOCAL lock_timeout = '5s'");
                    tokens.handOver(ShadowProcessor.NAME, current.groups);
                    current.groups.forEach(group -> deadLetters.handOver(ShadowProcessor.deadLetterGroup(group),
                            group));
                    shadowTables.swap(current.tables);
                });
                return;
            } catch (RuntimeException e) {
                if (attempt == SWAP_ATTEMPTS) {
                    throw e;
                }
                log.warn("Swap attempt {} of the rebuild failed ({}); trying again", attempt, e.getMessage());
            }
        }
    }

    private void fail(Run current, String failure) {
        synchronized (current) {
            if (current.finished()) {
                return;
            }
            current.state = FAILED;
        }
        current.failure = failure;
        current.watch.cancel(false);
        current.shadow.shutDown();
        dropShadow(current.groups);
        current.endNanos = System.nanoTime();
    }

    /** The shadow schema, the rebuild's token and its dead letters: gone. */
    private void dropShadow(Collection<String> groups) {
        shadowTables.drop();
        tokens.delete(ShadowProcessor.NAME);
        groups.forEach(group -> deadLetters.deleteAll(ShadowProcessor.deadLetterGroup(group)));
    }

    /**
     * A rebuild does not survive a restart of the node that ran it: what it left (shadow schema, token, dead letters)
     * goes, and the operator starts it again. A rebuild another node is running (its claim on the shadow is fresh) is
     * left alone.
     */
    @EventListener(ApplicationReadyEvent.class)
    void dropWhatARestartLeft() {
        Optional<String> owner = tokens.recentOwner(ShadowProcessor.NAME, FRESH_CLAIM, clock.instant());
        if (owner.isPresent()) {
            log.info("A rebuild of the read models runs on node {}", owner.get());
            return;
        }
        int letters = deadLetters.deleteGroupsStartingWith(ShadowProcessor.deadLetterGroup(""));
        if (shadowTables.exists() || tokens.lowestPosition(ShadowProcessor.NAME).isPresent() || letters > 0) {
            log.warn("A rebuild of the read models was under way when the application stopped: its schema {} is "
                    + "dropped, the live read models serve as before; start the rebuild again", ShadowTables.SCHEMA);
            shadowTables.drop();
            tokens.delete(ShadowProcessor.NAME);
        }
    }

    /** The processors of the groups are running here again and hold their segments (or a while has passed). */
    private static void awaitClaimed(List<StreamingEventProcessor> live) {
        long deadline = System.nanoTime() + RESTART.toNanos();
        while (System.nanoTime() < deadline
                && !live.stream().allMatch(p -> covered(p.processingStatus().values()).isPresent())) {
            try {
                Thread.sleep(WATCH_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The position every one of the live groups has reached; read from the tokens when a group is not running here. */
    private long livePosition(List<String> groups) {
        long highest = 0;
        for (String group : groups) {
            OptionalLong position = covered(processor(group).processingStatus().values());
            highest = Math.max(highest, position.isPresent() ? position.getAsLong()
                    : tokens.lowestPosition(group).orElse(0));
        }
        return highest;
    }

    private void refuseWhenHeldElsewhere(String group) {
        Set<Integer> here = processor(group).processingStatus().keySet();
        tokens.owners(group).forEach((segment, owner) -> {
            if (!here.contains(segment)) {
                throw new StateConflictException("group '" + group + "' could not be rebuilt: segment " + segment
                        + " is held by " + owner + "; is it running on another node?");
            }
        });
    }

    /**
     * Every streaming group whose handlers all say which tables they own: those can be rebuilt in a shadow. A group
     * of handlers that keep their state elsewhere is left out.
     */
    private Map<String, List<Class<?>>> rebuildable() {
        Map<String, List<Class<?>>> groups = new LinkedHashMap<>();
        for (StreamingEventProcessor processor : streaming()) {
            List<Class<?>> classes = projectionClasses(processor.getName());
            if (processor.supportsReset() && !classes.isEmpty() && !tables(classes).isEmpty()
                    && classes.stream().allMatch(TableOwner.class::isAssignableFrom)) {
                groups.put(processor.getName(), classes);
            } else {
                log.info("Read model [{}] keeps no tables of its own: not rebuilt", processor.getName());
            }
        }
        return groups;
    }

    private List<Class<?>> rebuildable(String group) {
        StreamingEventProcessor processor = processing.eventProcessorByProcessingGroup(group)
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .orElseThrow(() -> new NotFoundException("no streaming read model '" + group + "'"));
        List<Class<?>> classes = projectionClasses(processor.getName());
        if (!processor.supportsReset() || classes.isEmpty()
                || !classes.stream().allMatch(TableOwner.class::isAssignableFrom)) {
            throw new StateConflictException("the handlers of '" + group + "' do not support a rebuild");
        }
        return classes;
    }

    /** The classes of the beans whose {@code @ProcessingGroup} is the group. */
    private List<Class<?>> projectionClasses(String group) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            Class<?> type = beans.getType(name);
            if (type == null) {
                continue;
            }
            Class<?> user = ClassUtils.getUserClass(type);
            ProcessingGroup annotation = AnnotationUtils.findAnnotation(user, ProcessingGroup.class);
            if (annotation != null && annotation.value().equals(group)) {
                classes.add(user);
            }
        }
        return classes;
    }

    /** The tables the live beans of these classes own. */
    private List<String> tables(List<Class<?>> classes) {
        Set<String> tables = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            beans.getBeansOfType(type).values().stream()
                    .filter(TableOwner.class::isInstance)
                    .forEach(owner -> tables.addAll(((TableOwner) owner).tables()));
        }
        return List.copyOf(tables);
    }

    /**
     * Caught up with {@code position}: this node holds segments that together cover the group, none is failing, and
     * each has committed its work up to that position (a segment's token moves on past events of other segments too).
     * Axon's own flags do not serve here: a ReplayToken reports "replaying" until the first event after the reset
     * point arrives, and "caught up" may be missed when the last batch ends as the stream runs dry.
     */
    private static boolean reached(StreamingEventProcessor processor, Collection<EventTrackerStatus> segments,
                                   long position) {
        return processor.isRunning() && covered(segments).orElse(-1) >= position;
    }

    /** The lowest position of segments that together cover the stream, none failing; empty otherwise. */
    private static OptionalLong covered(Collection<EventTrackerStatus> segments) {
        double coverage = 0;
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : segments) {
            if (segment.isErrorState()) {
                return OptionalLong.empty();
            }
            lowest = Math.min(lowest, segment.getCurrentPosition().orElse(0));
            coverage += 1.0 / (segment.getSegment().getMask() + 1);
        }
        return coverage > 0.999 ? OptionalLong.of(lowest) : OptionalLong.empty();
    }

    /** Replaying: a segment is still short of the position its reset started from, re-reading events it had seen. */
    private static boolean replaying(Collection<EventTrackerStatus> segments) {
        return segments.stream().anyMatch(s -> s.isReplaying()
                && s.getCurrentPosition().orElse(0) < s.getResetPosition().orElse(Long.MAX_VALUE));
    }

    /** The lowest position of the segments: every segment has seen at least the events up to it. */
    private static long position(Collection<EventTrackerStatus> segments) {
        return segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(0);
    }

    /** Events per second, rounded to whole events: finer digits would suggest a precision the clock does not have. */
    private static double perSecond(long events, long nanos) {
        return nanos <= 0 ? 0 : Math.round(events * 1e9 / nanos);
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
    }

    private List<StreamingEventProcessor> streaming() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .toList();
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
        Run current = run;
        if (current != null && !current.finished()) {
            // the shadow schema stays until the next start drops it
            current.shadow.shutDown();
        }
    }

    /** One rebuild; written by the request that starts it and by the watcher, read by anyone. */
    private static final class Run {
        final Instant startedAt;
        final long startNanos;
        final long head;
        final long events;
        final List<String> groups;
        final List<String> tables;
        final ShadowProcessor shadow;
        volatile String state = RUNNING;
        volatile ScheduledFuture<?> watch;
        volatile long shadowPosition;
        volatile boolean shadowError;
        volatile Long caughtUpNanos;
        volatile Long endNanos;
        volatile Long swapMillis;
        volatile String failure;

        Run(Instant startedAt, long startNanos, long head, long events, List<String> groups, List<String> tables,
            ShadowProcessor shadow) {
            this.startedAt = startedAt;
            this.startNanos = startNanos;
            this.head = head;
            this.events = events;
            this.groups = groups;
            this.tables = tables;
            this.shadow = shadow;
        }

        boolean finished() {
            return DONE.equals(state) || FAILED.equals(state) || ABORTED.equals(state);
        }
    }
}
