package nl.ggz.contracts.domain.contract;

/** Which side of a negotiated contract made a proposal. */
public enum Party {
    PURCHASER, PROVIDER
}
