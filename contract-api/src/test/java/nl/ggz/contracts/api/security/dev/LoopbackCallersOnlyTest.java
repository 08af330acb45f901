package nl.ggz.contracts.api.security.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Trial tokens answer only callers on this machine; anyone else gets a 403 problem and never reaches the endpoint. */
class LoopbackCallersOnlyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCallerOnLoopbackAddressingThisMachineGetsThrough() throws Exception {
        for (String[] caller : List.of(
                new String[]{"127.0.0.1", "localhost"},
                new String[]{"127.8.9.10", "127.0.0.1"},
                new String[]{"0:0:0:0:0:0:0:1", "[::1]"},
                new String[]{"::1", "app.localhost"})) {
            assertThat(passes(caller[0], caller[1], request -> { })).as(String.join(" ", caller)).isTrue();
        }
    }

    @Test
    void aCallerFromAnyOtherAddressGetsA403Problem() throws Exception {
        for (String remote : List.of("203.0.113.7", "192.168.1.5", "10.0.0.1", "172.17.0.1", "fd00::2",
                "2001:db8::1", "::ffff:203.0.113.7", "0.0.0.0", "")) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            new LoopbackCallersOnly(JSON).doFilter(request(remote, "localhost"), response, chain);
            assertThat(chain.getRequest()).as(remote).isNull();
            assertThat(response.getStatus()).as(remote).isEqualTo(403);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            JsonNode problem = JSON.readTree(response.getContentAsString());
            assertThat(problem.path("status").asInt()).isEqualTo(403);
            assertThat(problem.path("detail").asText()).contains("only to callers on its own machine");
        }
    }

    @Test
    void aLoopbackConnectionRelayedByAProxyIsNotACallerOnThisMachine() throws Exception {
        for (String header : List.of("X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Forwarded-Host")) {
            assertThat(passes("127.0.0.1", "localhost", request -> request.addHeader(header, "203.0.113.7")))
                    .as(header).isFalse();
        }
    }

    @Test
    void aPageOfAnotherSiteWhoseNamePointsAtLoopbackIsRefused() throws Exception {
        // DNS rebinding: the browser connects to 127.0.0.1 but sends the attacker's name as Host
        for (String host : List.of("evil.example", "localhost.evil.example", "127.0.0.1.nip.io", "192.0.2.2")) {
            assertThat(passes("127.0.0.1", host, request -> { })).as(host).isFalse();
        }
    }

    private static boolean passes(String remote, String host, Consumer<MockHttpServletRequest> more) throws Exception {
        MockHttpServletRequest request = request(remote, host);
        more.accept(request);
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        new LoopbackCallersOnly(JSON).doFilter(request, response, chain);
        return chain.getRequest() != null && response.getStatus() == 200;
    }

    private static MockHttpServletRequest request(String remote, String host) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/dev/tokens");
        request.setRemoteAddr(remote);
        request.setServerName(host);
        return request;
    }
}
