package org.cqrworkbench.server;

import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Instances of a team server that start together on an empty database would each create the administrator and
 * load the sample study. Work that only the first start does takes this lock first, so the instances do it one
 * after another and the later ones find it done. On PostgreSQL it is an advisory lock held until the transaction
 * ends; the H2 file database serves a single instance, so there it does nothing.
 */
@Component
public class FirstStartLock {

    /** Any fixed number; advisory locks are per database, and only this application works in it. */
    private static final long KEY = 7_310_212_118L;

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    FirstStartLock(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.postgres = "PostgreSQL".equals(jdbc.execute(
                (ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()));
    }

    /** Waits until no other instance holds the lock, then holds it until the caller's transaction ends. */
    public void holdUntilCommit() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The first-start lock lasts as long as a transaction; call it inside one.");
        }
        if (postgres) {
            jdbc.query("select pg_advisory_xact_lock(?)", row -> null, KEY);
        }
    }
}
