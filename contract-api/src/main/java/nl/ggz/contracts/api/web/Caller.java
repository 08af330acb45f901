package nl.ggz.contracts.api.web;

import nl.ggz.contracts.api.security.Identity;
import nl.ggz.contracts.api.security.Role;

/** The calling principal's name, for the signedBy-style fields the domain records besides the metadata. */
public final class Caller {
    private Caller() {
    }

    public static String name() {
        return Identity.current().map(Identity::name).orElse("anonymous");
    }

    /** The signatory named in the body (a person signing for the provider), or else the caller. */
    public static String signatory(String signedBy) {
        return signedBy != null && !signedBy.isBlank() ? signedBy : name();
    }

    public static Role role() {
        return Identity.current().map(Identity::role).orElse(null);
    }
}
