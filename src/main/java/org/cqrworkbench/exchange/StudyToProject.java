package org.cqrworkbench.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a study as a REFI-QDA project (.qdpx): transcripts as text sources, domains as codes with their categories
 * as codes beneath them, consensus codings as coded selections (a category codes the raw data behind its core
 * ideas), core ideas, audit comments and study notes as notes linked to what they are about, cases with their
 * attributes as variables, the team as users. Positions count Unicode code points, as the standard says. The full
 * study rides along in {@link StudyBackup#ENTRY}.
 */
final class StudyToProject {

    static final String NS = "urn:QDA-XML:project:1.0";
    static final String ORIGIN = "CQR Workbench";

    private final StudyRows rows;
    private final XMLStreamWriter xml;
    private final Map<Long, List<Map<String, Object>>> children = new HashMap<>();

    // What each note is linked from: the selection of a coding, a category's code, a core idea's note, the project.
    private final Map<Long, List<String>> notesOnCoding = new HashMap<>();
    private final Map<Long, List<String>> notesOnCategory = new HashMap<>();
    private final Map<Long, List<String>> notesOnCoreIdea = new HashMap<>();
    private final Map<Long, List<String>> notesOnTranscriptCase = new HashMap<>();
    private final List<String> notesOnProject = new ArrayList<>();

    private StudyToProject(StudyRows rows, XMLStreamWriter xml) {
        this.rows = rows;
        this.xml = xml;
    }

    static byte[] qdpx(StudyRows rows, JsonMapper json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<Long, String> entries = new LinkedHashMap<>();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            // Text packs well even at the fastest level; the best level would triple the time of a large export.
            zip.setLevel(Deflater.BEST_SPEED);
            for (Map<String, Object> transcript : rows.table("transcript")) {
                long id = id(transcript.get("id"));
                String entry = "sources/" + guid("transcript", id) + ".txt";
                entries.put(id, entry);
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(((String) transcript.get("body")).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("project.qde"));
            zip.write(projectXml(rows));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(StudyBackup.ENTRY));
            StudyBackup.write(rows, entries, json, zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    static byte[] projectXml(StudyRows rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new StudyToProject(rows, xml).write();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing the project failed", e);
        }
        return out.toByteArray();
    }

    private void write() throws XMLStreamException {
        Map<String, Object> study = rows.table("study").get(0);
        linkNotes();
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("Project");
        xml.writeDefaultNamespace(NS);
        xml.writeAttribute("name", clean((String) study.get("name")));
        xml.writeAttribute("origin", ORIGIN);
        time("creationDateTime", study.get("created_at"));
        xml.writeAttribute("modifiedDateTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        users();
        codeBook();
        Map<String, String> variables = variables();
        cases(variables);
        sources();
        notes();
        String description = (String) study.get("description");
        if (description != null && !description.isBlank()) {
            text("Description", description);
        }
        for (String note : notesOnProject) {
            ref("NoteRef", note);
        }
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private void users() throws XMLStreamException {
        if (rows.people().isEmpty()) {
            return;
        }
        xml.writeStartElement("Users");
        for (StudyRows.Person person : rows.people().values()) {
            xml.writeEmptyElement("User");
            xml.writeAttribute("guid", guid("user", person.id()));
            xml.writeAttribute("name", clean(person.displayName()));
            xml.writeAttribute("id", clean(person.username()));
        }
        xml.writeEndElement();
    }

    private void codeBook() throws XMLStreamException {
        List<Map<String, Object>> domains = sorted(rows.table("domain"));
        if (domains.isEmpty()) {
            return;
        }
        xml.writeStartElement("CodeBook");
        xml.writeStartElement("Codes");
        for (Map<String, Object> domain : domains) {
            if (domain.get("parent_id") == null) {
                domainCode(domain, domains);
            }
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void domainCode(Map<String, Object> domain, List<Map<String, Object>> domains) throws XMLStreamException {
        long id = id(domain.get("id"));
        xml.writeStartElement("Code");
        xml.writeAttribute("guid", guid("domain", id));
        xml.writeAttribute("name", clean((String) domain.get("name")));
        xml.writeAttribute("isCodable", "true");
        optionalText("Description", (String) domain.get("definition"));
        for (Map<String, Object> sub : domains) {
            if (Objects.equals(sub.get("parent_id") == null ? null : id(sub.get("parent_id")), id)) {
                domainCode(sub, domains);
            }
        }
        List<Map<String, Object>> categories = sorted(rows.table("category")).stream()
                .filter(c -> id(c.get("domain_id")) == id).toList();
        for (Map<String, Object> category : categories) {
            if (category.get("parent_id") == null) {
                categoryCode(category, categories);
            }
        }
        xml.writeEndElement();
    }

    private void categoryCode(Map<String, Object> category, List<Map<String, Object>> categories) throws XMLStreamException {
        long id = id(category.get("id"));
        xml.writeStartElement("Code");
        xml.writeAttribute("guid", guid("category", id));
        xml.writeAttribute("name", clean((String) category.get("name")));
        xml.writeAttribute("isCodable", "true");
        optionalText("Description", (String) category.get("description"));
        for (String note : notesOnCategory.getOrDefault(id, List.of())) {
            ref("NoteRef", note);
        }
        for (Map<String, Object> sub : categories) {
            if (sub.get("parent_id") != null && id(sub.get("parent_id")) == id) {
                categoryCode(sub, categories);
            }
        }
        xml.writeEndElement();
    }

    /** One text variable per attribute name, in the order they first appear. */
    private Map<String, String> variables() throws XMLStreamException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Map<String, Object> attribute : rows.table("case_attribute")) {
            String name = (String) attribute.get("attr_name");
            variables.computeIfAbsent(name, n -> UUID.nameUUIDFromBytes(("variable:" + n).getBytes(StandardCharsets.UTF_8)).toString());
        }
        if (variables.isEmpty()) {
            return variables;
        }
        xml.writeStartElement("Variables");
        for (var variable : variables.entrySet()) {
            xml.writeEmptyElement("Variable");
            xml.writeAttribute("guid", variable.getValue());
            xml.writeAttribute("name", clean(variable.getKey()));
            xml.writeAttribute("typeOfVariable", "Text");
        }
        xml.writeEndElement();
        return variables;
    }

    private void cases(Map<String, String> variables) throws XMLStreamException {
        List<Map<String, Object>> cases = rows.table("study_case");
        if (cases.isEmpty()) {
            return;
        }
        Map<Long, Long> transcriptOfCase = new HashMap<>();
        rows.table("transcript").forEach(t -> transcriptOfCase.put(id(t.get("case_id")), id(t.get("id"))));
        xml.writeStartElement("Cases");
        for (Map<String, Object> studyCase : cases) {
            long id = id(studyCase.get("id"));
            xml.writeStartElement("Case");
            xml.writeAttribute("guid", guid("case", id));
            xml.writeAttribute("name", clean((String) studyCase.get("code")));
            optionalText("Description", (String) studyCase.get("notes"));
            for (Map<String, Object> attribute : rows.table("case_attribute")) {
                if (id(attribute.get("case_id")) == id) {
                    xml.writeStartElement("VariableValue");
                    ref("VariableRef", variables.get((String) attribute.get("attr_name")));
                    text("TextValue", (String) attribute.get("attr_value"));
                    xml.writeEndElement();
                }
            }
            if (transcriptOfCase.containsKey(id)) {
                ref("SourceRef", guid("transcript", transcriptOfCase.get(id)));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void sources() throws XMLStreamException {
        if (rows.table("transcript").isEmpty()) {
            return;
        }
        Map<Long, String> caseCodes = new HashMap<>();
        rows.table("study_case").forEach(c -> caseCodes.put(id(c.get("id")), (String) c.get("code")));
        Map<Long, List<Map<String, Object>>> codingsOfCase = new HashMap<>();
        for (Map<String, Object> coding : rows.table("coding")) {
            if ("CONSENSUS".equals(coding.get("layer"))) {
                codingsOfCase.computeIfAbsent(id(coding.get("case_id")), k -> new ArrayList<>()).add(coding);
            }
        }
        Map<Long, Set<Long>> categoriesOfCoding = categoriesOfCoding();
        xml.writeStartElement("Sources");
        for (Map<String, Object> transcript : rows.table("transcript")) {
            long id = id(transcript.get("id"));
            long caseId = id(transcript.get("case_id"));
            String body = (String) transcript.get("body");
            CodePoints points = new CodePoints(body);
            String guid = guid("transcript", id);
            xml.writeStartElement("TextSource");
            xml.writeAttribute("guid", guid);
            xml.writeAttribute("name", clean(caseCodes.get(caseId)));
            xml.writeAttribute("plainTextPath", "internal://" + guid + ".txt");
            time("creationDateTime", transcript.get("imported_at"));
            List<Map<String, Object>> codings = codingsOfCase.getOrDefault(caseId, List.of()).stream()
                    .sorted(Comparator.comparingInt((Map<String, Object> c) -> ((Number) c.get("start_offset")).intValue())
                            .thenComparingLong(c -> id(c.get("id")))).toList();
            for (Map<String, Object> coding : codings) {
                long codingId = id(coding.get("id"));
                int start = ((Number) coding.get("start_offset")).intValue();
                int end = ((Number) coding.get("end_offset")).intValue();
                xml.writeStartElement("PlainTextSelection");
                xml.writeAttribute("guid", guid("selection", codingId));
                xml.writeAttribute("name", clean(shorten(body.substring(start, Math.min(end, body.length())))));
                xml.writeAttribute("startPosition", String.valueOf(points.of(start)));
                xml.writeAttribute("endPosition", String.valueOf(points.of(end)));
                user("creatingUser", coding.get("decided_by"));
                time("creationDateTime", coding.get("created_at"));
                codingElement(guid("coding", codingId), id(coding.get("domain_id")), "domain", coding);
                for (long category : categoriesOfCoding.getOrDefault(codingId, Set.of())) {
                    codingElement(UUID.nameUUIDFromBytes(("category-coding:" + category + ":" + codingId)
                            .getBytes(StandardCharsets.UTF_8)).toString(), category, "category", coding);
                }
                for (String note : notesOnCoding.getOrDefault(codingId, List.of())) {
                    ref("NoteRef", note);
                }
                xml.writeEndElement();
            }
            for (String note : notesOnTranscriptCase.getOrDefault(caseId, List.of())) {
                ref("NoteRef", note);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void codingElement(String guid, long codeId, String codeKind, Map<String, Object> coding) throws XMLStreamException {
        xml.writeStartElement("Coding");
        xml.writeAttribute("guid", guid);
        user("creatingUser", coding.get("decided_by"));
        time("creationDateTime", coding.get("created_at"));
        ref("CodeRef", guid(codeKind, codeId));
        xml.writeEndElement();
    }

    /** A category codes the raw data behind its core ideas: the consensus codings they were written from. */
    private Map<Long, Set<Long>> categoriesOfCoding() {
        Map<Long, Set<Long>> codingsOfIdea = new HashMap<>();
        rows.table("core_idea_coding").forEach(l -> codingsOfIdea.computeIfAbsent(id(l.get("core_idea_id")),
                k -> new LinkedHashSet<>()).add(id(l.get("coding_id"))));
        Map<Long, Set<Long>> categories = new HashMap<>();
        for (Map<String, Object> placement : rows.table("category_core_idea")) {
            for (long coding : codingsOfIdea.getOrDefault(id(placement.get("core_idea_id")), Set.of())) {
                categories.computeIfAbsent(coding, k -> new LinkedHashSet<>()).add(id(placement.get("category_id")));
            }
        }
        return categories;
    }

    /** Works out, before writing, which element links to each note. */
    private void linkNotes() {
        Set<Long> codings = ids("coding");
        Set<Long> coreIdeas = ids("core_idea");
        Set<Long> categories = ids("category");
        Map<Long, List<Long>> codingsOfIdea = new HashMap<>();
        rows.table("core_idea_coding").forEach(l -> codingsOfIdea.computeIfAbsent(id(l.get("core_idea_id")),
                k -> new ArrayList<>()).add(id(l.get("coding_id"))));
        Set<Long> transcribed = new java.util.HashSet<>();
        rows.table("transcript").forEach(t -> transcribed.add(id(t.get("case_id"))));
        for (Map<String, Object> idea : rows.table("core_idea")) {
            long id = id(idea.get("id"));
            String note = guid("core-idea", id);
            List<Long> linked = codingsOfIdea.getOrDefault(id, List.of());
            if (!linked.isEmpty()) {
                linked.forEach(c -> notesOnCoding.computeIfAbsent(c, k -> new ArrayList<>()).add(note));
            } else if (transcribed.contains(id(idea.get("case_id")))) {
                notesOnTranscriptCase.computeIfAbsent(id(idea.get("case_id")), k -> new ArrayList<>()).add(note);
            } else {
                notesOnProject.add(note);
            }
        }
        for (Map<String, Object> comment : rows.table("audit_comment")) {
            String note = guid("audit-comment", id(comment.get("id")));
            Long item = comment.get("item_id") == null ? null : id(comment.get("item_id"));
            String type = (String) comment.get("item_type");
            if ("CODING".equals(type) && codings.contains(item)) {
                notesOnCoding.computeIfAbsent(item, k -> new ArrayList<>()).add(note);
            } else if ("CORE_IDEA".equals(type) && coreIdeas.contains(item)) {
                notesOnCoreIdea.computeIfAbsent(item, k -> new ArrayList<>()).add(note);
            } else if (("CATEGORY".equals(type) || "PLACEMENT".equals(type)) && categories.contains(item)) {
                notesOnCategory.computeIfAbsent(item, k -> new ArrayList<>()).add(note);
            } else {
                notesOnProject.add(note);
            }
        }
        rows.table("study_note").forEach(n -> notesOnProject.add(guid("note", id(n.get("id")))));
    }

    private void notes() throws XMLStreamException {
        if (rows.table("core_idea").isEmpty() && rows.table("audit_comment").isEmpty() && rows.table("study_note").isEmpty()) {
            return;
        }
        Map<Long, String> caseCodes = new HashMap<>();
        rows.table("study_case").forEach(c -> caseCodes.put(id(c.get("id")), (String) c.get("code")));
        Map<Long, String> domainNames = new HashMap<>();
        rows.table("domain").forEach(d -> domainNames.put(id(d.get("id")), (String) d.get("name")));
        Map<Long, List<Map<String, Object>>> replies = new HashMap<>();
        rows.table("audit_reply").forEach(r -> replies.computeIfAbsent(id(r.get("comment_id")), k -> new ArrayList<>()).add(r));
        xml.writeStartElement("Notes");
        for (Map<String, Object> idea : rows.table("core_idea")) {
            long id = id(idea.get("id"));
            note(guid("core-idea", id), "Core idea · " + caseCodes.get(id(idea.get("case_id"))) + " · "
                    + domainNames.get(id(idea.get("domain_id"))), null, null, (String) idea.get("body"),
                    notesOnCoreIdea.getOrDefault(id, List.of()));
        }
        for (Map<String, Object> comment : rows.table("audit_comment")) {
            StringBuilder thread = new StringBuilder((String) comment.get("body"));
            if (comment.get("suggestion") != null) {
                thread.append("\n\nSuggestion: ").append(comment.get("suggestion"));
            }
            for (Map<String, Object> reply : replies.getOrDefault(id(comment.get("id")), List.of())) {
                StudyRows.Person author = rows.people().get(id(reply.get("author_id")));
                thread.append("\n\n").append(author == null ? "" : author.displayName()).append(" (")
                        .append(reply.get("kind").toString().toLowerCase().replace('_', ' ')).append(")");
                if (reply.get("body") != null) {
                    thread.append(": ").append(reply.get("body"));
                }
            }
            note(guid("audit-comment", id(comment.get("id"))), "Audit comment · " + comment.get("item_label"),
                    comment.get("author_id"), comment.get("created_at"), thread.toString(), List.of());
        }
        for (Map<String, Object> studyNote : rows.table("study_note")) {
            String body = (String) studyNote.get("body");
            if (studyNote.get("about") != null) {
                body = "About: " + studyNote.get("about") + "\n\n" + body;
            }
            note(guid("note", id(studyNote.get("id"))), (String) studyNote.get("title"), studyNote.get("author_id"),
                    studyNote.get("created_at"), body, List.of());
        }
        xml.writeEndElement();
    }

    private void note(String guid, String name, Object author, Object created, String text, List<String> noteRefs)
            throws XMLStreamException {
        xml.writeStartElement("Note");
        xml.writeAttribute("guid", guid);
        xml.writeAttribute("name", clean(shorten(name)));
        user("creatingUser", author);
        time("creationDateTime", created);
        text("PlainTextContent", text);
        for (String ref : noteRefs) {
            ref("NoteRef", ref);
        }
        xml.writeEndElement();
    }

    private void user(String attribute, Object personId) throws XMLStreamException {
        if (personId != null && rows.people().containsKey(id(personId))) {
            xml.writeAttribute(attribute, guid("user", id(personId)));
        }
    }

    private void time(String attribute, Object value) throws XMLStreamException {
        if (value instanceof OffsetDateTime time) {
            xml.writeAttribute(attribute, time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                    .toInstant().toString());
        }
    }

    private void ref(String element, String target) throws XMLStreamException {
        xml.writeEmptyElement(element);
        xml.writeAttribute("targetGUID", target);
    }

    private void text(String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private void optionalText(String element, String text) throws XMLStreamException {
        if (text != null && !text.isBlank()) {
            text(element, text);
        }
    }

    private Set<Long> ids(String table) {
        Set<Long> ids = new java.util.HashSet<>();
        rows.table(table).forEach(r -> ids.add(id(r.get("id"))));
        return ids;
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows) {
        return rows.stream().sorted(Comparator.comparingInt((Map<String, Object> r) -> ((Number) r.get("sort_order")).intValue())
                .thenComparingLong(r -> id(r.get("id")))).toList();
    }

    /** The same item gets the same GUID in every export of this installation. */
    static String guid(String kind, long id) {
        return UUID.nameUUIDFromBytes((kind + ":" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static long id(Object value) {
        return ((Number) value).longValue();
    }

    /** Characters XML 1.0 cannot carry (most control characters) are left out. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (!allowed && out == null) {
                out = new StringBuilder(text.substring(0, i));
            } else if (allowed && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String shorten(String text) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 100 ? flat : flat.substring(0, 99) + "…";
    }

    /** UTF-16 offsets of a text as code-point positions; the same numbers when the text has no surrogate pairs. */
    private static final class CodePoints {

        private final String text;
        private final boolean plain;
        private int[] points;

        CodePoints(String text) {
            this.text = text;
            this.plain = text.codePointCount(0, text.length()) == text.length();
        }

        int of(int offset) {
            if (plain) {
                return offset;
            }
            if (points == null) {
                // points[i]: how many code points text[0, i) holds; the low half of a pair adds none.
                points = new int[text.length() + 1];
                for (int i = 1; i <= text.length(); i++) {
                    boolean lowHalf = Character.isLowSurrogate(text.charAt(i - 1)) && i > 1
                            && Character.isHighSurrogate(text.charAt(i - 2));
                    points[i] = points[i - 1] + (lowHalf ? 0 : 1);
                }
            }
            return points[Math.min(offset, text.length())];
        }
    }
}
