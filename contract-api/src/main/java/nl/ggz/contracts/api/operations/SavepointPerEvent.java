package nl.ggz.contracts.api.operations;

import nl.ggz.contracts.jdbc.EventIsolation;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * An event handler that runs in isolation ({@link EventIsolation}, see {@link ReadModelIsolation}) runs inside a
 * savepoint of the transaction: when it fails, its writes are rolled back to the savepoint and the transaction stays
 * usable, so the dead-letter queue can park the event in it. Handlers that are not isolated — the hot path — pass
 * straight through.
 */
@Component
public class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final DataSource dataSource;

    public SavepointPerEvent(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!EventIsolation.active() || !TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                Connection connection = DataSourceUtils.getConnection(dataSource);
                try {
                    Savepoint savepoint = connection.setSavepoint();
                    try {
                        Object result = super.handle(message, target);
                        connection.releaseSavepoint(savepoint);
                        return result;
                    } catch (Exception | Error failure) {
                        try {
                            connection.rollback(savepoint);
                        } catch (SQLException rollback) {
                            failure.addSuppressed(rollback);
                        }
                        throw failure;
                    }
                } finally {
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }
            }
        };
    }
}
