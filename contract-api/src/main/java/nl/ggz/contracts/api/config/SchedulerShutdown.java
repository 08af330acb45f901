package nl.ggz.contracts.api.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stops db-scheduler before the beans go. Axon's deadline task finds its DbSchedulerDeadlineManager by class; during
 * a graceful shutdown that bean is destroyed before the scheduler it depends on, so a deadline picked up in that
 * moment failed and waited for db-scheduler's retry, minutes later. Stopped first, the scheduler lets a running
 * deadline finish and picks up none after; the next start (or another node) fires the rest on time.
 */
@Component
public class SchedulerShutdown implements SmartLifecycle {

    private final ObjectProvider<Scheduler> scheduler;
    private volatile boolean running;

    public SchedulerShutdown(ObjectProvider<Scheduler> scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.ifAvailable(Scheduler::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The highest phase stops first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
