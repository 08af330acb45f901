package nl.ggz.contracts.api.web;

import nl.ggz.contracts.api.config.CallerContext;

/** The calling principal's name, for the signedBy-style fields the domain records besides the metadata. */
public final class Caller {
    private Caller() {
    }

    public static String name() {
        CallerContext caller = CallerContext.current();
        return caller == null ? "anonymous" : caller.principal();
    }

    /** The signatory named in the body, or else the caller. */
    public static String signatory(String signedBy) {
        return signedBy != null && !signedBy.isBlank() ? signedBy : name();
    }

    public static String role() {
        CallerContext caller = CallerContext.current();
        return caller == null ? "UNKNOWN" : caller.role();
    }
}
