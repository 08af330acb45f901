package nl.ggz.contracts.webhooks;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The webhooks' settings ({@link WebhookProperties}); the rest of the module is components. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhooksConfiguration {
}
