package nl.ggz.contracts.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.deadline.DeadlineManager;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The story's clocks, only where the demo can write its history: the demo on, on the embedded database. Anywhere else
 * (a database of record, the tests that leave the demo off) the application runs on its plain clocks.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ggz.demo.enabled", havingValue = "true")
@ConditionalOnBean(EmbeddedPostgres.class)
class StoryTimeConfiguration {

    /** Whatever asks the application's clock for the time while a step is written reads the story's moment too. */
    @Bean
    static BeanPostProcessor storyClockForTheApplication() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof Clock clock && !(bean instanceof StoryClock) ? new StoryClock(clock) : bean;
            }
        };
    }

    @Bean
    StoryTime storyTime(DeadlineManager deadlines) {
        return new StoryTime(deadlines);
    }
}
