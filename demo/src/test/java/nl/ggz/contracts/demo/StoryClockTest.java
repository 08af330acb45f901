package nl.ggz.contracts.demo;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import static nl.ggz.contracts.domain.shared.DomainTime.AMSTERDAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The story's moment is the writing thread's alone, and only while its step runs. */
class StoryClockTest {

    private static final Instant REAL = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant STORY = Instant.parse("2026-03-01T01:17:00Z");

    private final StoryClock clock = new StoryClock(Clock.fixed(REAL, ZoneOffset.UTC));

    @Test
    void aStepReadsItsMomentWhileOtherThreadsKeepTheRealTime() throws Exception {
        Instant[] read = new Instant[3];
        StoryClock.at(STORY, () -> {
            read[0] = clock.instant();
            read[1] = clock.withZone(AMSTERDAM).instant();
            read[2] = CompletableFuture.supplyAsync(clock::instant).get();
            return null;
        });

        assertThat(read[0]).isEqualTo(STORY);
        assertThat(read[1]).as("the zoned clock a controller makes of it").isEqualTo(STORY);
        assertThat(read[2]).as("a request served meanwhile").isEqualTo(REAL);
        assertThat(clock.instant()).as("after the step").isEqualTo(REAL);
    }

    @Test
    void aStepThatFailsLeavesTheThreadOnTheRealTime() {
        assertThatThrownBy(() -> StoryClock.at(STORY, () -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(StoryClock.inStory()).isFalse();
        assertThat(clock.instant()).isEqualTo(REAL);
    }

    @Test
    void aMomentInsideAStepGivesWayToTheStepsOwnAfterwards() throws Exception {
        Instant due = Instant.parse("2026-05-12T09:00:00Z");
        Instant after = StoryClock.at(STORY, () -> {
            StoryClock.at(due, clock::instant);
            return clock.instant();
        });

        assertThat(after).isEqualTo(STORY);
    }

    @Test
    void theWrappedClockStaysReadableInsideAStep() throws Exception {
        assertThat(StoryClock.at(STORY, clock::outsideStory)).isEqualTo(REAL);
    }
}
