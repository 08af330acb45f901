package nl.ggz.contracts.api.security.dev;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The pages' OpenID Connect client in the trial, both sides of it: as the embedded authorization server registers it,
 * and as the pages' sign-in (Spring Security's OAuth2 client) uses it. A confidential client with a secret made at
 * each start, the authorization code flow with PKCE required, no consent screen. Both are made once the server's
 * port is known ({@link TrialIssuer}), with the endpoints written out: the application never asks itself for its
 * discovery document, so nothing waits for its own start.
 */
public class TrialPagesClient implements RegisteredClientRepository, ClientRegistrationRepository {

    public static final String REGISTRATION_ID = "ggz";
    static final String CLIENT_ID = "ggz-pages";

    private final TrialIssuer issuer;
    private final String secret = secret();
    private volatile RegisteredClient registered;
    private volatile ClientRegistration registration;

    public TrialPagesClient(TrialIssuer issuer) {
        this.issuer = issuer;
    }

    // --- the authorization server's side

    /** Spring Authorization Server saves the client back once, with its secret encoded anew (from {noop}). */
    @Override
    public void save(RegisteredClient registeredClient) {
        if (!CLIENT_ID.equals(registeredClient.getClientId())) {
            throw new UnsupportedOperationException("the trial's identity provider has one client, the pages");
        }
        registered = registeredClient;
    }

    @Override
    public RegisteredClient findById(String id) {
        return CLIENT_ID.equals(id) ? registered() : null;
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return CLIENT_ID.equals(clientId) ? registered() : null;
    }

    private RegisteredClient registered() {
        if (registered == null) {
            RegisteredClient.Builder client = RegisteredClient.withId(CLIENT_ID)
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + secret)
                    .clientName("GGZ contracts, pages (trial)")
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireProofKey(true)
                            .requireAuthorizationConsent(false).build());
            // the pages opened at either loopback name of this machine
            for (String host : new String[]{"localhost", "127.0.0.1"}) {
                client.redirectUri(issuer.uri(host) + "/login/oauth2/code/" + REGISTRATION_ID)
                        .postLogoutRedirectUri(issuer.uri(host) + "/?signed-out=1");
            }
            registered = client.build();
        }
        return registered;
    }

    // --- the pages' side

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return REGISTRATION_ID.equals(registrationId) ? registration() : null;
    }

    private ClientRegistration registration() {
        if (registration == null) {
            String uri = issuer.uri();
            registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                    .clientName("the trial's identity provider")
                    .clientId(CLIENT_ID)
                    .clientSecret(secret)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
                    .issuerUri(uri)
                    .authorizationUri(uri + "/oauth2/authorize")
                    .tokenUri(uri + "/oauth2/token")
                    .jwkSetUri(uri + "/oauth2/jwks")
                    .userNameAttributeName("sub")
                    .providerConfigurationMetadata(Map.of("end_session_endpoint", uri + "/connect/logout"))
                    .build();
        }
        return registration;
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
