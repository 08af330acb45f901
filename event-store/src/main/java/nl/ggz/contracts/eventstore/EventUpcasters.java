package nl.ggz.contracts.eventstore;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Where a stored event of an older revision is rewritten to the current shape before it is deserialised. Axon's
 * configuration takes this chain ({@code configuration.upcasterChain()}) into the storage engine and the history
 * replay; the tests of stored events run the same list (README "Events").
 * <p>
 * None is needed yet: every event carries {@code @Revision("1")}, and events stored before events carried a revision
 * (payload revision null) have revision 1's shape, so they load as they are. The next change of an event bumps its
 * revision and adds its upcaster here, oldest change first — here rather than as a bean of its own, so that the
 * tests see exactly the chain the application runs.
 */
@Configuration(proxyBeanMethods = false)
public class EventUpcasters {

    /** The upcasters in the order they apply. */
    public static List<EventUpcaster> inOrder() {
        return List.of();
    }

    @Bean
    EventUpcasterChain storedEventUpcasters() {
        return new EventUpcasterChain(inOrder());
    }
}
