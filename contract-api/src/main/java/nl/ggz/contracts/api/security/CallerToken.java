package nl.ggz.contracts.api.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;

/** A bearer token that passed the checks, with the caller its claims name and the caller's role as authority. */
public class CallerToken extends JwtAuthenticationToken implements SignedIn {

    private final Caller caller;

    public CallerToken(Jwt jwt, Caller caller) {
        super(jwt, List.of(new SimpleGrantedAuthority(caller.role().authority())), caller.principal());
        this.caller = caller;
    }

    @Override
    public Caller caller() {
        return caller;
    }
}
