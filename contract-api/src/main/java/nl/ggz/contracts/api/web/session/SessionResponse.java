package nl.ggz.contracts.api.web.session;

/**
 * {@code GET /api/session}.
 *
 * @param signedIn     whether this request is signed in (by session or bearer token)
 * @param role         the caller's role; the rest as the token says, null where the role has none
 * @param signIn       where the pages send the browser to sign in; null when this installation has no sign-in
 * @param trial        the embedded trial, whose identity provider prints its users at start
 */
public record SessionResponse(boolean signedIn, String role, String name, String insurerUzovi, String providerAgb,
                              String signIn, boolean trial) {
}
