package nl.ggz.contracts.domain.ceiling;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Amounts held above the ceiling became payable, per declaration, oldest declaration first (seed 001: declarations
 * above the ceiling are not paid, "daarom moeten zorgaanbieders blijven declareren" — a raise pays them out in the
 * order they were declared). Applied in the same transaction as its cause: the signed addendum ({@code causeId} its
 * id), or a credit ({@code causeId} the credit's declaration id) or claw-back ({@code causeId} its id) that freed room
 * under the ceiling. A large release is recorded as several of these, each of at most {@value #MAX_RELEASES} lines.
 */
@Revision("1")
public record HeldDeclarationsReleased(String ceilingId,
                                       PayableChangeCause cause,
                                       String causeId,
                                       List<DeclarationRelease> releases) {

    public static final int MAX_RELEASES = 1_000;

    public HeldDeclarationsReleased {
        releases = List.copyOf(releases);
    }
}
