package nl.ggz.contracts.api.security.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.ggz.contracts.api.security.ClaimMapping;
import nl.ggz.contracts.api.security.IssuerSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The application hands out tokens only in the embedded trial: never beside a real database, issuer, key or audience. */
class DevTokensTest {

    @Configuration(proxyBeanMethods = false)
    static class Infrastructure {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        ObjectMapper objectMapper() {
            return new ObjectMapper();
        }

        @Bean
        ClaimMapping claimMapping() {
            return ClaimMapping.standard();
        }
    }

    /** Each of these on its own ends the trial; so does any combination of them. */
    private static final Map<String, String> NOT_A_TRIAL = new LinkedHashMap<>();

    static {
        NOT_A_TRIAL.put("spring.datasource.url", "jdbc:postgresql://db.example/ggz");
        NOT_A_TRIAL.put(IssuerSettings.ISSUER_URI, "https://sso.example/realms/ggz");
        NOT_A_TRIAL.put(IssuerSettings.PUBLIC_KEY_LOCATION, "file:/keys/pub.pem");
        NOT_A_TRIAL.put(IssuerSettings.JWK_SET_URI, "https://sso.example/realms/ggz/certs");
        NOT_A_TRIAL.put(IssuerSettings.AUDIENCES, "ggz-contracts");
        NOT_A_TRIAL.put("spring.profiles.active", "production");
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Infrastructure.class, DevTokenConfiguration.class, DevTokenController.class);

    @Test
    void theEmbeddedDefaultSignsItsOwnTokensAndGuardsTheirEndpoint() {
        for (String[] trial : List.of(new String[0], new String[]{"spring.datasource.url=embedded"},
                new String[]{"spring.datasource.url=EMBEDDED", "spring.profiles.active=demo"})) {
            context.withPropertyValues(trial).run(app -> assertThat(app)
                    .hasSingleBean(DevTokenController.class)
                    .hasSingleBean(JwtEncoder.class)
                    .hasSingleBean(JwtDecoder.class)
                    .hasBean("loopbackCallersOnly"));
        }
    }

    @Test
    void noCombinationOfDatabaseIssuerKeyKeySetAudienceOrProductionProfileHasTrialTokens() {
        List<String> names = new ArrayList<>(NOT_A_TRIAL.keySet());
        int combinations = 0;
        for (int mask = 1; mask < 1 << names.size(); mask++) {
            List<String> properties = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    properties.add(names.get(i) + "=" + NOT_A_TRIAL.get(names.get(i)));
                }
            }
            context.withPropertyValues(properties.toArray(String[]::new)).run(app -> assertThat(app)
                    .as(properties.toString())
                    .doesNotHaveBean(DevTokenController.class)
                    .doesNotHaveBean(JwtEncoder.class)
                    .doesNotHaveBean(JwtDecoder.class)
                    .doesNotHaveBean(FilterRegistrationBean.class));
            combinations++;
        }
        assertThat(combinations).isEqualTo(63);
    }

    @Test
    void aSignInClientOfItsOwnEndsTheTrialSoTheEmbeddedIdentityProviderIsNeverBesideARealOne() {
        for (String setting : List.of("spring.security.oauth2.client.registration.insurer.client-id=ggz",
                "spring.security.oauth2.client.provider.insurer.issuer-uri=https://login.example/v2.0",
                "spring.security.oauth2.client.registration.insurer.client-secret=")) {
            context.withPropertyValues(setting).run(app -> assertThat(app).as(setting)
                    .doesNotHaveBean(DevTokenController.class)
                    .doesNotHaveBean(JwtEncoder.class));
        }
    }

    @Test
    void aBlankIssuerSettingStillEndsTheTrialSoAHalfDoneConfigurationFailsClosed() {
        for (String name : List.of(IssuerSettings.ISSUER_URI, IssuerSettings.PUBLIC_KEY_LOCATION,
                IssuerSettings.JWK_SET_URI, IssuerSettings.AUDIENCES)) {
            context.withPropertyValues(name + "=").run(app -> assertThat(app).as(name)
                    .doesNotHaveBean(DevTokenController.class));
        }
        context.withPropertyValues("spring.datasource.url=").run(app -> assertThat(app)
                .doesNotHaveBean(DevTokenController.class));
    }

    @Test
    void theIssuerAndAudienceAreSeenInEverySpellingSpringBootReads() {
        // docker-compose and most platforms set environment variables, in Boot's canonical spelling
        for (String variable : List.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLICKEYLOCATION",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI",
                "SPRING_DATASOURCE_URL")) {
            context.withInitializer(app -> app.getEnvironment().getPropertySources().addFirst(
                            new SystemEnvironmentPropertySource("systemEnvironment", Map.of(variable, "x"))))
                    .run(app -> assertThat(app).as(variable).doesNotHaveBean(DevTokenController.class));
        }
        // a YAML list of audiences arrives as audiences[0], audiences[1]
        context.withPropertyValues(IssuerSettings.AUDIENCES + "[0]=ggz-contracts")
                .run(app -> assertThat(app).doesNotHaveBean(DevTokenController.class));
    }
}
