package org.cqrworkbench.exchange;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cqrworkbench.audit.AuditStep;
import org.cqrworkbench.audit.ReplyKind;
import org.cqrworkbench.audit.ThreadStatus;
import org.cqrworkbench.cases.CaseStep;
import org.cqrworkbench.cases.CodingMode;
import org.cqrworkbench.changelog.ChangeAction;
import org.cqrworkbench.coding.Layer;
import org.cqrworkbench.frequency.GeneralRule;
import org.cqrworkbench.frequency.RareRule;
import org.cqrworkbench.study.StudyRole;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Every table that holds part of a study, and how its rows point at each other, so that a study can be read out
 * whole and written back with new ids. Reading and writing go straight to the tables: a backup restores the change
 * log as it was instead of logging the restore as new changes, and it never reaches rows of another study, because
 * a reference is only ever translated to a row restored from the same file.
 */
@Component
class StudyTables {

    enum Ids { IDENTITY, SEQUENCE, NONE }

    enum Kind {
        VALUE,
        TIME,
        /** An id of another restored table; a reference to a row not in the file means the file is damaged. */
        REF,
        /** A parent in the same table, set once all rows exist. */
        PARENT,
        /** A user account. */
        USER,
        /**
         * An id whose table depends on the row ("item_type"), without a foreign key; it may name an item deleted
         * since. Such an id becomes the negative of the old one, so it can never meet a real row.
         */
        LOOSE
    }

    /** Where to look up the old rows of another table while restoring: the row of `table` with old id `id`. */
    interface Rows {
        Map<String, Object> row(String table, Object id);
    }

    record Column(String name, Kind kind, String target, BiFunction<Map<String, Object>, Rows, String> looseTarget,
            Set<String> allowed) {
    }

    record Table(String name, Ids ids, String sequence, String owner, List<Column> columns) {

        boolean hasId() {
            return ids != Ids.NONE;
        }
    }

    // Rows are picked with EXISTS, not "in (select ...)": H2 spills a long IN list to disk past its in-memory row limit
    // (a few thousand rows with a small heap) and then fails, so a large study could not be exported.
    private static final String OF_CASES = "exists (select 1 from study_case o where o.id = case_id and o.study_id = ?)";

    static final List<Table> TABLES = List.of(
            table("study", Ids.IDENTITY, "id = ?", value("name"), value("description"), value("research_question"),
                    value("abbreviations"), time("created_at")),
            table("subsample", Ids.IDENTITY, "study_id = ?", study(), value("name"), value("table_title"), value("sort_order"),
                    value("general_rule", GeneralRule.class), value("rare_rule", RareRule.class)),
            table("study_case", Ids.IDENTITY, "study_id = ?", study(), value("code"), value("notes"),
                    value("coding_mode", CodingMode.class)),
            table("case_attribute", Ids.NONE, OF_CASES, ref("case_id", "study_case"), value("attr_name"), value("attr_value")),
            table("case_subsample", Ids.NONE, OF_CASES, ref("case_id", "study_case"), ref("subsample_id", "subsample")),
            table("study_member", Ids.IDENTITY, "study_id = ?", study(), user("user_id"),
                    value("role", StudyRole.class), value("biases")),
            table("transcript", Ids.IDENTITY, OF_CASES, ref("case_id", "study_case"), value("body"), value("body_length"), value("source_name"),
                    time("imported_at")),
            table("transcript_part", Ids.IDENTITY,
                    "exists (select 1 from transcript t join study_case c on c.id = t.case_id where t.id = transcript_id and c.study_id = ?)",
                    ref("transcript_id", "transcript"), ref("subsample_id", "subsample"), value("start_offset"), value("end_offset")),
            sequenced("domain", "domain_seq", study(), parent("parent_id"), value("name"), value("definition"), value("sort_order")),
            sequenced("coding", "coding_seq", study(), ref("case_id", "study_case"), ref("domain_id", "domain"),
                    value("start_offset"), value("end_offset"), value("layer", Layer.class), user("owner_id"),
                    user("decided_by"), time("created_at")),
            table("coding_draft", Ids.NONE, OF_CASES, ref("case_id", "study_case"), user("owner_id"), time("done_at")),
            sequenced("core_idea", "core_idea_seq", study(), ref("case_id", "study_case"), ref("subsample_id", "subsample"),
                    ref("domain_id", "domain"), value("body"), value("sort_order")),
            table("core_idea_coding", Ids.NONE, "exists (select 1 from core_idea o where o.id = core_idea_id and o.study_id = ?)",
                    ref("core_idea_id", "core_idea"), ref("coding_id", "coding")),
            sequenced("category", "category_seq", study(), ref("domain_id", "domain"), parent("parent_id"), value("name"),
                    value("description"), value("sort_order")),
            table("category_core_idea", Ids.NONE, "exists (select 1 from category o where o.id = category_id and o.study_id = ?)",
                    ref("category_id", "category"), ref("core_idea_id", "core_idea")),
            table("case_step", Ids.NONE, OF_CASES, ref("case_id", "study_case"),
                    value("step", CaseStep.class), time("done_at"),
                    user("done_by")),
            table("audit_request", Ids.IDENTITY, "study_id = ?", study(), value("step", AuditStep.class),
                    value("note"), user("requested_by"), time("requested_at"), time("closed_at")),
            table("audit_request_target", Ids.NONE, "exists (select 1 from audit_request o where o.id = request_id and o.study_id = ?)",
                    ref("request_id", "audit_request"), loose("target_id", (row, rows) ->
                            "CROSS_ANALYSIS".equals(rows.row("audit_request", row.get("request_id")).get("step")) ? "domain" : "study_case")),
            table("audit_request_auditor", Ids.NONE, "exists (select 1 from audit_request o where o.id = request_id and o.study_id = ?)",
                    ref("request_id", "audit_request"), user("auditor_id"), time("reviewed_at")),
            table("audit_comment", Ids.IDENTITY, "study_id = ?", study(), ref("request_id", "audit_request"),
                    value("item_type", org.cqrworkbench.audit.ItemType.class),
                    loose("item_id", (row, rows) -> switch (String.valueOf(row.get("item_type"))) {
                        case "CODING" -> "coding";
                        case "CORE_IDEA" -> "core_idea";
                        case "CATEGORY", "PLACEMENT" -> "category";
                        default -> null;
                    }),
                    loose("second_id", (row, rows) -> "PLACEMENT".equals(row.get("item_type")) ? "core_idea" : null),
                    loose("case_id", (row, rows) -> "study_case"), loose("domain_id", (row, rows) -> "domain"),
                    value("item_label"), user("author_id"), time("created_at"), value("body"), value("suggestion"),
                    loose("suggested_id", (row, rows) -> switch (String.valueOf(row.get("item_type"))) {
                        case "CODING" -> "domain";
                        case "PLACEMENT" -> "category";
                        default -> null;
                    }),
                    value("status", ThreadStatus.class), value("decision", ReplyKind.class)),
            table("audit_reply", Ids.IDENTITY, "exists (select 1 from audit_comment o where o.id = comment_id and o.study_id = ?)",
                    ref("comment_id", "audit_comment"), user("author_id"), time("created_at"),
                    value("kind", ReplyKind.class), value("body")),
            table("change_entry", Ids.IDENTITY, "study_id = ?", study(),
                    value("item_type", org.cqrworkbench.changelog.ItemType.class),
                    loose("item_id", (row, rows) -> switch (String.valueOf(row.get("item_type"))) {
                        case "DOMAIN" -> "domain";
                        case "CODING" -> "coding";
                        case "CORE_IDEA", "CODING_LINK" -> "core_idea";
                        default -> "category";
                    }),
                    loose("other_id", (row, rows) -> switch (String.valueOf(row.get("item_type"))) {
                        case "PLACEMENT" -> "core_idea";
                        case "CODING_LINK" -> "coding";
                        default -> null;
                    }),
                    value("item_label"), value("action", ChangeAction.class), user("who"), time("at"), value("before_value"),
                    value("after_value"), loose("comment_id", (row, rows) -> "audit_comment")),
            table("study_note", Ids.IDENTITY, "study_id = ?", study(), value("title"), value("body"), value("about"),
                    user("author_id"), time("created_at")));

    private final JdbcTemplate jdbc;

    StudyTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every row of the study, and the people they name. */
    StudyRows read(long studyId) {
        StudyRows rows = new StudyRows();
        Set<Long> people = new java.util.TreeSet<>();
        for (Table table : TABLES) {
            List<String> names = new ArrayList<>();
            if (table.hasId()) {
                names.add("id");
            }
            table.columns().forEach(c -> names.add(c.name()));
            String order = table.hasId() ? "id" : names.get(0) + ", " + names.get(1);
            String sql = "select " + String.join(", ", names) + " from " + table.name() + " where " + table.owner()
                    + " order by " + order;
            jdbc.query(sql, (ResultSet rs) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                if (table.hasId()) {
                    row.put("id", rs.getLong("id"));
                }
                for (Column column : table.columns()) {
                    Object value = column.kind() == Kind.TIME ? rs.getObject(column.name(), OffsetDateTime.class)
                            : rs.getObject(column.name());
                    row.put(column.name(), value);
                    if (column.kind() == Kind.USER && value != null) {
                        people.add(((Number) value).longValue());
                    }
                }
                rows.table(table.name()).add(row);
            }, studyId);
        }
        if (!people.isEmpty()) {
            String in = people.stream().map(String::valueOf).collect(Collectors.joining(","));
            jdbc.query("select id, username, display_name from user_account where id in (" + in + ") order by id",
                    (ResultSet rs) -> {
                        rows.addPerson(new StudyRows.Person(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    });
        }
        return rows;
    }

    /**
     * Writes the rows as a new study and returns its id. `accounts` translates the people of the rows to accounts of
     * this installation. Runs inside the caller's transaction, so a damaged file leaves nothing behind.
     */
    long restore(StudyRows rows, Map<Long, Long> accounts) {
        Map<String, Map<Long, Map<String, Object>>> byId = new HashMap<>();
        for (Table table : TABLES) {
            if (table.hasId()) {
                Map<Long, Map<String, Object>> index = new HashMap<>();
                for (Map<String, Object> row : rows.table(table.name())) {
                    index.put(idOf(row.get("id"), table.name()), row);
                }
                byId.put(table.name(), index);
            }
        }
        Rows lookup = (table, id) -> {
            Map<String, Object> row = id == null ? null : byId.getOrDefault(table, Map.of()).get(((Number) id).longValue());
            if (row == null) {
                throw damaged(table);
            }
            return row;
        };
        Map<String, Map<Long, Long>> newIds = new HashMap<>();
        IdBlocks blocks = new IdBlocks(jdbc);
        for (Table table : TABLES) {
            List<Map<String, Object>> tableRows = rows.table(table.name());
            if (table.name().equals("study") && tableRows.size() != 1) {
                throw damaged("study");
            }
            Map<Long, Long> mine = newIds.computeIfAbsent(table.name(), n -> new HashMap<>());
            List<String> columns = table.columns().stream().map(Column::name).toList();
            boolean referenced = TABLES.stream().flatMap(t -> t.columns().stream())
                    .anyMatch(c -> table.name().equals(c.target()) && c.kind() == Kind.REF);
            List<Object[]> batch = new ArrayList<>();
            List<long[]> parents = new ArrayList<>();
            for (Map<String, Object> row : tableRows) {
                Object[] values = new Object[columns.size()];
                Long parent = null;
                for (int i = 0; i < columns.size(); i++) {
                    Column column = table.columns().get(i);
                    Object value = row.get(column.name());
                    values[i] = switch (column.kind()) {
                        case VALUE -> checkedValue(table, column, value);
                        case TIME -> time(value, table);
                        case REF -> value == null ? null : translated(newIds.get(column.target()), value, column.target());
                        case PARENT -> {
                            parent = value == null ? null : idOf(value, table.name());
                            yield null;
                        }
                        case USER -> value == null ? null : translated(accounts, value, "people");
                        case LOOSE -> loose(column, row, lookup, newIds, value);
                    };
                }
                switch (table.ids()) {
                    case SEQUENCE -> {
                        long id = blocks.next(table.sequence());
                        mine.put(idOf(row.get("id"), table.name()), id);
                        batch.add(Stream.concat(Stream.of((Object) id), Arrays.stream(values)).toArray());
                        if (parent != null) {
                            parents.add(new long[] {id, parent});
                        }
                    }
                    case IDENTITY -> {
                        if (referenced) {
                            mine.put(idOf(row.get("id"), table.name()), insertReturningId(table.name(), columns, values));
                        } else {
                            batch.add(values);
                        }
                    }
                    case NONE -> batch.add(values);
                }
            }
            if (!batch.isEmpty()) {
                List<String> names = table.ids() == Ids.SEQUENCE
                        ? Stream.concat(Stream.of("id"), columns.stream()).toList() : columns;
                jdbc.batchUpdate("insert into " + table.name() + " (" + String.join(", ", names) + ") values ("
                        + names.stream().map(n -> "?").collect(Collectors.joining(", ")) + ")", batch);
            }
            if (!parents.isEmpty()) {
                List<Object[]> updates = new ArrayList<>();
                for (long[] p : parents) {
                    updates.add(new Object[] {translated(mine, p[1], table.name()), p[0]});
                }
                jdbc.batchUpdate("update " + table.name() + " set parent_id = ? where id = ?", updates);
            }
        }
        return newIds.get("study").values().iterator().next();
    }

    private long insertReturningId(String table, List<String> columns, Object[] values) {
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + columns.stream().map(n -> "?").collect(Collectors.joining(", ")) + ")";
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    private static Object loose(Column column, Map<String, Object> row, Rows lookup, Map<String, Map<Long, Long>> newIds,
            Object value) {
        if (value == null) {
            return null;
        }
        String target = column.looseTarget().apply(row, lookup);
        if (target == null) {
            // A value where the row's kind allows none could only point somewhere it should not.
            return null;
        }
        long old = idOf(value, column.name());
        Long now = newIds.getOrDefault(target, Map.of()).get(old);
        return now != null ? now : -Math.abs(old);
    }

    private static Object checkedValue(Table table, Column column, Object value) {
        if (value != null && column.allowed() != null && !column.allowed().contains(String.valueOf(value))) {
            throw damaged(table.name());
        }
        return value;
    }

    private static Object time(Object value, Table table) {
        if (value == null || value instanceof OffsetDateTime) {
            return value;
        }
        try {
            return OffsetDateTime.parse(value.toString());
        } catch (java.time.DateTimeException e) {
            throw damaged(table.name());
        }
    }

    private static long translated(Map<Long, Long> ids, Object old, String what) {
        Long id = ids == null ? null : ids.get(idOf(old, what));
        if (id == null) {
            throw damaged(what);
        }
        return id;
    }

    private static long idOf(Object value, String what) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw damaged(what);
        }
    }

    static InvalidInputException damaged(String table) {
        return new InvalidInputException("exchange.backup.damaged", table);
    }

    private static Table table(String name, Ids ids, String owner, Column... columns) {
        return new Table(name, ids, null, owner, List.of(columns));
    }

    private static Table sequenced(String name, String sequence, Column... columns) {
        return new Table(name, Ids.SEQUENCE, sequence, "study_id = ?", List.of(columns));
    }

    private static Column study() {
        return ref("study_id", "study");
    }

    private static Column value(String name) {
        return new Column(name, Kind.VALUE, null, null, null);
    }

    /** A column holding the name of one of the enum's constants; any other value means the file is damaged. */
    private static Column value(String name, Class<? extends Enum<?>> constants) {
        return new Column(name, Kind.VALUE, null, null,
                Arrays.stream(constants.getEnumConstants()).map(Enum::name).collect(Collectors.toUnmodifiableSet()));
    }

    private static Column time(String name) {
        return new Column(name, Kind.TIME, null, null, null);
    }

    private static Column ref(String name, String table) {
        return new Column(name, Kind.REF, table, null, null);
    }

    private static Column parent(String name) {
        return new Column(name, Kind.PARENT, null, null, null);
    }

    private static Column user(String name) {
        return new Column(name, Kind.USER, null, null, null);
    }

    private static Column loose(String name, BiFunction<Map<String, Object>, Rows, String> target) {
        return new Column(name, Kind.LOOSE, null, target, null);
    }

    /**
     * Ids for tables whose rows take them from a sequence, in the blocks Hibernate's pooled optimizer also uses
     * (a block of 50 below each value the sequence hands out), so restored rows and rows the application adds
     * later never meet.
     */
    private static final class IdBlocks {

        private static final int BLOCK = 50;
        private final JdbcTemplate jdbc;
        private final Map<String, long[]> blocks = new HashMap<>();
        private final boolean postgres;

        IdBlocks(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
            this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
        }

        long next(String sequence) {
            long[] block = blocks.get(sequence);
            if (block == null || block[0] > block[1]) {
                long high = fetch(sequence);
                // The first values belong to the optimizer's first block, which starts at 1 and ends at the second value.
                while (high <= BLOCK + 1) {
                    high = fetch(sequence);
                }
                block = new long[] {high - BLOCK + 1, high};
                blocks.put(sequence, block);
            }
            return block[0]++;
        }

        private long fetch(String sequence) {
            String sql = postgres ? "select nextval('" + sequence + "')" : "select next value for " + sequence;
            return jdbc.queryForObject(sql, Long.class);
        }
    }

    /** Used by tests to prove the list covers the schema. */
    static Set<String> columnsOf(Table table) {
        Set<String> names = table.columns().stream().map(Column::name).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (table.hasId()) {
            names.add("id");
        }
        return names;
    }
}
