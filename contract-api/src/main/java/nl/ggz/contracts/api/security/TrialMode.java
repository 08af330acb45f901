package nl.ggz.contracts.api.security;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.List;

/**
 * Which of the two ways the application runs. The <b>trial</b> is the embedded default and nothing else: no
 * {@code spring.datasource.url} (or the word {@code embedded}), no token issuer, key, key set or audience configured,
 * no browser sign-in client ({@code spring.security.oauth2.client.*}),
 * and not the {@code production} profile. Only there does the application sign its own tokens, for callers on this
 * machine, and listen on loopback. Everything else is <b>production</b>, which needs an identity provider
 * ({@link IssuerSettings}).
 *
 * <p>Fail closed: a setting that is present at all counts as configured, even when it is blank, so a half-done
 * production configuration refuses to start instead of quietly becoming a trial that hands out tokens.
 */
public final class TrialMode {

    public static final String DATASOURCE_URL = "spring.datasource.url";
    public static final String PRODUCTION_PROFILE = "production";

    private static final List<String> ISSUER_SETTINGS = List.of(
            IssuerSettings.ISSUER_URI, IssuerSettings.PUBLIC_KEY_LOCATION, IssuerSettings.JWK_SET_URI);

    private TrialMode() {
    }

    public static boolean isTrial(Environment env) {
        return embeddedDatabase(env) && !issuerConfigured(env) && !LoginSettings.configured(env)
                && !env.matchesProfiles(PRODUCTION_PROFILE);
    }

    /** The same rule as {@code EmbeddedPostgresConfiguration}'s condition: no URL, or {@code embedded}. */
    private static boolean embeddedDatabase(Environment env) {
        return Binder.get(env).bind(DATASOURCE_URL, Bindable.of(String.class))
                .map("embedded"::equalsIgnoreCase)
                .orElse(true);
    }

    private static boolean issuerConfigured(Environment env) {
        Binder binder = Binder.get(env);
        // Binder, not getProperty: it sees every spelling (SPRING_..._ISSUERURI, a YAML list of audiences)
        return ISSUER_SETTINGS.stream().anyMatch(name -> env.containsProperty(name)
                        || binder.bind(name, Bindable.of(String.class)).isBound())
                || env.containsProperty(IssuerSettings.AUDIENCES)
                || binder.bind(IssuerSettings.AUDIENCES, Bindable.listOf(String.class)).isBound();
    }

    /** Matches in the trial: the beans that sign tokens and guard their endpoint. */
    public static class OnTrial implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isTrial(context.getEnvironment());
        }
    }

    /** Matches everywhere but in the trial: the decoder that trusts the configured identity provider. */
    public static class OnProduction implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !isTrial(context.getEnvironment());
        }
    }
}
