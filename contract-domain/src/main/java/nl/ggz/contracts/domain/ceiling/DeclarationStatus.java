package nl.ggz.contracts.domain.ceiling;

public enum DeclarationStatus {
    ACCEPTED, DUPLICATE, REJECTED
}
