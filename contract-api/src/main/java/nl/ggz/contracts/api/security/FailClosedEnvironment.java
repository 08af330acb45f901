package nl.ggz.contracts.api.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Settles the mode before any bean exists (registered in {@code META-INF/spring.factories}; it runs after Spring
 * Boot has read the configuration files and profiles):
 * <ul>
 *     <li>the trial listens on loopback ({@code server.address=127.0.0.1}) unless {@code server.address} is set
 *     explicitly: its token endpoint must not be offered to the network in the first place;</li>
 *     <li>production without an issuer and an audience stops here, with a message naming the properties, before
 *     it connects to a database or opens a port; so does a browser sign-in client that lacks a part
 *     ({@link LoginSettings});</li>
 *     <li>production's session cookie (the pages' sign-in) is {@code Secure} unless
 *     {@code server.servlet.session.cookie.secure} is set explicitly.</li>
 * </ul>
 */
public class FailClosedEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SERVER_ADDRESS = "server.address";
    static final String LOOPBACK = "127.0.0.1";
    static final String PROPERTY_SOURCE = "ggzTrialLoopback";
    static final String SECURE_COOKIE = "server.servlet.session.cookie.secure";
    static final String PRODUCTION_PROPERTY_SOURCE = "ggzProductionSecureCookie";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (TrialMode.isTrial(env)) {
            if (!Binder.get(env).bind(SERVER_ADDRESS, Bindable.of(String.class)).isBound()) {
                // last: any server.address given anywhere (file, environment, command line) wins
                env.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE,
                        Map.of(SERVER_ADDRESS, LOOPBACK)));
            }
        } else {
            IssuerSettings.require(IssuerSettings.bind(env), IssuerSettings.whyProduction(env));
            LoginSettings.require(LoginSettings.bind(env), IssuerSettings.whyProduction(env));
            if (!Binder.get(env).bind(SECURE_COOKIE, Bindable.of(Boolean.class)).isBound()) {
                // production is served over TLS (behind its proxy): the session cookie never goes over plain HTTP
                env.getPropertySources().addLast(new MapPropertySource(PRODUCTION_PROPERTY_SOURCE,
                        Map.of(SECURE_COOKIE, "true")));
            }
        }
    }

    @Override
    public int getOrder() {
        // after ConfigDataEnvironmentPostProcessor, which loads application.yml and the active profiles
        return Ordered.LOWEST_PRECEDENCE;
    }
}
