package nl.ggz.contracts.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {

    @Test
    void theWaitDoublesAfterEachFailureUpToTheMaximum() {
        WebhookProperties.Retry retry = new WebhookProperties.Retry(Duration.ofSeconds(10), Duration.ofHours(1), 20);
        assertThat(retry.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(retry.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(retry.backoffAfter(9)).isEqualTo(Duration.ofSeconds(2_560));
        assertThat(retry.backoffAfter(10)).isEqualTo(Duration.ofHours(1));
        assertThat(retry.backoffAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }
}
