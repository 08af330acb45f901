package nl.ggz.contracts.api.security;

import nl.ggz.contracts.api.ContractsApplication;
import nl.ggz.contracts.api.security.IssuerSettings.IssuerNotConfiguredException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Before anything starts: the trial listens on loopback unless told otherwise, and production without an issuer and
 * an audience does not start at all.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailClosedEnvironmentTest {

    private static final String DATABASE = "spring.datasource.url=jdbc:postgresql://127.0.0.1:9/nowhere";
    private static final String ISSUER = IssuerSettings.ISSUER_URI + "=https://sso.example.nl/realms/ggz";
    private static final String AUDIENCE = IssuerSettings.AUDIENCES + "=ggz-contracts";

    @Test
    void theTrialListensOnLoopbackOnly() {
        MockEnvironment env = new MockEnvironment();
        process(env);
        assertThat(env.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void anAddressConfiguredExplicitlyIsKeptInTheTrial() {
        MockEnvironment env = new MockEnvironment().withProperty("server.address", "0.0.0.0");
        process(env);
        assertThat(env.getProperty("server.address")).isEqualTo("0.0.0.0");
    }

    @Test
    void productionGetsNoLoopbackDefault() {
        MockEnvironment env = environment(DATABASE, ISSUER, AUDIENCE);
        process(env);
        assertThat(env.getProperty("server.address")).isNull();
    }

    @Test
    void productionsSessionCookieIsSecureUnlessSetExplicitly() {
        MockEnvironment env = environment(DATABASE, ISSUER, AUDIENCE);
        process(env);
        assertThat(env.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
        MockEnvironment plain = environment(DATABASE, ISSUER, AUDIENCE, "server.servlet.session.cookie.secure=false");
        process(plain);
        assertThat(plain.getProperty("server.servlet.session.cookie.secure")).isEqualTo("false");
        // the trial is plain HTTP on this machine
        MockEnvironment trial = new MockEnvironment();
        process(trial);
        assertThat(trial.getProperty("server.servlet.session.cookie.secure")).isNull();
    }

    @Test
    void productionWithoutAnIssuerIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> process(environment(DATABASE, AUDIENCE)))
                .isInstanceOf(IssuerNotConfiguredException.class)
                .hasMessageContaining("spring.datasource.url is set")
                .hasMessageContaining(IssuerSettings.ISSUER_URI)
                .hasMessageNotContaining(IssuerSettings.AUDIENCES);
        // a fixed key does not stand in for the issuer: its tokens' iss must still be checked against something
        assertThatThrownBy(() -> process(environment(DATABASE, AUDIENCE,
                IssuerSettings.PUBLIC_KEY_LOCATION + "=file:/keys/issuer.pem")))
                .hasMessageContaining(IssuerSettings.ISSUER_URI);
    }

    @Test
    void productionWithoutAnAudienceIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> process(environment(DATABASE, ISSUER)))
                .isInstanceOf(IssuerNotConfiguredException.class)
                .hasMessageContaining(IssuerSettings.AUDIENCES)
                .hasMessageNotContaining(IssuerSettings.ISSUER_URI + " (");
        assertThatThrownBy(() -> process(environment(DATABASE, ISSUER, IssuerSettings.AUDIENCES + "= ")))
                .hasMessageContaining(IssuerSettings.AUDIENCES);
    }

    @Test
    void theProductionProfileAloneNeedsBoth() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("production");
        assertThatThrownBy(() -> process(env))
                .hasMessageContaining("the production profile is active")
                .hasMessageContaining(IssuerSettings.ISSUER_URI)
                .hasMessageContaining(IssuerSettings.AUDIENCES);
    }

    @Test
    void theApplicationRefusesToStartWithoutIssuerOrAudienceAndSaysWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() -> SpringApplication.run(ContractsApplication.class, "--" + DATABASE))
                .isInstanceOf(IssuerNotConfiguredException.class)
                .hasMessageContaining(IssuerSettings.ISSUER_URI)
                .hasMessageContaining(IssuerSettings.AUDIENCES);
        assertThatThrownBy(() -> SpringApplication.run(ContractsApplication.class, "--" + DATABASE, "--" + ISSUER))
                .isInstanceOf(IssuerNotConfiguredException.class)
                .hasMessageContaining(IssuerSettings.AUDIENCES);
        // Spring Boot's failure report: the reason and what to do, no stack trace to read through
        assertThat(output).contains("APPLICATION FAILED TO START", "Action:",
                "--" + IssuerSettings.AUDIENCES + "=ggz-contracts");
    }

    private static final String CLIENT = "spring.security.oauth2.client.registration.insurer";

    @Test
    void productionWithASignInClientLackingItsSecretIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> process(environment(DATABASE, ISSUER, AUDIENCE, CLIENT + ".client-id=ggz-pages")))
                .isInstanceOf(IssuerNotConfiguredException.class)
                .hasMessageContaining(CLIENT + ".client-secret")
                .hasMessageNotContaining(CLIENT + ".client-id (");
        assertThatThrownBy(() -> process(environment(DATABASE, ISSUER, AUDIENCE, CLIENT + ".client-secret=s")))
                .hasMessageContaining(CLIENT + ".client-id");
    }

    @Test
    void aSignInClientWithoutOpenIdOrBesideASecondOneIsRefused() {
        assertThatThrownBy(() -> process(environment(DATABASE, ISSUER, AUDIENCE, CLIENT + ".client-id=ggz",
                CLIENT + ".client-secret=s", CLIENT + ".scope=profile")))
                .hasMessageContaining(CLIENT + ".scope with openid");
        assertThatThrownBy(() -> process(environment(DATABASE, ISSUER, AUDIENCE, CLIENT + ".client-id=ggz",
                CLIENT + ".client-secret=s", "spring.security.oauth2.client.registration.other.client-id=x",
                "spring.security.oauth2.client.registration.other.client-secret=y")))
                .hasMessageContaining("exactly one registration");
    }

    @Test
    void aSignInClientAloneMakesProductionWhichThenNeedsTheIssuerAndAudienceToo() {
        assertThatThrownBy(() -> process(environment(CLIENT + ".client-id=ggz", CLIENT + ".client-secret=s")))
                .hasMessageContaining("a token issuer or sign-in setting is present")
                .hasMessageContaining(IssuerSettings.ISSUER_URI);
    }

    @Test
    void productionWithACompleteSignInClientOrNoneStarts() {
        process(environment(DATABASE, ISSUER, AUDIENCE, CLIENT + ".client-id=ggz", CLIENT + ".client-secret=s"));
        // none: the API alone, the pages say that sign-in is not configured
        process(environment(DATABASE, ISSUER, AUDIENCE));
    }

    private static MockEnvironment environment(String... properties) {
        MockEnvironment env = new MockEnvironment();
        for (String property : properties) {
            int equals = property.indexOf('=');
            env.setProperty(property.substring(0, equals), property.substring(equals + 1));
        }
        return env;
    }

    private static void process(MockEnvironment env) {
        new FailClosedEnvironment().postProcessEnvironment(env, new SpringApplication());
    }
}
