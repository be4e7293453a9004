package org.cqrworkbench.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
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
     * Writes the entry row by row into `out`, so a large study is never held twice in memory: once as rows, and once
     * more as the document about them.
     */
    static void write(StudyRows rows, Map<Long, String> transcriptEntries, JsonMapper json, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        List<Map<String, Object>> people = new ArrayList<>();
        rows.people().values().forEach(p -> people.add(Map.of("id", p.id(), "username", p.username(),
                "displayName", p.displayName())));
        writer.write("{\"format\":" + json.writeValueAsString(FORMAT) + ",\"version\":" + VERSION + ",\"people\":"
                + json.writeValueAsString(people) + ",\"tables\":{");
        boolean firstTable = true;
        for (StudyTables.Table table : StudyTables.TABLES) {
            writer.write((firstTable ? "" : ",") + json.writeValueAsString(table.name()) + ":[");
            firstTable = false;
            boolean firstRow = true;
            for (Map<String, Object> row : rows.table(table.name())) {
                Map<String, Object> copy = new LinkedHashMap<>();
                row.forEach((column, value) -> copy.put(column, value instanceof OffsetDateTime time ? time.toString() : value));
                if (table.name().equals("transcript")) {
                    copy.remove("body");
                    copy.put("body_entry", transcriptEntries.get(((Number) row.get("id")).longValue()));
                }
                writer.write((firstRow ? "" : ",") + json.writeValueAsString(copy));
                firstRow = false;
            }
            writer.write("]");
        }
        writer.write("}}");
        writer.flush();
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
