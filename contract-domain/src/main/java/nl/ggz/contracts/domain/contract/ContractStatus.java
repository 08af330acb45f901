package nl.ggz.contracts.domain.contract;

public enum ContractStatus {
    OFFERED, SIGNED, DECLINED, EXPIRED, WITHDRAWN, TERMINATED, ENDED
}
