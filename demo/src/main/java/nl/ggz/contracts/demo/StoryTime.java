package nl.ggz.contracts.demo;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.DisposableBean;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;

/**
 * Writes the demo's steps at the story's moments (see {@link StoryClock}), through the clocks the write path already
 * reads:
 * <ul>
 *     <li>Axon's event clock ({@link GenericEventMessage#clock}), which stamps every event an aggregate applies — the
 *     timestamp the timeline, threshold dates, point in time and the audit export read, and the hash chain seals;</li>
 *     <li>the deadlines of the story. A deadline set in a step and already due then (an offer that lapsed last
 *     autumn, a decision overdue since May) fires once the history is written (see {@link DemoData}), on a thread of
 *     the scheduler: it is marked when set, and its handler then runs at the moment it fell due, so that the expiry
 *     or the overdue decision is dated when it happened, and the demo learns that it has fired (a late decision
 *     waits for it). A deadline due after the story (the end of a term, an open offer) is left unmarked and fires in
 *     real time on the system's clock;</li>
 *     <li>the application's {@link Clock} bean, wrapped by {@link DemoConfiguration}.</li>
 * </ul>
 * <b>One write at a time while the story is written.</b> Axon's tracking processors take the event timestamp for
 * the moment an event was stored: a gap in the global positions before an event older than the gap timeout (a minute)
 * is taken as a rolled-back write and skipped for good ({@code JdbcEventStorageEngine}, {@code allowGaps}). Back-dated
 * events appended by several threads would make every position still being committed by another thread look like
 * such a gap, and the streaming views (timeline, monitoring, reports) would silently miss its events. So the story's
 * steps, its deadlines and, while the demo writes, every other command take turns: a position is committed before
 * the next one is drawn.
 */
final class StoryTime implements DisposableBean {

    /** The deadline's metadata: the moment a deadline of the story fell due. */
    static final String DUE_AT = "demoStoryDueAt";

    private final ReentrantLock writes = new ReentrantLock();
    private volatile boolean writing;
    private final Clock previousEventClock;
    private final boolean installed;
    private final StoryClock eventClock;
    private final List<Registration> interceptors;
    /** The payloads of the story's deadlines that have fired and committed (a decision deadline's is its request id). */
    private final Set<Object> fired = new HashSet<>();

    StoryTime(DeadlineManager deadlines, CommandBus commands) {
        this.previousEventClock = GenericEventMessage.clock;
        // another application context in this JVM (tests) may have put one in already: one is enough
        this.installed = !(previousEventClock instanceof StoryClock);
        this.eventClock = installed ? new StoryClock(previousEventClock) : (StoryClock) previousEventClock;
        if (installed) {
            GenericEventMessage.clock = eventClock;
        }
        this.interceptors = List.of(deadlines.registerDispatchInterceptor(new MarkStoryDeadlines()),
                deadlines.registerHandlerInterceptor(new RunAtTheirDueMoment()),
                commands.registerHandlerInterceptor(new OneWriteAtATime()));
    }

    /** Runs one step of the story at its moment, as the only write under way. */
    <T> T step(Instant moment, Callable<T> work) throws Exception {
        writes.lock();
        try {
            return StoryClock.at(moment, work);
        } finally {
            writes.unlock();
        }
    }

    /**
     * Waits until a deadline of the story with this payload has fired and its events are committed; false when it
     * did not within the time given.
     */
    synchronized boolean awaitDeadline(Object payload, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!fired.contains(payload)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private synchronized void fired(Object payload) {
        if (payload != null) {
            fired.add(payload);
            notifyAll();
        }
    }

    /** While the story is written (its deadlines included), commands of anyone else wait their turn too. */
    void writing(boolean writing) {
        this.writing = writing;
    }

    @Override
    public void destroy() {
        interceptors.forEach(Registration::cancel);
        if (installed && GenericEventMessage.clock == eventClock) {
            GenericEventMessage.clock = previousEventClock;
        }
    }

    /** Holds the turn for the whole unit of work, its commit included: that is when the positions become visible. */
    private void takeTurn(UnitOfWork<?> unitOfWork) {
        writes.lock();
        unitOfWork.onCleanup(done -> writes.unlock());
    }

    /** Runs on the thread that sets the deadline, where a deadline message's timestamp is the moment it falls due. */
    private final class MarkStoryDeadlines implements MessageDispatchInterceptor<DeadlineMessage<?>> {
        @Override
        public BiFunction<Integer, DeadlineMessage<?>, DeadlineMessage<?>> handle(
                List<? extends DeadlineMessage<?>> messages) {
            return (index, message) -> StoryClock.inStory()
                    && message.getTimestamp().isBefore(eventClock.outsideStory())
                    ? message.andMetaData(Map.of(DUE_AT, message.getTimestamp().toString()))
                    : message;
        }
    }

    /** The story's moment, and the turn to write, for the whole unit of work of a marked deadline. */
    private final class RunAtTheirDueMoment implements MessageHandlerInterceptor<DeadlineMessage<?>> {
        @Override
        public Object handle(UnitOfWork<? extends DeadlineMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            if (unitOfWork.getMessage().getMetaData().get(DUE_AT) instanceof String due) {
                takeTurn(unitOfWork);
                Instant before = StoryClock.enter(Instant.parse(due));
                unitOfWork.onCleanup(done -> StoryClock.restore(before));
                Object payload = unitOfWork.getMessage().getPayload();
                unitOfWork.afterCommit(done -> fired(payload));
            }
            return chain.proceed();
        }
    }

    /** A command sent while the story is written (a step's own, or a caller's) waits until no other is under way. */
    private final class OneWriteAtATime implements MessageHandlerInterceptor<CommandMessage<?>> {
        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            if (writing && unitOfWork.isRoot()) {
                takeTurn(unitOfWork);
            }
            return chain.proceed();
        }
    }
}
