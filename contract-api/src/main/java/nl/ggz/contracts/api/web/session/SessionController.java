package nl.ggz.contracts.api.web.session;

import nl.ggz.contracts.api.security.Caller;
import nl.ggz.contracts.api.security.PagesSignIn;
import nl.ggz.contracts.api.security.TrialMode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, for the pages (which hold no token and cannot read the HttpOnly session cookie): the caller as
 * its token's claims say, or nobody, with where the pages send the browser to sign in (none where production has no
 * sign-in client configured). Answers any caller, a bearer token's too.
 */
@RestController
@RequestMapping("/api/session")
public class SessionController {

    private final ObjectProvider<PagesSignIn> signIn;
    private final boolean trial;

    public SessionController(ObjectProvider<PagesSignIn> signIn, Environment env) {
        this.signIn = signIn;
        this.trial = TrialMode.isTrial(env);
    }

    @GetMapping
    public ResponseEntity<SessionResponse> session() {
        PagesSignIn pages = signIn.getIfAvailable();
        String signInPath = pages == null ? null : pages.signInPath();
        SessionResponse body = Caller.current()
                .map(caller -> new SessionResponse(true, caller.role().name(), caller.name(), caller.insurer(),
                        caller.provider(), signInPath, trial))
                .orElseGet(() -> new SessionResponse(false, null, null, null, null, signInPath, trial));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
