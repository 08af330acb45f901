package nl.ggz.contracts.api.security.dev;

import nl.ggz.contracts.api.security.TrialMode;

/**
 * The application signs its own tokens only where it is plainly a trial ({@link TrialMode}): the embedded database,
 * no token issuer, key or audience configured, and not the production profile. Anywhere else the endpoint that
 * hands out tokens does not exist.
 */
class DevTokensCondition extends TrialMode.OnTrial {
}
