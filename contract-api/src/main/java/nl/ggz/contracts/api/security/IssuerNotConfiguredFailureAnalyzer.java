package nl.ggz.contracts.api.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused for want of an issuer or audience is reported as a plain instruction, not a stack trace. */
class IssuerNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<IssuerSettings.IssuerNotConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IssuerSettings.IssuerNotConfiguredException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Point the application at the identity provider that signs its bearer tokens, for example\n"
                        + "  --" + IssuerSettings.ISSUER_URI + "=https://sso.example.nl/realms/ggz\n"
                        + "  --" + IssuerSettings.AUDIENCES + "=ggz-contracts\n"
                        + "(with " + IssuerSettings.PUBLIC_KEY_LOCATION + "=file:/keys/issuer.pem for an issuer with "
                        + "a fixed RSA key). Or, to try the application, start it with no database, issuer or "
                        + "production profile configured: the embedded trial signs its own tokens on localhost.",
                cause);
    }
}
