package nl.ggz.contracts.api.security;

import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What production needs for the pages' sign-in through OpenID Connect, in Spring Boot's own client properties
 * ({@code spring.security.oauth2.client.registration.<id>.*}): one registration, with the client id and secret the
 * identity provider gave this application. Its provider is the issuer of the bearer tokens
 * ({@link IssuerSettings#ISSUER_URI}) unless {@code spring.security.oauth2.client.provider.<id>.issuer-uri} names
 * another. Without any registration production serves the API only and the pages say that sign-in is not configured;
 * a registration that lacks a part refuses to start, as an incomplete issuer does.
 */
public final class LoginSettings {

    public static final String PREFIX = "spring.security.oauth2.client";
    public static final String REGISTRATION = PREFIX + ".registration";

    private LoginSettings() {
    }

    /** Is any client setting present at all (blank included: fail closed, as for the issuer settings)? */
    public static boolean configured(Environment env) {
        return Binder.get(env).bind(PREFIX, Bindable.mapOf(String.class, Object.class))
                .map(map -> !map.isEmpty()).orElse(false);
    }

    public static OAuth2ClientProperties bind(Environment env) {
        return Binder.get(env).bind(PREFIX, OAuth2ClientProperties.class).orElseGet(OAuth2ClientProperties::new);
    }

    /** Throws {@link IssuerSettings.IssuerNotConfiguredException} naming what an incomplete sign-in lacks. */
    public static void require(OAuth2ClientProperties client, String why) {
        Map<String, OAuth2ClientProperties.Registration> registrations = client.getRegistration();
        if (registrations.isEmpty()) {
            if (!client.getProvider().isEmpty()) {
                throw new IssuerSettings.IssuerNotConfiguredException("This installation is not the embedded trial ("
                        + why + "): a sign-in provider is configured (" + PREFIX + ".provider) but no client for the "
                        + "pages: set " + REGISTRATION + ".<id>.client-id and .client-secret, or leave both out.");
            }
            return;
        }
        List<String> missing = new ArrayList<>();
        if (registrations.size() > 1) {
            missing.add("exactly one registration under " + REGISTRATION + " (found " + registrations.keySet()
                    + "): the pages sign in through one identity provider");
        }
        registrations.forEach((id, registration) -> {
            String at = REGISTRATION + "." + id;
            if (!StringUtils.hasText(registration.getClientId())) {
                missing.add(at + ".client-id (the client the identity provider registered for the pages)");
            }
            if (!StringUtils.hasText(registration.getClientSecret())) {
                missing.add(at + ".client-secret (the pages' client is confidential: the server holds the tokens)");
            }
            if (registration.getAuthorizationGrantType() != null
                    && !"authorization_code".equals(registration.getAuthorizationGrantType())) {
                missing.add(at + ".authorization-grant-type authorization_code (or left out), not "
                        + registration.getAuthorizationGrantType());
            }
            Set<String> scope = registration.getScope();
            if (scope != null && !scope.contains("openid")) {
                missing.add(at + ".scope with openid (or left out: openid, profile)");
            }
            String providerId = registration.getProvider() != null ? registration.getProvider() : id;
            OAuth2ClientProperties.Provider provider = client.getProvider().get(providerId);
            if (registration.getProvider() != null && provider == null) {
                missing.add(PREFIX + ".provider." + providerId + " (named by " + at + ".provider)");
            }
            if (provider != null && !StringUtils.hasText(provider.getIssuerUri())
                    && !StringUtils.hasText(provider.getAuthorizationUri())) {
                missing.add(PREFIX + ".provider." + providerId + ".issuer-uri (or leave the provider out: the "
                        + "issuer of the bearer tokens, " + IssuerSettings.ISSUER_URI + ", is then the sign-in's)");
            }
        });
        if (!missing.isEmpty()) {
            throw new IssuerSettings.IssuerNotConfiguredException("This installation is not the embedded trial ("
                    + why + ") and its pages sign in through OpenID Connect, which needs: "
                    + String.join("; ", missing) + ".");
        }
    }
}
