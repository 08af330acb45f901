package nl.ggz.contracts.eventstore.checkpoint;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Takes a checkpoint every {@code ggz.audit.checkpoint-interval} (10 minutes), skipped when nothing was written since
 * the last. A db-scheduler task, like the deadlines: with several nodes one of them runs it, and a restart does not
 * reset the interval.
 */
@Configuration(proxyBeanMethods = false)
public class AuditCheckpointSchedule {

    public static final String NAME = "audit-checkpoint";

    @Bean
    RecurringTask<Void> auditCheckpointTask(AuditCheckpoints checkpoints,
                                            @Value("${ggz.audit.checkpoint-interval:10m}") Duration interval) {
        return Tasks.recurring(NAME, FixedDelay.of(interval))
                .execute((instance, context) -> checkpoints.takeIfNew());
    }
}
