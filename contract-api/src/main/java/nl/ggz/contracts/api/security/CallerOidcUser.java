package nl.ggz.contracts.api.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

import java.util.List;

/**
 * The user of a browser session, signed in through OpenID Connect: the ID token (and user info, when the identity
 * provider offers it) read into a {@link Caller} exactly as a bearer token is, its role as the only authority.
 */
public class CallerOidcUser extends DefaultOidcUser implements SignedIn {

    private final Caller caller;

    public CallerOidcUser(OidcIdToken idToken, OidcUserInfo userInfo, Caller caller) {
        super(List.of(new SimpleGrantedAuthority(caller.role().authority())), idToken, userInfo,
                IdTokenClaimNames.SUB);
        this.caller = caller;
    }

    @Override
    public Caller caller() {
        return caller;
    }
}
