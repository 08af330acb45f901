package nl.ggz.contracts.eventstore.stored;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event carries its revision, so that its next change is a bump with an upcaster from a named revision, and has
 * a test of its stored JSON (README "Events").
 */
class EveryEventHasARevisionTest {

    private static final List<Class<?>> STORED_TESTS = List.of(ContractEventsStoredTest.class,
            CeilingEventsStoredTest.class, PolicyEventsStoredTest.class, PrivacyEventsStoredTest.class);

    private final Set<Class<?>> events = DomainEvents.all();

    @Test
    void theDomainsEventsAreFound() {
        // the contract's 14, the ceiling's 20, the policy's 2 and the erasure's 1: a scan that finds none would prove
        // nothing
        assertThat(events).hasSize(37);
    }

    @Test
    void everyEventCarriesARevision() {
        assertThat(events).allSatisfy(event -> assertThat(event.getAnnotation(Revision.class))
                .as(event.getSimpleName() + " carries @Revision").isNotNull());
    }

    /**
     * An event stored before events carried a revision has a test {@code <event>StoredWithoutRevision…}; an event
     * that came later, {@code <event>StoredAsRevision1…}.
     */
    @Test
    void everyEventHasATestOfItsStoredJson() {
        List<String> tests = STORED_TESTS.stream().flatMap(test -> Arrays.stream(test.getDeclaredMethods()))
                .map(Method::getName).toList();
        assertThat(events).allSatisfy(event -> assertThat(tests)
                .as("a test " + Introspector.decapitalize(event.getSimpleName()) + "Stored… (WithoutRevision… for "
                        + "events stored before revisions, AsRevision1… for events added since)")
                .anyMatch(name -> name.startsWith(Introspector.decapitalize(event.getSimpleName())
                        + "StoredWithoutRevision") || name.startsWith(Introspector.decapitalize(event.getSimpleName())
                        + "StoredAsRevision1")));
    }

    /**
     * An event changed since it was first stored also has a test of its current revision's JSON
     * ({@code <event>StoredAsRevision<n>…}); the older literals stay, so every step of its upcasters is proven.
     */
    @Test
    void everyRevisedEventHasATestOfItsCurrentRevision() {
        List<String> tests = STORED_TESTS.stream().flatMap(test -> Arrays.stream(test.getDeclaredMethods()))
                .map(Method::getName).toList();
        assertThat(events).filteredOn(event -> !event.getAnnotation(Revision.class).value().equals("1"))
                .allSatisfy(event -> {
                    String name = Introspector.decapitalize(event.getSimpleName()) + "StoredAsRevision"
                            + event.getAnnotation(Revision.class).value();
                    assertThat(tests).as("a test " + name + "…").anyMatch(test -> test.startsWith(name));
                });
    }
}
