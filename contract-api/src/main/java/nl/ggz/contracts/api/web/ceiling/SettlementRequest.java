package nl.ggz.contracts.api.web.ceiling;

/**
 * The settlement of a ceiling's year takes no input: the purchaser's call and the moment are the whole of it. An empty
 * object (or no body) is accepted; any field is unknown, and refused as such.
 */
public record SettlementRequest() {
}
