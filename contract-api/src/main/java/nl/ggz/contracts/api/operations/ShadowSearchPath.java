package nl.ggz.contracts.api.operations;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Makes the unchanged projection code write into the shadow schema: once per transaction of the rebuild's processor,
 * before its first handler runs, {@code SET LOCAL search_path} puts the shadow schema first. It lasts until the
 * transaction ends, so the pooled connection goes back to the live tables; everything the shadow has no table for
 * (tokens, dead letters) still resolves to {@code public}. PostgreSQL plans a prepared statement again when the
 * search path differs from the one it was planned under, so a statement the driver prepared for the live tables
 * does not write into them.
 */
final class ShadowSearchPath {

    private static final String SET = ShadowSearchPath.class.getName() + ".set";

    private ShadowSearchPath() {
    }

    static MessageHandlerInterceptor<EventMessage<?>> interceptor(DataSource dataSource, String schema) {
        String sql = "SET LOCAL search_path TO " + schema + ", public";
        return (unitOfWork, chain) -> {
            if (unitOfWork.resources().putIfAbsent(SET, Boolean.TRUE) == null) {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw new IllegalStateException("a rebuild writes in a transaction only");
                }
                Connection connection = DataSourceUtils.getConnection(dataSource);
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                } finally {
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }
            }
            return chain.proceed();
        };
    }
}
