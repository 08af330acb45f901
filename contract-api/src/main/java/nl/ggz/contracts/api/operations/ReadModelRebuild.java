package nl.ggz.contracts.api.operations;

import jakarta.annotation.PreDestroy;
import nl.ggz.contracts.api.problem.NotFoundException;
import nl.ggz.contracts.domain.shared.StateConflictException;
import nl.ggz.contracts.eventstore.EventStoreExtent;
import nl.ggz.contracts.eventstore.EventStoreHead;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds the streaming read models from the event store while the application runs. Per group: shut the processor
 * down (it finishes its batch and releases its segments), reset its tokens to the start of the store — in the same
 * transaction its {@code @ResetHandler}s empty its tables and its dead letters are cleared — and start it again; it
 * then replays every event and goes on with new ones as if nothing happened. The subscribing processors (state
 * tables, ledger) are not touched: they are written in the command's transaction and the write side depends on them.
 * <p>
 * A watcher notes the moment each group has caught up with the head as it was at the start; the rebuild's speed is
 * the events replayed over the time until the last group did (how that compares with a plain read of the event table
 * is measurement 8 of the benchmarks). The state of a rebuild lives on the node that runs it; the reset needs every
 * segment of the group, so other nodes must not be running the group meanwhile.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final long WATCH_INTERVAL_MILLIS = 20;

    private final EventProcessingConfiguration processing;
    private final EventStoreHead eventStore;
    private final Clock clock;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Run run;

    public ReadModelRebuild(EventProcessingConfiguration processing, EventStoreHead eventStore, Clock clock) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    /** Starts rebuilding one group, or every streaming group when {@code group} is null. */
    public synchronized RebuildProgress start(String group) {
        List<StreamingEventProcessor> processors = group == null ? resettable() : List.of(resettable(group));
        Run running = run;
        if (running != null && !running.finished()) {
            throw new StateConflictException("a rebuild is running since " + running.startedAt
                    + "; follow it at GET /api/admin/read-models/rebuild");
        }
        if (processors.isEmpty()) {
            throw new StateConflictException("there is no streaming read model to rebuild");
        }
        EventStoreExtent store = eventStore.extent();
        Run next = new Run(clock.instant(), System.nanoTime(), store.head(), store.events());
        run = next;
        for (StreamingEventProcessor processor : processors) {
            try {
                processor.shutDown();
                processor.resetTokens(StreamableMessageSource::createTailToken);
            } catch (RuntimeException e) {
                // typically a segment still claimed by another node: this group goes on where it was
                log.error("Rebuild of [{}] refused", processor.getName(), e);
                next.failure = "group '" + processor.getName() + "' could not be reset (" + e.getMessage()
                        + "); is it running on another node?";
            } finally {
                processor.start();
            }
            if (next.failure != null) {
                break;
            }
            next.groups.put(processor.getName(), new GroupRun(System.nanoTime()));
            log.info("Rebuilding read model [{}] from the event store ({} events)", processor.getName(), next.events);
        }
        if (next.groups.isEmpty()) {
            next.rebuiltAt = System.nanoTime();
            next.complete = true;
        } else {
            next.watch = watcher.scheduleWithFixedDelay(() -> watch(next), WATCH_INTERVAL_MILLIS,
                    WATCH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }
        if (next.failure != null) {
            throw new StateConflictException(next.failure);
        }
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
            return new RebuildProgress("IDLE", false, null, null, head, null, null, null, groups);
        }
        long until = current.rebuiltAt != null ? current.rebuiltAt : now;
        Double rate = current.rebuiltAt == null ? null : perSecond(current.events, until - current.startNanos);
        boolean finished = current.finished();
        String state = !finished ? "RUNNING" : current.failure == null ? "DONE" : "FAILED";
        return new RebuildProgress(state, finished && current.failure == null, current.startedAt,
                (until - current.startNanos) / 1_000_000, head, current.events, rate, current.failure, groups);
    }

    private GroupProgress progress(StreamingEventProcessor processor, Run current, long head, long now) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        long position = position(segments);
        boolean caughtUp = reached(processor, segments, head);
        boolean replaying = replaying(segments);
        boolean error = processor.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState);
        GroupRun group = current == null ? null : current.groups.get(processor.getName());
        if (group == null) {
            return new GroupProgress(processor.getName(), segments.size(), position, head, replaying, caughtUp,
                    caughtUp, error, null, null, null);
        }
        boolean done = group.doneNanos != null;
        long elapsed = (done ? group.doneNanos : now) - group.startNanos;
        // positions are global indexes (a bigserial, so nearly without gaps): a fair measure of events behind it
        long replayed = done || current.head == 0 ? current.events
                : Math.round((double) current.events * Math.min(position, current.head) / current.head);
        return new GroupProgress(processor.getName(), segments.size(), position, head, replaying, caughtUp, done,
                error, replayed, perSecond(replayed, elapsed), elapsed / 1_000_000);
    }

    private void watch(Run current) {
        if (current.complete || current.watch == null) {
            return;
        }
        try {
            long now = System.nanoTime();
            boolean all = true;
            for (Map.Entry<String, GroupRun> entry : current.groups.entrySet()) {
                GroupRun group = entry.getValue();
                if (group.doneNanos == null) {
                    StreamingEventProcessor processor = processing
                            .eventProcessor(entry.getKey(), StreamingEventProcessor.class).orElseThrow();
                    if (reached(processor, processor.processingStatus().values(), current.head)) {
                        group.doneNanos = now;
                        log.info("Read model [{}] rebuilt in {} ms", entry.getKey(),
                                (now - group.startNanos) / 1_000_000);
                    } else {
                        all = false;
                    }
                }
            }
            if (!all) {
                return;
            }
            current.rebuiltAt = current.groups.values().stream().mapToLong(g -> g.doneNanos).max()
                    .orElse(System.nanoTime());
            current.watch.cancel(false);
            log.info("Rebuild done: {} events at {} events/s", current.events,
                    perSecond(current.events, current.rebuiltAt - current.startNanos));
        } catch (RuntimeException e) {
            log.error("Watching the rebuild failed", e);
            current.failure = "watching the rebuild failed: " + e.getMessage();
            current.rebuiltAt = current.rebuiltAt == null ? System.nanoTime() : current.rebuiltAt;
            current.watch.cancel(false);
        } finally {
            if (current.rebuiltAt != null) {
                current.complete = true;
            }
        }
    }

    /**
     * Caught up with {@code position}: this node holds segments that together cover the group, none is failing, and
     * each has committed its work up to that position (a segment's token moves on past events of other segments too).
     * Axon's own flags do not serve here: a ReplayToken reports "replaying" until the first event after the reset
     * point arrives, and "caught up" may be missed when the last batch ends as the stream runs dry.
     */
    private static boolean reached(StreamingEventProcessor processor, Collection<EventTrackerStatus> segments,
                                   long position) {
        if (!processor.isRunning() || segments.isEmpty()) {
            return false;
        }
        double coverage = 0;
        for (EventTrackerStatus segment : segments) {
            if (segment.isErrorState() || segment.getCurrentPosition().orElse(0) < position) {
                return false;
            }
            coverage += 1.0 / (segment.getSegment().getMask() + 1);
        }
        return coverage > 0.999;
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

    private List<StreamingEventProcessor> streaming() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .toList();
    }

    private List<StreamingEventProcessor> resettable() {
        return streaming().stream().filter(StreamingEventProcessor::supportsReset).toList();
    }

    private StreamingEventProcessor resettable(String group) {
        StreamingEventProcessor processor = processing.eventProcessorByProcessingGroup(group)
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .orElseThrow(() -> new NotFoundException("no streaming read model '" + group + "'"));
        if (!processor.supportsReset()) {
            throw new StateConflictException("the handlers of '" + group + "' do not support a rebuild");
        }
        return processor;
    }

    @PreDestroy
    void stopWatching() {
        watcher.shutdownNow();
    }

    /** One rebuild; written by the request that starts it and by the watcher, read by anyone. */
    private static final class Run {
        final Instant startedAt;
        final long startNanos;
        final long head;
        final long events;
        final Map<String, GroupRun> groups = new ConcurrentHashMap<>();
        volatile ScheduledFuture<?> watch;
        volatile Long rebuiltAt;
        volatile String failure;
        volatile boolean complete;

        Run(Instant startedAt, long startNanos, long head, long events) {
            this.startedAt = startedAt;
            this.startNanos = startNanos;
            this.head = head;
            this.events = events;
        }

        boolean finished() {
            return complete;
        }
    }

    private static final class GroupRun {
        final long startNanos;
        volatile Long doneNanos;

        GroupRun(long startNanos) {
            this.startNanos = startNanos;
        }
    }
}
