package org.cqrworkbench.exchange;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of a .qdpx that REFI-QDA has no place for: every row of the study (subsamples and their rules, core
 * ideas, categories and placements, independent drafts, audit threads, the change log...), so that importing the
 * file restores the study exactly. Other programs ignore the entry. Transcript texts are not repeated here: each
 * transcript row names the source file of the project that holds its text.
 */
final class StudyBackup {

    static final String ENTRY = "cqr-workbench/study.json";
    static final String FORMAT = "cqr-workbench-study";
    static final int VERSION = 1;

    private StudyBackup() {
    }

    /**
     * Writes the entry into `out` row by row as the rows come from the database, so a large study is never held in
     * memory, neither as rows nor as the document about them. Transcript rows name the archive entry of their text.
     * The people come last, as the rows name them, and are returned: finding them first would mean reading every
     * table twice. The transcripts' rows (without their texts) are given: the caller has read them already.
     */
    static Map<Long, StudyRows.Person> write(StudyTables tables, long studyId, List<Map<String, Object>> transcripts,
            JsonMapper json, OutputStream out) {
        Set<Long> named = new HashSet<>();
        Map<Long, StudyRows.Person> people;
        try (JsonGenerator generator = json.createGenerator(new Unclosed(out))) {
            generator.writeStartObject();
            generator.writeStringProperty("format", FORMAT);
            generator.writeNumberProperty("version", VERSION);
            generator.writeObjectPropertyStart("tables");
            for (StudyTables.Table table : StudyTables.TABLES) {
                generator.writeArrayPropertyStart(table.name());
                if (table.name().equals("transcript")) {
                    for (Map<String, Object> row : transcripts) {
                        generator.writeStartObject();
                        row.forEach((column, value) -> {
                            generator.writeName(column);
                            value(generator, value);
                        });
                        generator.writeStringProperty("body_entry", entryOf(((Number) row.get("id")).longValue()));
                        generator.writeEndObject();
                    }
                } else {
                    tables.each(studyId, table, named, (names, values) -> {
                        generator.writeStartObject();
                        for (int i = 0; i < names.size(); i++) {
                            generator.writeName(names.get(i));
                            value(generator, values[i]);
                        }
                        generator.writeEndObject();
                    });
                }
                generator.writeEndArray();
            }
            generator.writeEndObject();
            people = tables.accounts(named);
            generator.writeArrayPropertyStart("people");
            for (StudyRows.Person person : people.values()) {
                generator.writeStartObject();
                generator.writeNumberProperty("id", person.id());
                generator.writeStringProperty("username", person.username());
                generator.writeStringProperty("displayName", person.displayName());
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        return people;
    }

    /** A value as the mapper would write it, without looking up how for each of a large study's million values. */
    private static void value(JsonGenerator generator, Object value) {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof OffsetDateTime time) {
            generator.writeString(time.toString());
        } else {
            generator.writePOJO(value);
        }
    }

    /** The archive entry that holds the text of a transcript. */
    static String entryOf(long transcriptId) {
        return "sources/" + StudyToProject.guid("transcript", transcriptId) + ".txt";
    }

    /** The archive's stream, which the JSON writer must not close: more entries follow. */
    private static final class Unclosed extends FilterOutputStream {

        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    @SuppressWarnings("unchecked")
    static StudyRows read(byte[] content, Archive archive, JsonMapper json) {
        Map<String, Object> document;
        try {
            document = json.readValue(content, Map.class);
        } catch (JacksonException e) {
            throw StudyTables.damaged("json");
        }
        if (!FORMAT.equals(document.get("format"))) {
            throw StudyTables.damaged("format");
        }
        if (!(document.get("version") instanceof Number version) || version.intValue() > VERSION) {
            throw new org.cqrworkbench.web.InvalidInputException("exchange.backup.newer");
        }
        StudyRows rows = new StudyRows();
        if (!(document.get("people") instanceof List<?> people) || !(document.get("tables") instanceof Map<?, ?> tables)) {
            throw StudyTables.damaged("people");
        }
        for (Object p : people) {
            if (!(p instanceof Map<?, ?> person) || !(person.get("id") instanceof Number id)
                    || !(person.get("username") instanceof String username)) {
                throw StudyTables.damaged("people");
            }
            Object display = person.get("displayName");
            rows.addPerson(new StudyRows.Person(id.longValue(), username, display instanceof String d ? d : username));
        }
        for (StudyTables.Table table : StudyTables.TABLES) {
            Object listed = tables.get(table.name());
            if (listed == null) {
                continue;
            }
            if (!(listed instanceof List<?> list)) {
                throw StudyTables.damaged(table.name());
            }
            for (Object r : list) {
                if (!(r instanceof Map<?, ?> row)) {
                    throw StudyTables.damaged(table.name());
                }
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) row);
                if (table.name().equals("transcript")) {
                    Object entry = copy.remove("body_entry");
                    byte[] text = entry instanceof String name ? archive.entry(name).orElse(null) : null;
                    if (text == null) {
                        throw new org.cqrworkbench.web.InvalidInputException("exchange.backup.sourceMissing", String.valueOf(entry));
                    }
                    String body = new String(text, StandardCharsets.UTF_8);
                    copy.put("body", body);
                    // The length is the text's own, whatever the file says.
                    copy.put("body_length", body.length());
                }
                rows.table(table.name()).add(copy);
            }
        }
        return rows;
    }
}
