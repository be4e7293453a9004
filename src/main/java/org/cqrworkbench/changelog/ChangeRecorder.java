package org.cqrworkbench.changelog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cqrworkbench.changelog.Items.Described;
import org.cqrworkbench.changelog.Pending.Field;
import org.cqrworkbench.changelog.Pending.Ref;
import org.cqrworkbench.changelog.Pending.Ref.Kind;
import org.cqrworkbench.changelog.Pending.Words;
import org.cqrworkbench.coding.Coding;
import org.cqrworkbench.coding.Layer;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.crossanalysis.Category;
import org.cqrworkbench.transcript.Transcript;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEvent;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hears every insert, update and delete Hibernate makes to domains, codings, core ideas and categories, and
 * every change to the two link collections (a category's core ideas, a core idea's codings), and turns them
 * into change-log entries. Nothing a feature does through its entities can escape it; bulk JPQL updates would,
 * so the analysis uses none (ChangeLogCoverageTest keeps it so).
 *
 * <p>Entries are written by {@link ChangeBatch} just before the commit, not here: during a flush Hibernate's
 * action queue is being worked through, and a query of its own (even a native insert) would flush again or queue
 * cleanup work in the middle of it. Plain JDBC on the session's own connection, after the last flush, is in the
 * same transaction and touches none of Hibernate's state.
 */
final class ChangeRecorder implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
        PreDeleteEventListener, PostCollectionRecreateEventListener, PostCollectionUpdateEventListener,
        PostCollectionRemoveEventListener {

    private final Clock clock;
    private final Map<SharedSessionContractImplementor, ChangeBatch> batches = new ConcurrentHashMap<>();

    ChangeRecorder(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        String[] names = names(event.getPersister());
        Described after = Items.describe(event.getEntity(), event.getId(), names, event.getState());
        if (after == null) {
            return;
        }
        ChangeBatch batch = batch(event.getSession());
        Items.remember(batch.labels, event.getEntity(), event.getId(), names, event.getState(), false);
        batch.add(entry(after, ChangeAction.CREATED, List.of(), fields(after.fields(), false)));
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        String[] names = names(event.getPersister());
        if (event.getEntity() instanceof Transcript transcript && event.getOldState() != null) {
            batch(event.getSession()).labels.transcriptBefore(transcript.getCaseId(),
                    (String) event.getOldState()[index(names, "body")]);
            return;
        }
        Described after = Items.describe(event.getEntity(), event.getId(), names, event.getState());
        if (after == null || event.getOldState() == null) {
            return;
        }
        Described before = Items.describe(event.getEntity(), event.getId(), names, event.getOldState());
        ChangeBatch batch = batch(event.getSession());
        Items.remember(batch.labels, event.getEntity(), event.getId(), names, event.getState(), false);
        List<Field> was = new ArrayList<>();
        List<Field> is = new ArrayList<>();
        after.fields().forEach((name, value) -> {
            Object old = before.fields().get(name);
            if (!Objects.equals(old, value)) {
                was.add(new Field(name, old instanceof Words words ? words.asBefore() : old));
                is.add(new Field(name, value));
            }
        });
        if (!is.isEmpty()) {
            batch.add(entry(after, ChangeAction.CHANGED, was, is));
        }
    }

    @Override
    public boolean onPreDelete(PreDeleteEvent event) {
        // The database, not Hibernate, removes the links of a deleted core idea or coding (on delete cascade),
        // so they are read here, while the rows are still there.
        Object entity = event.getEntity();
        if (entity instanceof CoreIdea idea) {
            ChangeBatch batch = batch(event.getSession());
            batch.labels.idea(idea.getId(), idea.getCaseId(), idea.getBody());
            for (long categoryId : linked(event.getSession(),
                    "select category_id from category_core_idea where core_idea_id = ?", idea.getId())) {
                batch.addLinkUndone(link(ItemType.PLACEMENT, idea.getStudyId(), categoryId, new Ref(Kind.CATEGORY, categoryId),
                        idea.getId(), ChangeAction.REMOVED));
            }
        } else if (entity instanceof Coding coding && coding.getLayer() == Layer.CONSENSUS) {
            ChangeBatch batch = batch(event.getSession());
            batch.labels.coding(coding.getId(), new Words(coding.getCaseId(), coding.getStart(), coding.getEnd(), true));
            for (long ideaId : linked(event.getSession(),
                    "select core_idea_id from core_idea_coding where coding_id = ?", coding.getId())) {
                batch.addLinkUndone(link(ItemType.CODING_LINK, coding.getStudyId(), ideaId, new Ref(Kind.CORE_IDEA, ideaId),
                        coding.getId(), ChangeAction.UNLINKED));
            }
        }
        return false;
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        String[] names = names(event.getPersister());
        Described before = Items.describe(event.getEntity(), event.getId(), names, event.getDeletedState());
        if (before == null) {
            return;
        }
        ChangeBatch batch = batch(event.getSession());
        Items.remember(batch.labels, event.getEntity(), event.getId(), names, event.getDeletedState(), true);
        batch.add(entry(before, ChangeAction.DELETED, fields(before.fields(), true), List.of()));
    }

    @Override
    public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
        linksChanged(event, Set.of(), elements(event.getCollection()));
    }

    @Override
    public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
        // The stored snapshot is what was loaded; Hibernate replaces it only once the whole flush is done.
        linksChanged(event, elements(event.getCollection().getStoredSnapshot()), elements(event.getCollection()));
    }

    @Override
    public void onPostRemoveCollection(PostCollectionRemoveEvent event) {
        Object snapshot = event.getCollection().getStoredSnapshot();
        linksChanged(event, elements(snapshot != null ? snapshot : event.getCollection()), Set.of());
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void linksChanged(AbstractCollectionEvent event, Set<Long> was, Set<Long> is) {
        Object owner = event.getAffectedOwnerOrNull();
        if (!(owner instanceof Category) && !(owner instanceof CoreIdea)) {
            return;
        }
        Set<Long> added = new HashSet<>(is);
        added.removeAll(was);
        Set<Long> removed = new HashSet<>(was);
        removed.removeAll(is);
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        ChangeBatch batch = batch(event.getSession());
        if (owner instanceof Category category) {
            batch.labels.name(new Ref(Kind.CATEGORY, category.getId()), category.getName());
            for (long ideaId : sorted(added)) {
                batch.add(link(ItemType.PLACEMENT, category.getStudyId(), category.getId(), category.getName(), ideaId, ChangeAction.PLACED));
            }
            for (long ideaId : sorted(removed)) {
                batch.addLinkUndone(link(ItemType.PLACEMENT, category.getStudyId(), category.getId(), category.getName(), ideaId,
                        ChangeAction.REMOVED));
            }
        } else if (owner instanceof CoreIdea idea) {
            batch.labels.idea(idea.getId(), idea.getCaseId(), idea.getBody());
            Ref label = new Ref(Kind.CORE_IDEA, idea.getId());
            for (long codingId : sorted(added)) {
                batch.add(link(ItemType.CODING_LINK, idea.getStudyId(), idea.getId(), label, codingId, ChangeAction.LINKED));
            }
            for (long codingId : sorted(removed)) {
                batch.addLinkUndone(link(ItemType.CODING_LINK, idea.getStudyId(), idea.getId(), label, codingId, ChangeAction.UNLINKED));
            }
        }
    }

    /** A placement (category, core idea) or a link (core idea, coding); the other item shows as before or after. */
    private Pending link(ItemType type, long studyId, long itemId, Object label, long otherId, ChangeAction action) {
        Field other = type == ItemType.PLACEMENT
                ? new Field("core idea", new Ref(Kind.CORE_IDEA, otherId))
                : new Field("coding", new Ref(Kind.CODING, otherId));
        boolean ended = action == ChangeAction.REMOVED || action == ChangeAction.UNLINKED;
        return new Pending(studyId, type, itemId, otherId, label, action, username(), clock.instant(),
                ChangeContext.currentComment(), ended ? List.of(other) : List.of(), ended ? List.of() : List.of(other));
    }

    private Pending entry(Described item, ChangeAction action, List<Field> before, List<Field> after) {
        return new Pending(item.studyId(), item.type(), item.id(), null, item.label(), action, username(), clock.instant(),
                ChangeContext.currentComment(), before, after);
    }

    private ChangeBatch batch(SharedSessionContractImplementor session) {
        return batches.computeIfAbsent(session, s -> {
            ChangeBatch batch = new ChangeBatch(() -> batches.remove(s));
            s.getTransactionCompletionCallbacks().registerCallback((BeforeCompletionCallback) batch);
            s.getTransactionCompletionCallbacks().registerCallback((AfterCompletionCallback) batch);
            return batch;
        });
    }

    /** The signed-in person; null for the application's own work, such as loading the sample study. */
    private static String username() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication.getName();
    }

    /** All of an item's fields that have a value, for a creation or deletion. */
    private static List<Field> fields(Map<String, Object> values, boolean before) {
        List<Field> fields = new ArrayList<>();
        values.forEach((name, value) -> {
            if (value != null) {
                fields.add(new Field(name, before && value instanceof Words words ? words.asBefore() : value));
            }
        });
        return fields;
    }

    private static List<Long> linked(SharedSessionContractImplementor session, String sql, long id) {
        return session.doReturningWork(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> elements(Object collectionOrSnapshot) {
        if (collectionOrSnapshot instanceof Map<?, ?> snapshot) {
            return new HashSet<>((Collection<Long>) snapshot.keySet());
        }
        if (collectionOrSnapshot instanceof Collection<?> collection) {
            return new HashSet<>((Collection<Long>) collection);
        }
        return Set.of();
    }

    private static List<Long> sorted(Set<Long> ids) {
        return ids.stream().sorted().toList();
    }

    private static String[] names(EntityPersister persister) {
        return persister.getPropertyNames();
    }

    private static int index(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("No property " + name);
    }
}
