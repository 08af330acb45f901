package nl.ggz.contracts.demo;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The demo's settings, {@code ggz.demo.*}. Their values, defaults included, are in the application's
 * {@code application.yml}, the one place an operator looks; an impossible value stops the start, naming the property.
 *
 * @param enabled   write a year of history on the first start of the embedded default (never on a database of record)
 * @param providers invented providers; each gets one or two contracts
 * @param scale     claims lines per batch, in percent: 100 writes about 70,000 declarations; the story is the same at
 *                  every scale
 * @param threads   scenarios followed at once (their writes take turns, see {@link StoryTime})
 */
@Validated
@ConfigurationProperties(prefix = "ggz.demo")
public record DemoProperties(boolean enabled, @Positive int providers, @Positive int scale, @Positive int threads) {
}
