package nl.ggz.contracts.demo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The demo joins the application when its module is on the class path — the run command's jar has it, production code
 * paths never call it — and writes its history only where {@code ggz.demo.enabled} is true (see {@link DemoData}), at
 * the story's own moments ({@link StoryTimeConfiguration}).
 */
@AutoConfiguration
@Import({StoryTimeConfiguration.class, DemoData.class})
public class DemoConfiguration {
}
