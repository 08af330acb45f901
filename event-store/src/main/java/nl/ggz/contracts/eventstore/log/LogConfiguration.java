package nl.ggz.contracts.eventstore.log;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The verifiable log's settings ({@link LogProperties}); its appender and reader are components of this package. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LogProperties.class, LogTimestampProperties.class, LogWitnessProperties.class})
public class LogConfiguration {
}
