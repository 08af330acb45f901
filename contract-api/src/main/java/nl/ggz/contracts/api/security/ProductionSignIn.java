package nl.ggz.contracts.api.security;

import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientPropertiesMapper;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Production's sign-in for the pages, from Spring Boot's client properties ({@link LoginSettings}): one registration,
 * whose provider is the bearer tokens' issuer unless it names its own. Without a registration there is none of this:
 * the API serves bearer tokens only, and the pages say that sign-in is not configured ({@code GET /api/session}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ProductionSignIn.Configured.class)
public class ProductionSignIn {

    @Bean
    ClientRegistrationRepository pagesClientRegistrations(Environment env) {
        OAuth2ClientProperties client = LoginSettings.bind(env);
        OAuth2ResourceServerProperties.Jwt issuer = IssuerSettings.bind(env);
        LoginSettings.require(client, IssuerSettings.whyProduction(env));
        String id = client.getRegistration().keySet().iterator().next();
        OAuth2ClientProperties.Registration registration = client.getRegistration().get(id);
        String providerId = registration.getProvider() != null ? registration.getProvider() : id;
        // the provider defaults to the issuer of the bearer tokens: one identity provider, one issuer-uri to set
        client.getProvider().computeIfAbsent(providerId, name -> {
            OAuth2ClientProperties.Provider provider = new OAuth2ClientProperties.Provider();
            provider.setIssuerUri(issuer.getIssuerUri());
            return provider;
        });
        if (registration.getScope() == null || registration.getScope().isEmpty()) {
            registration.setScope(new LinkedHashSet<>(List.of("openid", "profile")));
        }
        if (registration.getAuthorizationGrantType() == null) {
            registration.setAuthorizationGrantType("authorization_code");
        }
        return new LazyRegistration(id, client);
    }

    @Bean
    PagesSignIn pagesSignIn(ClientRegistrationRepository pagesClientRegistrations, Environment env,
                            ClaimMapping claims) {
        String id = LoginSettings.bind(env).getRegistration().keySet().iterator().next();
        return new PagesSignIn(pagesClientRegistrations, id, claims);
    }

    /**
     * The registration made at the first sign-in, not at start: with an issuer-uri it reads the identity provider's
     * discovery document, and the application starts even while the identity provider is still starting (as the
     * bearer tokens' keys are fetched at the first token). A failed attempt is tried again at the next sign-in.
     */
    static final class LazyRegistration implements ClientRegistrationRepository {
        private final String id;
        private final OAuth2ClientProperties properties;
        private volatile ClientRegistration registration;

        LazyRegistration(String id, OAuth2ClientProperties properties) {
            this.id = id;
            this.properties = properties;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!id.equals(registrationId)) {
                return null;
            }
            if (registration == null) {
                synchronized (this) {
                    if (registration == null) {
                        registration = new OAuth2ClientPropertiesMapper(properties).asClientRegistrations().get(id);
                    }
                }
            }
            return registration;
        }
    }

    /** Production, and a registration configured. */
    static class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            return !TrialMode.isTrial(env) && !LoginSettings.bind(env).getRegistration().isEmpty();
        }
    }
}
