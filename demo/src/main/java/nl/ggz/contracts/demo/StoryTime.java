package nl.ggz.contracts.demo;

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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Makes the clocks of the write path read the story's moment while the demo writes a step (see {@link StoryClock}):
 * <ul>
 *     <li>Axon's event clock ({@link GenericEventMessage#clock}), which stamps every event an aggregate applies — the
 *     timestamp the timeline, threshold dates, point in time and the audit export read, and the hash chain seals;</li>
 *     <li>the deadlines of the story. A deadline set in a step and already due then (an offer that lapsed last
 *     autumn, a decision overdue since May) fires once the history is written (see {@link DemoData}), on a thread of
 *     the scheduler: it is marked when set, and its handler then runs at the moment it fell due, so that the
 *     expiry or the overdue decision is dated when it happened. A deadline due after the story (the end of a term, an
 *     open offer) is left unmarked and fires in real time on the system's clock.</li>
 * </ul>
 * The application's {@link Clock} bean is wrapped in the same way (see {@link StoryTimeConfiguration}). Outside a
 * step every clock reads the time it read before.
 */
final class StoryTime implements DisposableBean {

    /** The deadline's metadata: the moment a deadline of the story fell due. */
    static final String DUE_AT = "demoStoryDueAt";

    private final Clock previousEventClock;
    private final boolean installed;
    private final StoryClock eventClock;
    private final List<Registration> interceptors;

    StoryTime(DeadlineManager deadlines) {
        this.previousEventClock = GenericEventMessage.clock;
        // another application context in this JVM (tests) may have put one in already: one is enough
        this.installed = !(previousEventClock instanceof StoryClock);
        this.eventClock = installed ? new StoryClock(previousEventClock) : (StoryClock) previousEventClock;
        if (installed) {
            GenericEventMessage.clock = eventClock;
        }
        this.interceptors = List.of(deadlines.registerDispatchInterceptor(new MarkStoryDeadlines()),
                deadlines.registerHandlerInterceptor(new RunAtTheirDueMoment()));
    }

    @Override
    public void destroy() {
        interceptors.forEach(Registration::cancel);
        if (installed && GenericEventMessage.clock == eventClock) {
            GenericEventMessage.clock = previousEventClock;
        }
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

    /** The story's moment for the whole unit of work of a marked deadline, its commit included. */
    private static final class RunAtTheirDueMoment implements MessageHandlerInterceptor<DeadlineMessage<?>> {
        @Override
        public Object handle(UnitOfWork<? extends DeadlineMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            if (unitOfWork.getMessage().getMetaData().get(DUE_AT) instanceof String due) {
                Instant before = StoryClock.enter(Instant.parse(due));
                unitOfWork.onCleanup(done -> StoryClock.restore(before));
            }
            return chain.proceed();
        }
    }
}
