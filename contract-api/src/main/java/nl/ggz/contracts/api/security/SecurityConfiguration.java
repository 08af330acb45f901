package nl.ggz.contracts.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;

import static nl.ggz.contracts.api.security.Role.CLAIMS;
import static nl.ggz.contracts.api.security.Role.OPERATOR;
import static nl.ggz.contracts.api.security.Role.PRIVACY_OFFICER;
import static nl.ggz.contracts.api.security.Role.PROVIDER;
import static nl.ggz.contracts.api.security.Role.PURCHASER;
import static nl.ggz.contracts.api.security.Role.REGULATOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * The role table: which role may call which operation. Which insurer's or provider's data a caller may touch is
 * decided per request by {@link Tenancy}. A caller is signed in by a bearer token (machine clients, scripts) or by the
 * browser session of the pages' OpenID Connect sign-in ({@link PagesSignIn}); either way its {@link Caller} comes
 * from the token's claims, named as {@link ClaimMapping} says. Writes by session carry a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClaimMapping.class)
public class SecurityConfiguration {

    @Bean
    SecurityProblems securityProblems(ObjectMapper json) {
        return new SecurityProblems(json);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> decoder, SecurityProblems problems,
                            ClaimMapping claims, ObjectProvider<PagesSignIn> pagesSignIn) throws Exception {
        if (decoder.getIfAvailable() == null) {
            // unreachable as configured (TrialMode: the trial has DevTokenConfiguration, the rest IssuerConfiguration);
            // kept so that a change there can never leave the API without token checks
            throw new IllegalStateException("No token issuer is configured: set " + IssuerSettings.ISSUER_URI + " and "
                    + IssuerSettings.AUDIENCES + " for the identity provider that signs the bearer tokens; only the "
                    + "embedded trial signs its own");
        }
        // a session only for the pages' sign-in; a bearer token's call never makes one, nor does a 401 (no request is
        // saved for after a sign-in: the pages come back to where they were themselves)
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(PagesSignIn::csrf)
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> {
                            try {
                                return new CallerToken(token, Caller.of(token, claims));
                            } catch (Caller.Refused e) {
                                throw new InvalidBearerTokenException(e.getMessage());
                            }
                        }))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        // Spring Security rethrows a token it could not check (keys unreachable) as a bare 500
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(problems);
                                return filter;
                            }
                        }))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'")))
                .authorizeHttpRequests(requests -> requests
                        // the pages, the API description and the operator's probes
                        .requestMatchers(GET, "/", "/*.html", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                                "/v3/api-docs/**", "/swagger-ui/**", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/api/audit/public-key").permitAll()
                        .requestMatchers("/error").permitAll()
                        // exists only in the embedded trial, for callers on loopback (security/dev)
                        .requestMatchers(POST, "/api/dev/tokens").permitAll()
                        // who is signed in, if anyone, and where the pages sign in
                        .requestMatchers(GET, "/api/session").permitAll()

                        .requestMatchers(PUT, "/api/policies/*/*").hasRole(PURCHASER.name())
                        .requestMatchers(GET, "/api/policies/*/*").authenticated()
                        // renewal (seed 001): one contract, or the insurer's yearly round
                        .requestMatchers(POST, "/api/policies/*/*/renewals", "/api/contracts/*/renewal")
                        .hasRole(PURCHASER.name())

                        .requestMatchers(POST, "/api/contracts").hasRole(PURCHASER.name())
                        .requestMatchers(POST, "/api/contracts/*/proposals").hasAnyRole(PURCHASER.name(), PROVIDER.name())
                        .requestMatchers(POST, "/api/contracts/*/withdrawal", "/api/contracts/*/amendments",
                                "/api/contracts/*/termination", "/api/contracts/*/acceptance")
                        .hasRole(PURCHASER.name())
                        .requestMatchers(POST, "/api/contracts/*/signature", "/api/contracts/*/declination",
                                "/api/contracts/*/patient-stops", "/api/contracts/*/patient-stops/*/lifting")
                        .hasRole(PROVIDER.name())
                        .requestMatchers(GET, "/api/contracts", "/api/contracts/**")
                        .hasAnyRole(PURCHASER.name(), PROVIDER.name(), REGULATOR.name())

                        .requestMatchers(POST, "/api/declarations").hasRole(CLAIMS.name())

                        .requestMatchers(POST, "/api/ceilings/*/increase-requests",
                                "/api/ceilings/*/increase-requests/*/completion",
                                "/api/ceilings/*/addenda/*/signature").hasRole(PROVIDER.name())
                        .requestMatchers(POST, "/api/ceilings/*/increase-requests/*/approval",
                                "/api/ceilings/*/increase-requests/*/rejection",
                                "/api/ceilings/*/increase-requests/*/information-request", "/api/ceilings/*/claw-backs",
                                "/api/ceilings/*/settlement")
                        .hasRole(PURCHASER.name())
                        .requestMatchers(GET, "/api/ceilings/*", "/api/ceilings/*/declarations",
                                "/api/ceilings/*/declarations/*")
                        .hasAnyRole(PURCHASER.name(), PROVIDER.name(), CLAIMS.name(), REGULATOR.name())
                        // issue 17: the insurer's own claims system; the regulator reads everything in the audit export
                        .requestMatchers(GET, "/api/claims-feed").hasRole(CLAIMS.name())

                        .requestMatchers(GET, "/api/monitoring/**").hasAnyRole(PURCHASER.name(), REGULATOR.name())
                        .requestMatchers(GET, "/api/reports/patient-stops").hasAnyRole(PURCHASER.name(), REGULATOR.name())
                        .requestMatchers(GET, "/api/reports/contracting-monitor").hasRole(REGULATOR.name())

                        // issue 16: erasing a patient pseudonym (AVG/GDPR art. 17); a privacy officer for its own
                        // insurer only (ErasureController)
                        .requestMatchers(POST, "/api/privacy/erasures").hasAnyRole(PRIVACY_OFFICER.name(), OPERATOR.name())

                        // a checkpoint adds a record but changes no contract: the operator's job, or its schedule
                        .requestMatchers(POST, "/api/audit/checkpoints").hasRole(OPERATOR.name())
                        // issue 18: the verifiable log; a purchaser its own insurer's log only (AuditLogController)
                        .requestMatchers(GET, "/api/audit/log/checkpoint", "/api/audit/log/checkpoint/timestamp",
                                "/api/audit/log/proof/inclusion", "/api/audit/log/proof/consistency")
                        .hasAnyRole(REGULATOR.name(), PURCHASER.name())
                        // the NZa as witness: cosignatures of the log's heads (C2SP tlog-cosignature)
                        .requestMatchers(POST, "/api/audit/log/cosignatures").hasRole(REGULATOR.name())
                        .requestMatchers(GET, "/api/audit/**").hasRole(REGULATOR.name())

                        .requestMatchers("/api/admin/**", "/actuator/**").hasRole(OPERATOR.name())
                        // whatever is not in this table is refused, also for a new endpoint someone forgets to add
                        .requestMatchers("/api/**").denyAll()
                        .anyRequest().authenticated());
        PagesSignIn signIn = pagesSignIn.getIfAvailable();
        if (signIn != null) {
            signIn.configure(http);
        }
        return http.build();
    }
}
