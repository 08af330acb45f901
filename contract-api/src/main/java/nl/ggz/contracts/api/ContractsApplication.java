package nl.ggz.contracts.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// the application and the modules it is made of; the demo comes in as an auto-configuration of its own, when present
// Spring Boot's authorization server defaults are left out: the trial's identity provider is configured in full in
// security/dev, and production has none (it would otherwise get a key and a decoder it never uses)
@SpringBootApplication(scanBasePackages = {"nl.ggz.contracts.api", "nl.ggz.contracts.eventstore",
        "nl.ggz.contracts.writestore", "nl.ggz.contracts.projections", "nl.ggz.contracts.webhooks"},
        exclude = {OAuth2AuthorizationServerAutoConfiguration.class, OAuth2AuthorizationServerJwtAutoConfiguration.class})
@ConfigurationPropertiesScan
public class ContractsApplication {

    public static void main(String[] args) {
        // Axon's update checker calls home at start-up; an insurer's backend does not
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        SpringApplication.run(ContractsApplication.class, args);
    }
}
