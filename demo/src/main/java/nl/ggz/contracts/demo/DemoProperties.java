package nl.ggz.contracts.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's settings ({@code ggz.demo.*}, shown with their values in the application's {@code application.yml}).
 *
 * @param enabled   write a year of history on the first start of the embedded default (never on a database of record)
 * @param providers invented providers; each gets one or two contracts
 * @param scale     claims lines per batch, in percent: 100 writes about 70,000 declarations; the story is the same at
 *                  every scale
 * @param threads   scenarios followed at once (their writes take turns, see {@link StoryTime})
 */
@ConfigurationProperties("ggz.demo")
public record DemoProperties(boolean enabled,
                             @DefaultValue("300") int providers,
                             @DefaultValue("100") int scale,
                             @DefaultValue("4") int threads) {
}
