package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

record AddendumState(Money amount, boolean signed) {
}
