package nl.ggz.contracts.api.security.dev;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The application signs its own tokens only where it is plainly a trial: the embedded database, no token issuer
 * configured and not the production profile. Anywhere else the endpoint that hands out tokens does not exist.
 */
class DevTokensCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        String url = env.getProperty("spring.datasource.url");
        boolean embedded = url == null || url.isBlank() || "embedded".equals(url);
        boolean issuer = has(env, "spring.security.oauth2.resourceserver.jwt.issuer-uri")
                || has(env, "spring.security.oauth2.resourceserver.jwt.public-key-location")
                || has(env, "spring.security.oauth2.resourceserver.jwt.jwk-set-uri");
        boolean production = env.matchesProfiles("production");
        return embedded && !issuer && !production;
    }

    private static boolean has(Environment env, String key) {
        String value = env.getProperty(key);
        return value != null && !value.isBlank();
    }
}
