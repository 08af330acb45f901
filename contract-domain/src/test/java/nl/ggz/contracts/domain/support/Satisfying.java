package nl.ggz.contracts.domain.support;

import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

import java.util.function.Consumer;

/**
 * A Hamcrest matcher (what the Axon fixture takes) that runs AssertJ assertions. The fixture describes the expectation
 * before it matches, so a failed assertion is rethrown as it is: its own message says what differed.
 */
public final class Satisfying<T> extends BaseMatcher<T> {

    private final Consumer<T> assertions;

    private Satisfying(Consumer<T> assertions) {
        this.assertions = assertions;
    }

    public static <T> Satisfying<T> satisfying(Consumer<T> assertions) {
        return new Satisfying<>(assertions);
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean matches(Object actual) {
        assertions.accept((T) actual);
        return true;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a value satisfying the test's assertions");
    }
}
