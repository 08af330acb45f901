package nl.ggz.contracts.api.security;

import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * What production needs of its identity provider, in Spring Boot's own properties: the issuer its tokens name
 * ({@code iss}) and the audience they are meant for ({@code aud}), both checked on every token. Without either the
 * application refuses to start: a token of the same identity provider meant for another application, or one of
 * another issuer that happens to share a key set, must never pass.
 */
public final class IssuerSettings {

    public static final String PREFIX = "spring.security.oauth2.resourceserver.jwt";
    public static final String ISSUER_URI = PREFIX + ".issuer-uri";
    public static final String AUDIENCES = PREFIX + ".audiences";
    public static final String PUBLIC_KEY_LOCATION = PREFIX + ".public-key-location";
    public static final String JWK_SET_URI = PREFIX + ".jwk-set-uri";

    private IssuerSettings() {
    }

    /** The resource-server properties as Spring Boot binds them, read before any bean exists. */
    public static OAuth2ResourceServerProperties.Jwt bind(Environment env) {
        return Binder.get(env).bind("spring.security.oauth2.resourceserver", OAuth2ResourceServerProperties.class)
                .orElseGet(OAuth2ResourceServerProperties::new)
                .getJwt();
    }

    /** Throws {@link IssuerNotConfiguredException} naming every property production still lacks. */
    public static void require(OAuth2ResourceServerProperties.Jwt jwt, String why) {
        List<String> missing = new ArrayList<>();
        if (!StringUtils.hasText(jwt.getIssuerUri())) {
            missing.add(ISSUER_URI + " (the iss of the identity provider's tokens, e.g. "
                    + "https://sso.example.nl/realms/ggz)");
        }
        if (audiences(jwt).isEmpty()) {
            missing.add(AUDIENCES + " (the aud the tokens carry for this application, e.g. ggz-contracts)");
        }
        if (jwt.getPublicKeyLocation() != null && StringUtils.hasText(jwt.getJwkSetUri())) {
            missing.add("only one of " + PUBLIC_KEY_LOCATION + " and " + JWK_SET_URI + " (both are set)");
        }
        if (!missing.isEmpty()) {
            throw new IssuerNotConfiguredException("This installation is not the embedded trial (" + why
                    + "), so it trusts only tokens of a configured identity provider, and needs: "
                    + String.join("; ", missing) + ".");
        }
    }

    /** The configured audiences, blanks left out. */
    public static List<String> audiences(OAuth2ResourceServerProperties.Jwt jwt) {
        return jwt.getAudiences() == null ? List.of()
                : jwt.getAudiences().stream().filter(StringUtils::hasText).map(String::strip).toList();
    }

    /** Why an environment is production, in the words of its settings. */
    public static String whyProduction(Environment env) {
        List<String> reasons = new ArrayList<>();
        if (env.matchesProfiles(TrialMode.PRODUCTION_PROFILE)) {
            reasons.add("the production profile is active");
        }
        String url = env.getProperty(TrialMode.DATASOURCE_URL);
        if (url != null && !"embedded".equalsIgnoreCase(url)) {
            reasons.add(TrialMode.DATASOURCE_URL + " is set");
        }
        if (reasons.isEmpty()) {
            reasons.add("a token issuer or sign-in setting is present");
        }
        return String.join(", ", reasons);
    }

    /** The application cannot run as configured; reported at start by {@link IssuerNotConfiguredFailureAnalyzer}. */
    public static class IssuerNotConfiguredException extends IllegalStateException {
        public IssuerNotConfiguredException(String message) {
            super(message);
        }
    }
}
