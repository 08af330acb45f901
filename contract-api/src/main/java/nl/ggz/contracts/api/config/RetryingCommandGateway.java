package nl.ggz.contracts.api.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The command gateway that sends a command again when another node wrote the same aggregate first. Each node has its
 * own command bus and its own cache of ceilings (DESIGN.md §3), so two nodes can both load an aggregate at sequence n
 * and both try to append n+1: the event store's key on (aggregate, sequence) refuses the second, Axon rolls its unit of
 * work back and evicts the cached aggregate, and the command is simply sent again: it loads the aggregate as the other
 * node left it and is judged against that. Nothing was stored by the refused attempt, so a repeat cannot double it.
 * <p>
 * This is the one retry loop for concurrent writes: the claims intake and the controllers rely on it.
 * <p>
 * A command sent while another one is being handled (a contract change passed on to its ceilings) is not repeated on
 * its own: it shares the outer command's transaction, which fails as a whole and is repeated from the top.
 */
final class RetryingCommandGateway extends DefaultCommandGateway {

    private static final Logger log = LoggerFactory.getLogger(RetryingCommandGateway.class);

    private final int attempts;

    RetryingCommandGateway(CommandBus commandBus, int attempts) {
        super(DefaultCommandGateway.builder().commandBus(commandBus));
        this.attempts = attempts;
    }

    @Override
    public <R> R sendAndWait(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return super.sendAndWait(command);
            } catch (RuntimeException e) {
                pauseOrRethrow(command, e, attempt);
            }
        }
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        for (int attempt = 1; ; attempt++) {
            try {
                return super.sendAndWait(command, timeout, unit);
            } catch (RuntimeException e) {
                pauseOrRethrow(command, e, attempt);
            }
        }
    }

    private void pauseOrRethrow(Object command, RuntimeException e, int attempt) {
        if (attempt >= attempts || CurrentUnitOfWork.isStarted() || !isConcurrentWrite(e)) {
            throw e;
        }
        log.info("{} met a concurrent write to its aggregate or a key of its transaction (attempt {} of {}); "
                        + "sending it again",
                command.getClass().getSimpleName(), attempt, attempts);
        try {
            // a few milliseconds apart, at random: two nodes that collided do not collide again in lock-step
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /**
     * The event store's key on (aggregate, sequence), or a key of a table written in the command's transaction (the
     * declaration ledger's (insurer, declaration id), contract_claim's (insurer, provider, year): one contract per
     * insurer, provider and year): another transaction wrote first. Sent again, the command meets what it wrote.
     */
    static boolean isConcurrentWrite(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }
}
