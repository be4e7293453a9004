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
import org.springframework.jdbc.core.RowCallbackHandler;
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

    /** `owner` finds the study's rows: joins and a where clause over the table as t, the study's id its one parameter. */
    record Table(String name, Ids ids, String sequence, String owner, List<Column> columns) {

        boolean hasId() {
            return ids != Ids.NONE;
        }
    }

    // A table's rows (alias t) are picked by a join to the row that belongs to the study. Not "in (select ...)": H2
    // spills a long IN list to disk past its in-memory row limit (a few thousand rows with a small heap) and then
    // fails. Not EXISTS either: H2 runs the subquery once per row of the whole table, which made reading a large
    // study take seconds.
    private static final String OF_STUDY = "where t.study_id = ?";
    private static final String OF_CASES = ofParent("study_case", "case_id");

    static final List<Table> TABLES = List.of(
            table("study", Ids.IDENTITY, "where t.id = ?", value("name"), value("description"), value("research_question"),
                    value("abbreviations"), time("created_at")),
            table("subsample", Ids.IDENTITY, OF_STUDY, study(), value("name"), value("table_title"), value("sort_order"),
                    value("general_rule", GeneralRule.class), value("rare_rule", RareRule.class)),
            table("study_case", Ids.IDENTITY, OF_STUDY, study(), value("code"), value("notes"),
                    value("coding_mode", CodingMode.class)),
            table("case_attribute", Ids.NONE, OF_CASES, ref("case_id", "study_case"), value("attr_name"), value("attr_value")),
            table("case_subsample", Ids.NONE, OF_CASES, ref("case_id", "study_case"), ref("subsample_id", "subsample")),
            table("study_member", Ids.IDENTITY, OF_STUDY, study(), user("user_id"),
                    value("role", StudyRole.class), value("biases")),
            table("transcript", Ids.IDENTITY, OF_CASES, ref("case_id", "study_case"), value("body"), value("body_length"), value("source_name"),
                    time("imported_at")),
            table("transcript_part", Ids.IDENTITY,
                    "join transcript p on p.id = t.transcript_id join study_case o on o.id = p.case_id where o.study_id = ?",
                    ref("transcript_id", "transcript"), ref("subsample_id", "subsample"), value("start_offset"), value("end_offset")),
            sequenced("domain", "domain_seq", study(), parent("parent_id"), value("name"), value("definition"), value("sort_order")),
            sequenced("coding", "coding_seq", study(), ref("case_id", "study_case"), ref("domain_id", "domain"),
                    value("start_offset"), value("end_offset"), value("layer", Layer.class), user("owner_id"),
                    user("decided_by"), time("created_at")),
            table("coding_draft", Ids.NONE, OF_CASES, ref("case_id", "study_case"), user("owner_id"), time("done_at")),
            sequenced("core_idea", "core_idea_seq", study(), ref("case_id", "study_case"), ref("subsample_id", "subsample"),
                    ref("domain_id", "domain"), value("body"), value("sort_order")),
            table("core_idea_coding", Ids.NONE, ofParent("core_idea", "core_idea_id"),
                    ref("core_idea_id", "core_idea"), ref("coding_id", "coding")),
            sequenced("category", "category_seq", study(), ref("domain_id", "domain"), parent("parent_id"), value("name"),
                    value("description"), value("sort_order")),
            table("category_core_idea", Ids.NONE, ofParent("category", "category_id"),
                    ref("category_id", "category"), ref("core_idea_id", "core_idea")),
            table("case_step", Ids.NONE, OF_CASES, ref("case_id", "study_case"),
                    value("step", CaseStep.class), time("done_at"),
                    user("done_by")),
            table("audit_request", Ids.IDENTITY, OF_STUDY, study(), value("step", AuditStep.class),
                    value("note"), user("requested_by"), time("requested_at"), time("closed_at")),
            table("audit_request_target", Ids.NONE, ofParent("audit_request", "request_id"),
                    ref("request_id", "audit_request"), loose("target_id", (row, rows) ->
                            "CROSS_ANALYSIS".equals(rows.row("audit_request", row.get("request_id")).get("step")) ? "domain" : "study_case")),
            table("audit_request_auditor", Ids.NONE, ofParent("audit_request", "request_id"),
                    ref("request_id", "audit_request"), user("auditor_id"), time("reviewed_at")),
            table("audit_comment", Ids.IDENTITY, OF_STUDY, study(), ref("request_id", "audit_request"),
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
            table("audit_reply", Ids.IDENTITY, ofParent("audit_comment", "comment_id"),
                    ref("comment_id", "audit_comment"), user("author_id"), time("created_at"),
                    value("kind", ReplyKind.class), value("body")),
            table("change_entry", Ids.IDENTITY, OF_STUDY, study(),
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
            table("study_note", Ids.IDENTITY, OF_STUDY, study(), value("title"), value("body"), value("about"),
                    user("author_id"), time("created_at")));

    private final JdbcTemplate jdbc;
    // The same database, but rows come in batches as they are read: PostgreSQL would otherwise hand over a whole
    // table of a large study at once.
    private final JdbcTemplate streaming;

    StudyTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = streaming(jdbc);
    }

    /** A copy of `jdbc` that reads rows in batches, inside a transaction, instead of all of a result at once. */
    static JdbcTemplate streaming(JdbcTemplate jdbc) {
        JdbcTemplate template = new JdbcTemplate(jdbc.getDataSource());
        template.setFetchSize(500);
        return template;
    }

    /** Every row of the study, and the people they name, all in memory: for comparing two studies. */
    StudyRows read(long studyId) {
        StudyRows rows = new StudyRows();
        Set<Long> people = new java.util.TreeSet<>();
        for (Table table : TABLES) {
            each(studyId, table, people, (names, values) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    row.put(names.get(i), values[i]);
                }
                rows.table(table.name()).add(row);
            });
        }
        accounts(people).values().forEach(rows::addPerson);
        return rows;
    }

    /** What to do with one row: its values, in the order of the column names. */
    interface RowAction {
        void accept(List<String> names, Object[] values);
    }

    /** About how many rows of a large table are read at a time. */
    private static final int PAGE = 2000;

    /**
     * The study's rows of one table, one at a time, in the order of their ids (or of their first two columns): the id
     * first when the table has one, then its columns in order. The people the rows name are added to `people` on the
     * way.
     */
    void each(long studyId, Table table, Set<Long> people, RowAction action) {
        List<String> names = new ArrayList<>();
        if (table.hasId()) {
            names.add("id");
        }
        List<Column> columns = table.columns();
        columns.forEach(c -> names.add(c.name()));
        String selected = names.stream().map(n -> "t." + n).collect(Collectors.joining(", "));
        RowCallbackHandler handler = rs -> {
            Object[] values = new Object[names.size()];
            int index = 0;
            if (table.hasId()) {
                values[index++] = rs.getLong(1);
            }
            for (Column column : columns) {
                Object value = column.kind() == Kind.TIME ? rs.getObject(index + 1, OffsetDateTime.class) : rs.getObject(index + 1);
                if (column.kind() == Kind.USER && value != null) {
                    people.add(((Number) value).longValue());
                }
                values[index++] = value;
            }
            action.accept(names, values);
        };
        Column first = table.columns().get(0);
        if (table.hasId() && table.owner().equals(OF_STUDY)) {
            inPages(streaming, table.name(), selected, studyId, handler);
        } else if (!table.hasId() && first.kind() == Kind.REF && table.owner().equals(ofParent(first.target(), first.name()))) {
            inKeyPages(table, names, selected, studyId, handler);
        } else {
            streaming.query("select " + selected + " from " + table.name() + " t " + table.owner() + " order by "
                    + (table.hasId() ? "t.id" : "t." + names.get(0) + ", t." + names.get(1)), handler, studyId);
        }
    }

    /**
     * The rows of a table with ids and a study_id column (as t) that are the study's, in the order of their ids, a
     * range of ids at a time. H2 would otherwise gather a whole table's rows of the study through the study_id index,
     * sort them, and past a few thousand rows write them to a temporary file first; a range of ids it reads in order
     * from the primary key, and a range is a young object the collector is quickly rid of. The rows of other studies
     * within a range are read, and passed over.
     */
    static void inPages(JdbcTemplate jdbc, String table, String columns, long studyId, RowCallbackHandler handler) {
        long[] span = jdbc.queryForObject("select min(t.id), max(t.id), count(*) from " + table + " t where t.study_id = ?",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, studyId);
        long first = span[0];
        long last = span[1];
        long count = span[2];
        if (count == 0) {
            return;
        }
        // Ranges as wide as PAGE of the study's rows would fill if its ids were evenly spread.
        long width = Math.max(PAGE, (last - first + 1) * PAGE / count);
        int studyColumn = columns.split(",").length + 1;
        RowCallbackHandler ofStudy = rs -> {
            if (rs.getLong(studyColumn) == studyId) {
                handler.processRow(rs);
            }
        };
        for (long from = first; from <= last; from += width) {
            jdbc.query("select " + columns + ", t.study_id from " + table + " t where t.id >= ? and t.id <= ? order by t.id",
                    ofStudy, from, Math.min(last, from + width - 1));
        }
    }

    /**
     * The rows of a table without ids, whose primary key is its first two columns and whose first column points at an
     * owner row of the study (a core idea's links, a category's placements...), in the order of that key, a page at a
     * time: the reasons are those of {@link #inPages}. The pages run through the owners' ids, from the study's first
     * to its last; rows of other studies' owners within them are read, and passed over.
     */
    private void inKeyPages(Table table, List<String> names, String selected, long studyId, RowCallbackHandler handler) {
        String owner = table.columns().get(0).target();
        long[] span = streaming.queryForObject("select min(o.id), max(o.id), count(*) from " + owner + " o where o.study_id = ?",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, studyId);
        if (span[2] == 0) {
            return;
        }
        String first = "t." + names.get(0);
        String second = "t." + names.get(1);
        String select = "select " + selected + ", o.study_id from " + table.name() + " t join " + owner + " o on o.id = "
                + first + " where " + first + " >= ? and " + first + " <= ?";
        String order = " order by " + first + ", " + second + " fetch first " + PAGE + " rows only";
        int studyColumn = names.size() + 1;
        Object[] last = {null, null};
        int[] read = {0};
        RowCallbackHandler page = rs -> {
            read[0]++;
            last[0] = rs.getObject(1);
            last[1] = rs.getObject(2);
            if (rs.getLong(studyColumn) == studyId) {
                handler.processRow(rs);
            }
        };
        streaming.query(select + order, page, span[0], span[1]);
        while (read[0] == PAGE) {
            read[0] = 0;
            streaming.query(select + " and (" + first + " > ? or " + second + " > ?)" + order, page, last[0], span[1], last[0],
                    last[1]);
        }
    }

    /** The accounts of these people that still exist, by id. */
    Map<Long, StudyRows.Person> accounts(Set<Long> ids) {
        Map<Long, StudyRows.Person> people = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            String in = new java.util.TreeSet<>(ids).stream().map(String::valueOf).collect(Collectors.joining(","));
            jdbc.query("select id, username, display_name from user_account where id in (" + in + ") order by id",
                    (ResultSet rs) -> {
                        people.put(rs.getLong(1), new StudyRows.Person(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    });
        }
        return people;
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

    /** The rows of a table whose `column` points at a row of `parent` that is the study's. */
    private static String ofParent(String parent, String column) {
        return "join " + parent + " o on o.id = t." + column + " where o.study_id = ?";
    }

    private static Table table(String name, Ids ids, String owner, Column... columns) {
        return new Table(name, ids, null, owner, List.of(columns));
    }

    private static Table sequenced(String name, String sequence, Column... columns) {
        return new Table(name, Ids.SEQUENCE, sequence, OF_STUDY, List.of(columns));
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
