package nl.ggz.contracts.api.security;

/**
 * An authentication (a checked bearer token) or a principal (the user of a browser session) that carries the
 * {@link Caller} read from its claims when it was checked: the one place {@link Caller#current()} looks.
 */
public interface SignedIn {
    Caller caller();
}
