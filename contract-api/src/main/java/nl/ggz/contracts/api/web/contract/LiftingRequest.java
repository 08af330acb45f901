package nl.ggz.contracts.api.web.contract;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

public record LiftingRequest(@NotNull LocalDate to) {
}
