package nl.ggz.contracts.api.security;

import nl.ggz.contracts.api.problem.ForbiddenException;
import nl.ggz.contracts.api.problem.NotFoundException;

/**
 * Confines each caller to its own insurer or provider, on top of the role table of {@link SecurityConfiguration}.
 * An id of another tenant is answered exactly as an id that does not exist, so that a caller cannot learn which
 * contracts a competitor holds; an insurer named in a query is public (the UZOVI register) and is refused with 403.
 */
public final class Tenancy {

    private Tenancy() {
    }

    /** Passes when the caller may see the contract (or its ceiling); else the same 404 as for an unknown id. */
    public static void requireSees(String insurer, String provider, String notFoundDetail) {
        if (!Caller.require().sees(insurer, provider)) {
            throw new NotFoundException(notFoundDetail);
        }
    }

    /** A purchaser or claims system acts only on behalf of its own insurer. */
    public static void requireActsFor(String insurer) {
        Caller caller = Caller.require();
        if (caller.insurer() == null || !caller.insurer().equals(insurer)) {
            throw new ForbiddenException("a " + caller.role() + " of insurer " + caller.insurer()
                    + " acts only on behalf of that insurer, not " + insurer);
        }
    }

    /** The insurer a query is confined to: the caller's own for purchasers, any (or none) for the regulator. */
    public static String insurerScope(String requested) {
        Caller caller = Caller.require();
        if (caller.role() == Role.REGULATOR) {
            return requested;
        }
        if (caller.insurer() == null) {
            throw new ForbiddenException("a " + caller.role() + " does not read an insurer's figures");
        }
        if (requested != null && !requested.equals(caller.insurer())) {
            throw new ForbiddenException("a " + caller.role() + " of insurer " + caller.insurer()
                    + " reads only that insurer's figures, not " + requested);
        }
        return caller.insurer();
    }

    /** The provider a query is confined to: the caller's own for providers, as requested for the others. */
    public static String providerScope(String requested) {
        Caller caller = Caller.require();
        if (caller.role() != Role.PROVIDER) {
            return requested;
        }
        if (requested != null && !requested.equals(caller.provider())) {
            throw new ForbiddenException("a provider reads only its own contracts (AGB " + caller.provider()
                    + "), not those of " + requested);
        }
        return caller.provider();
    }
}
