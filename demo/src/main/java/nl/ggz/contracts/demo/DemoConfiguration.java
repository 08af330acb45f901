package nl.ggz.contracts.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.deadline.DeadlineManager;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * The demo joins the application when its module is on the class path — the run command's jar has it, production code
 * paths never call it — and only where {@code ggz.demo.enabled} is true on the embedded database: demo data belongs to
 * the embedded default, never to a database of record. There it writes its history on the first start
 * ({@link DemoData}) at the story's own moments ({@link StoryTime}); anywhere else the application runs on its plain
 * clocks.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "ggz.demo.enabled", havingValue = "true")
@ConditionalOnBean(EmbeddedPostgres.class)
@EnableConfigurationProperties(DemoProperties.class)
@Import(DemoData.class)
public class DemoConfiguration {

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
    StoryTime storyTime(DeadlineManager deadlines, CommandBus commands) {
        return new StoryTime(deadlines, commands);
    }
}
