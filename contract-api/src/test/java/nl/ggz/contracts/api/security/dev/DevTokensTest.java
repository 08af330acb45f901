package nl.ggz.contracts.api.security.dev;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The application hands out tokens only in the embedded trial: never beside a real database or issuer. */
class DevTokensTest {

    @Configuration(proxyBeanMethods = false)
    static class TheClock {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(TheClock.class, DevTokenConfiguration.class, DevTokenController.class);

    @Test
    void theEmbeddedDefaultSignsItsOwnTokens() {
        context.run(app -> assertThat(app).hasSingleBean(DevTokenController.class).hasSingleBean(JwtDecoder.class));
        context.withPropertyValues("spring.datasource.url=embedded")
                .run(app -> assertThat(app).hasSingleBean(DevTokenController.class));
    }

    @Test
    void thereIsNoTokenEndpointWithADatabaseOfYourOwn() {
        context.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example/ggz")
                .run(app -> assertThat(app).doesNotHaveBean(DevTokenController.class).doesNotHaveBean(JwtDecoder.class));
    }

    @Test
    void thereIsNoTokenEndpointWithAnIssuerConfigured() {
        context.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://sso.example/realms/ggz")
                .run(app -> assertThat(app).doesNotHaveBean(DevTokenController.class));
        context.withPropertyValues("spring.security.oauth2.resourceserver.jwt.public-key-location=file:/keys/pub.pem")
                .run(app -> assertThat(app).doesNotHaveBean(DevTokenController.class));
    }

    @Test
    void thereIsNoTokenEndpointInTheProductionProfile() {
        context.withPropertyValues("spring.profiles.active=production")
                .run(app -> assertThat(app).doesNotHaveBean(DevTokenController.class));
    }
}
