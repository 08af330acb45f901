package nl.ggz.contracts.projections.contract;

public record FindContract(String contractId) {
}
