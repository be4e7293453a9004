package org.cqrworkbench.changelog;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;

/**
 * The changes of one transaction. Hibernate calls it back after its last flush and just before the commit, on the
 * connection and in the transaction of the changes themselves, so the log holds exactly the changes that were
 * committed; a rollback takes the batch with it.
 */
final class ChangeBatch implements BeforeCompletionCallback, AfterCompletionCallback {

    private static final int INSERT_BATCH = 200;
    private static final String INSERT = "insert into change_entry (study_id, item_type, item_id, other_id, item_label, action,"
            + " who, at, before_value, after_value, comment_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Moves the study's analysis revision (see RevisionCache), so figures worked out from the analysis before this
     * change are worked out again. Studies in ascending order, so two transactions touching the same studies lock
     * them in the same order.
     */
    private static final String REVISE = "update study set analysis_revision = analysis_revision + 1 where id = ?";

    private final Runnable forget;
    private final List<Pending> entries = new ArrayList<>();
    private final Set<List<Object>> linksUndone = new HashSet<>();
    final Labels labels = new Labels();

    ChangeBatch(Runnable forget) {
        this.forget = forget;
    }

    void add(Pending entry) {
        entries.add(entry);
    }

    /**
     * A placement or link that ended, recorded once: a category deleted together with its core idea ends their
     * placement both in Hibernate's events and in the database's cascade.
     */
    void addLinkUndone(Pending entry) {
        if (linksUndone.add(List.of(entry.type(), entry.itemId(), entry.otherId()))) {
            entries.add(entry);
        }
    }

    @Override
    public void doBeforeTransactionCompletion(SharedSessionContractImplementor session) {
        if (entries.isEmpty()) {
            return;
        }
        session.doWork(connection -> {
            labels.resolve(connection, entries);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                int pending = 0;
                for (Pending p : entries) {
                    insert.setLong(1, p.studyId());
                    insert.setString(2, p.type().name());
                    insert.setLong(3, p.itemId());
                    setLong(insert, 4, p.otherId());
                    insert.setString(5, truncated(labels.label(p.label())));
                    insert.setString(6, p.action().name());
                    setLong(insert, 7, labels.user(p.username()));
                    insert.setObject(8, p.at().atOffset(ZoneOffset.UTC));
                    insert.setString(9, labels.lines(p.before()));
                    insert.setString(10, labels.lines(p.after()));
                    setLong(insert, 11, p.commentId());
                    insert.addBatch();
                    if (++pending == INSERT_BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            try (PreparedStatement revise = connection.prepareStatement(REVISE)) {
                for (long studyId : new TreeSet<>(entries.stream().map(Pending::studyId).toList())) {
                    revise.setLong(1, studyId);
                    revise.executeUpdate();
                }
            }
        });
    }

    @Override
    public void doAfterTransactionCompletion(boolean success, SharedSessionContractImplementor session) {
        forget.run();
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws java.sql.SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static String truncated(String label) {
        return label == null || label.length() <= 1000 ? label : label.substring(0, 999) + "…";
    }
}
