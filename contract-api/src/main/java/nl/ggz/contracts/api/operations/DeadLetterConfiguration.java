package nl.ggz.contracts.api.operations;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dead-letter behaviour of every processing group that has {@code axon.eventhandling.processors.<name>.dlq.enabled}
 * (Axon's JdbcAutoConfiguration gives those groups a JdbcSequencedDeadLetterQueue on table deadletterentry).
 * <p>
 * Axon keeps one invoker configuration per group and a second registration replaces the first, so everything is set
 * here, and {@code dlq.cache} must not be set in application.yml (Axon's own registration would replace this one):
 * <ul>
 *     <li>every parked event is logged (Axon itself logs only the events that follow it into the queue);</li>
 *     <li>a reset clears the group's dead letters: a rebuild replays those events anyway, and a letter kept across it
 *     would be applied twice on retry;</li>
 *     <li>a batch that fails to commit is applied again an event at a time ({@link ReadModelIsolation}), so that even a
 *     failure PostgreSQL raises at commit is parked with its own event and never stops the group;</li>
 *     <li>the sequence-identifier cache: without it every event costs a query on deadletterentry to learn whether
 *     its sequence is parked, which halves the speed of a rebuild.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    ConfigurerModule deadLetterBehaviour(EventProcessorProperties properties, ReadModelIsolation isolation) {
        return configurer -> properties.getProcessors().forEach((group, settings) -> {
            if (!settings.getDlq().isEnabled()) {
                return;
            }
            int cacheSize = settings.getDlq().getCache().getSize();
            configurer.eventProcessing()
                    .registerHandlerInterceptor(group, c -> isolation.interceptorFor(group))
                    .registerDeadLetterPolicy(group, c -> new LoggingEnqueuePolicy(group))
                    .registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, invoker) -> invoker
                            .allowReset(true)
                            .enableSequenceIdentifierCache()
                            .sequenceIdentifierCacheSize(cacheSize));
        });
    }
}
