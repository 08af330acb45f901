package nl.ggz.contracts.domain.support;

import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

import java.util.function.Consumer;

/** A Hamcrest matcher (what the Axon fixture takes) that runs AssertJ assertions and reports their message. */
public final class Satisfying<T> extends BaseMatcher<T> {

    private final Consumer<T> assertions;
    private String failure = "";

    private Satisfying(Consumer<T> assertions) {
        this.assertions = assertions;
    }

    public static <T> Satisfying<T> satisfying(Consumer<T> assertions) {
        return new Satisfying<>(assertions);
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean matches(Object actual) {
        try {
            assertions.accept((T) actual);
            return true;
        } catch (AssertionError | ClassCastException e) {
            failure = e.getMessage();
            return false;
        }
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a value satisfying the assertions; they failed with: ").appendText(failure);
    }
}
