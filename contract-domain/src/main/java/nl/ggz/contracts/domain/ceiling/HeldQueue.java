package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The held parts of a ceiling's declarations as one command changes them, and the release of the oldest (seed 001:
 * held declarations become payable when a raise lifts the ceiling, in the order they were declared).
 * <p>
 * The ledger answers for what was stored before the command, a keyset page at a time: a release reads the held
 * declarations from the oldest up to the amount released and no further, never the whole ceiling. What this command
 * changed is kept here, since the ledger is written from the command's events only when it has finished: held parts
 * taken off or released, and declarations accepted by this command with a part held (the newest of all).
 */
public final class HeldQueue {

    static final int PAGE = 500;

    private final DeclarationLedger ledger;
    private final String ceilingId;
    /** held parts as this command left them, by declaration id */
    private final Map<String, Money> changed = new HashMap<>();
    /** declarations accepted by this command with a part held, in acceptance order */
    private final List<String> accepted = new ArrayList<>();
    /** every stored declaration up to this acceptance order has nothing held any more */
    private long drainedUpTo;
    private int acceptedDrained;
    private boolean storedDrained;
    private long rowsRead;

    public HeldQueue(DeclarationLedger ledger, String ceilingId) {
        this.ledger = ledger;
        this.ceilingId = ceilingId;
    }

    /** What is held of the declaration now, given what the ledger stored of it. */
    public Money heldOf(LedgerEntry stored) {
        return changed.getOrDefault(stored.declarationId(), stored.held());
    }

    /** A declaration this command accepted, with its part held above the ceiling. */
    public void accepted(String declarationId, Money held) {
        if (held.isPositive()) {
            changed.put(declarationId, held);
            accepted.add(declarationId);
        }
    }

    /** Of a declaration's held part, this much was taken off (a credit or claw-back). */
    public void reduced(LedgerEntry stored, Money heldReduction) {
        changed.put(stored.declarationId(), heldOf(stored).minus(heldReduction));
    }

    /** Releases up to {@code amount} from the oldest held declarations; answers what of each became payable. */
    public List<DeclarationRelease> release(Money amount) {
        List<DeclarationRelease> releases = new ArrayList<>();
        Money left = amount;
        while (left.isPositive() && !storedDrained) {
            List<HeldDeclaration> page = ledger.held(ceilingId, drainedUpTo, PAGE);
            rowsRead += page.size();
            for (HeldDeclaration row : page) {
                Money held = changed.getOrDefault(row.declarationId(), row.held());
                Money take = held.min(left);
                if (take.isPositive()) {
                    releases.add(new DeclarationRelease(row.declarationId(), take));
                    changed.put(row.declarationId(), held.minus(take));
                    left = left.minus(take);
                }
                if (held.minus(take).isPositive()) {
                    break;
                }
                drainedUpTo = row.order();
                if (!left.isPositive()) {
                    break;
                }
            }
            if (page.size() < PAGE && left.isPositive()) {
                // the ceiling holds no more than this: what is left is held by declarations of this command
                storedDrained = true;
            }
        }
        while (left.isPositive() && acceptedDrained < accepted.size()) {
            String id = accepted.get(acceptedDrained);
            Money held = changed.get(id);
            Money take = held.min(left);
            if (take.isPositive()) {
                releases.add(new DeclarationRelease(id, take));
                changed.put(id, held.minus(take));
                left = left.minus(take);
            }
            if (changed.get(id).isPositive()) {
                break;
            }
            acceptedDrained++;
        }
        return releases;
    }

    /** How many ledger rows the releases of this command read (a bound the tests check). */
    public long rowsRead() {
        return rowsRead;
    }
}
