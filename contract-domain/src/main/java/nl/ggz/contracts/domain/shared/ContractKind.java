package nl.ggz.contracts.domain.shared;

/** DIGITAL: a take-it-or-leave-it offer (VECOZO); NEGOTIATED: a tailor-made (maatwerk) contract with proposal rounds. */
public enum ContractKind {
    DIGITAL, NEGOTIATED
}
