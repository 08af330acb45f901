package nl.ggz.contracts.eventstore.checkpoint;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import nl.ggz.contracts.eventstore.AuditProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Takes a checkpoint every {@code ggz.audit.checkpoint-interval} ({@link AuditProperties}), skipped when nothing was
 * written since the last. A db-scheduler task, like the deadlines: with several nodes one of them runs it, and a restart
 * does not reset the interval.
 */
@Configuration(proxyBeanMethods = false)
public class AuditCheckpointSchedule {

    public static final String NAME = "audit-checkpoint";

    @Bean
    RecurringTask<Void> auditCheckpointTask(AuditCheckpoints checkpoints, AuditProperties settings) {
        return Tasks.recurring(NAME, FixedDelay.of(settings.checkpointInterval()))
                .execute((instance, context) -> checkpoints.takeIfNew());
    }
}
