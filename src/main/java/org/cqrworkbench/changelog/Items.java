package org.cqrworkbench.changelog;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cqrworkbench.changelog.Pending.Ref;
import org.cqrworkbench.changelog.Pending.Ref.Kind;
import org.cqrworkbench.changelog.Pending.Words;
import org.cqrworkbench.coding.Coding;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.Layer;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.crossanalysis.Category;

/**
 * What the log records of each kind of item: the properties a reader of the analysis cares about, in the order
 * they read best. Ids of other items stay ids here ({@link Ref}); bookkeeping such as versions is left out.
 * Works from Hibernate's state arrays, so the state before a change is described exactly like the state after.
 */
final class Items {

    /** One item's state as the log describes it. */
    record Described(long studyId, ItemType type, long id, Object label, Map<String, Object> fields) {
    }

    private Items() {
    }

    /** Null for anything the log does not follow, including judges' private draft codings. */
    static Described describe(Object entity, Object id, String[] propertyNames, Object[] values) {
        if (!isLogged(entity)) {
            return null;
        }
        Map<String, Object> state = new HashMap<>();
        for (int i = 0; i < propertyNames.length; i++) {
            state.put(propertyNames[i], values[i]);
        }
        long itemId = (Long) id;
        Map<String, Object> fields = new LinkedHashMap<>();
        if (entity instanceof Domain) {
            fields.put("name", state.get("name"));
            fields.put("definition", state.get("definition"));
            fields.put("parent", ref(Kind.DOMAIN, state.get("parentId")));
            fields.put("order", order(state.get("position")));
            return new Described(studyOf(state), ItemType.DOMAIN, itemId, state.get("name"), fields);
        }
        if (entity instanceof Coding) {
            if (state.get("layer") != Layer.CONSENSUS) {
                return null;
            }
            int start = (Integer) state.get("start");
            int end = (Integer) state.get("end");
            fields.put("domain", ref(Kind.DOMAIN, state.get("domainId")));
            fields.put("span", start + "–" + end);
            fields.put("text", new Words((Long) state.get("caseId"), start, end, false));
            return new Described(studyOf(state), ItemType.CODING, itemId, new Ref(Kind.CODING, itemId), fields);
        }
        if (entity instanceof CoreIdea) {
            fields.put("text", state.get("body"));
            fields.put("domain", ref(Kind.DOMAIN, state.get("domainId")));
            fields.put("order", order(state.get("position")));
            return new Described(studyOf(state), ItemType.CORE_IDEA, itemId, new Ref(Kind.CORE_IDEA, itemId), fields);
        }
        if (entity instanceof Category) {
            fields.put("name", state.get("name"));
            fields.put("description", state.get("description"));
            fields.put("domain", ref(Kind.DOMAIN, state.get("domainId")));
            fields.put("parent", ref(Kind.CATEGORY, state.get("parentId")));
            fields.put("order", order(state.get("position")));
            return new Described(studyOf(state), ItemType.CATEGORY, itemId, state.get("name"), fields);
        }
        return null;
    }

    /** What other entries need to name this item: its name, or its case and text. */
    static void remember(Labels labels, Object entity, Object id, String[] propertyNames, Object[] values, boolean deleted) {
        if (!isLogged(entity)) {
            return;
        }
        Map<String, Object> state = new HashMap<>();
        for (int i = 0; i < propertyNames.length; i++) {
            state.put(propertyNames[i], values[i]);
        }
        long itemId = (Long) id;
        if (entity instanceof Domain) {
            labels.name(new Ref(Kind.DOMAIN, itemId), (String) state.get("name"));
        } else if (entity instanceof Category) {
            labels.name(new Ref(Kind.CATEGORY, itemId), (String) state.get("name"));
        } else if (entity instanceof CoreIdea) {
            labels.idea(itemId, (Long) state.get("caseId"), (String) state.get("body"));
        } else if (entity instanceof Coding) {
            Words words = new Words((Long) state.get("caseId"), (Integer) state.get("start"), (Integer) state.get("end"), false);
            labels.coding(itemId, deleted ? words.asBefore() : words);
        }
    }

    /** Other entities may have ids of other types, such as a case step's composite key. */
    private static boolean isLogged(Object entity) {
        return entity instanceof Domain || entity instanceof Coding || entity instanceof CoreIdea || entity instanceof Category;
    }

    private static long studyOf(Map<String, Object> state) {
        return (Long) state.get("studyId");
    }

    private static Ref ref(Kind kind, Object id) {
        return id == null ? null : new Ref(kind, (Long) id);
    }

    /** Positions count from 0; people count places from 1. */
    private static Integer order(Object position) {
        return position == null ? null : (Integer) position + 1;
    }
}
