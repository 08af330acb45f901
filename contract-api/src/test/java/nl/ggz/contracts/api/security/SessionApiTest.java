package nl.ggz.contracts.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.api.Api;
import nl.ggz.contracts.api.ApplicationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: the API keeps serving machine clients by bearer token alone — never with a session of their own — and
 * {@code GET /api/session} tells the pages who is signed in and where to sign in (the trial's identity provider).
 */
class SessionApiTest extends ApplicationTest {

    @Test
    void aCallWithABearerTokenOrWithoutAnyIsNeverGivenASessionCookie() {
        for (Api.Text answer : new Api.Text[]{
                api.as(Api.Identity.regulator()).getText("/api/contracts", "application/json"),
                api.anonymous().getText("/api/contracts", "application/json"),
                api.anonymous().getText("/api/session", "application/json")}) {
            assertThat(answer.headers().allValues("Set-Cookie")).as("%s", answer.status())
                    .noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
        }
    }

    @Test
    void theSessionAnswerNamesTheCallerOfABearerTokenAndWhereThePagesSignIn() {
        JsonNode regulator = api.as(Api.Identity.regulator()).getText("/api/session", "application/json").json();
        assertThat(regulator.path("signedIn").asBoolean()).isTrue();
        assertThat(regulator.path("role").asText()).isEqualTo("REGULATOR");
        assertThat(regulator.path("signIn").asText()).isEqualTo("/oauth2/authorization/ggz");
        assertThat(regulator.path("trial").asBoolean()).isTrue();
        JsonNode nobody = api.anonymous().getText("/api/session", "application/json").json();
        assertThat(nobody.path("signedIn").asBoolean()).isFalse();
        assertThat(nobody.path("role").isNull()).isTrue();
        assertThat(nobody.path("signIn").asText()).isEqualTo("/oauth2/authorization/ggz");
    }
}
