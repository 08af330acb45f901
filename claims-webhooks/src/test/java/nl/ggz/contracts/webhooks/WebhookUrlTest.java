package nl.ggz.contracts.webhooks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deliveries carry payment data: https only, plain http only to this machine and only where allowed. */
class WebhookUrlTest {

    @Test
    void httpsIsAcceptedEverywhere() {
        assertThat(WebhookUrl.parse("https://claims.insurer.example/hooks?x=1", false).getHost())
                .isEqualTo("claims.insurer.example");
    }

    @Test
    void plainHttpOnlyToALoopbackAddressAndOnlyWhenAllowed() {
        for (String loopback : new String[]{"http://127.0.0.1:8080/h", "http://localhost/h", "http://[::1]:9/h",
                "http://127.5.6.7/h"}) {
            assertThat(WebhookUrl.parse(loopback, true)).hasToString(loopback);
            assertThatThrownBy(() -> WebhookUrl.parse(loopback, false)).hasMessage("url must be https://");
        }
        for (String elsewhere : new String[]{"http://10.0.0.1/h", "http://example.com/h", "http://localhost.evil.com/h",
                "http://127.0.0.1.nip.io/h"}) {
            assertThatThrownBy(() -> WebhookUrl.parse(elsewhere, true)).as(elsewhere)
                    .hasMessageStartingWith("url must be https://");
        }
    }

    @Test
    void anythingElseIsRefusedSayingWhy() {
        assertThatThrownBy(() -> WebhookUrl.parse("ftp://example.com/h", true)).hasMessageStartingWith("url must be");
        assertThatThrownBy(() -> WebhookUrl.parse("/relative", true)).hasMessageContaining("absolute");
        assertThatThrownBy(() -> WebhookUrl.parse("https://u:p@example.com/", true)).hasMessageContaining("user");
        assertThatThrownBy(() -> WebhookUrl.parse("https://example.com/#f", true)).hasMessageContaining("fragment");
        assertThatThrownBy(() -> WebhookUrl.parse("https://exa mple.com/", true)).hasMessageContaining("ASCII");
        assertThatThrownBy(() -> WebhookUrl.parse("https://é.example/", true)).hasMessageContaining("ASCII");
        assertThatThrownBy(() -> WebhookUrl.parse("https://example.com:99999/", true)).hasMessageStartingWith("url");
        assertThatThrownBy(() -> WebhookUrl.parse("https://" + "a".repeat(2_000) + ".example/", true))
                .hasMessageContaining("2000");
        assertThatThrownBy(() -> WebhookUrl.parse("", true)).hasMessage("url is required");
    }
}
