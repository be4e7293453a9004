package org.cqrworkbench.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Writes a study as a REFI-QDA project (the project.qde of the .qdpx that {@link StudyExport} puts together):
 * transcripts as text sources, domains as codes with their categories as codes beneath them, consensus codings as coded
 * selections (a category codes the raw data behind its core ideas), core ideas, audit comments and study notes as
 * notes linked to what they are about, cases with their attributes as variables, the team as users. Positions count
 * Unicode code points, as the standard says.
 * <p>
 * The project goes out as it is read: a transcript with its codings at a time, other rows one by one. Only small
 * things stay in memory for the whole of it: the codebook, the cases' codes, the people and the audit comments'
 * links. A large study (hundreds of transcripts, tens of thousands of codings) held whole, as rows and then as the
 * document about them, would take most of the heap of a small server.
 */
final class StudyToProject {

    static final String NS = "urn:QDA-XML:project:1.0";
    static final String ORIGIN = "CQR Workbench";
    /** The longest name of a selection or note. */
    private static final int NAME = 100;

    /** The core idea of a link (l) belongs to the study (the query's next parameter). */
    private static final String IDEA_OF_STUDY = "exists (select 1 from core_idea i where i.id = l.core_idea_id and i.study_id = ?)";

    /** A transcript of the study, its text read when its source is written. */
    record Source(long id, long caseId, OffsetDateTime importedAt) {
    }

    /** How to have the text of a transcript. */
    interface Texts {
        String of(Source source) throws IOException;
    }

    private record Study(String name, String description, OffsetDateTime createdAt) {
    }

    private record Domain(long id, Long parentId, String name, String definition) {
    }

    private record Category(long id, long domainId, Long parentId, String name, String description) {
    }

    private record Coding(long id, int start, int end, long domainId, Long decidedBy, OffsetDateTime createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final long studyId;
    private final Map<Long, StudyRows.Person> people;
    private final List<Source> transcripts;
    private final Texts texts;
    private final XMLStreamWriter xml;

    private final Map<Long, String> userGuids = new HashMap<>();
    private final Map<Long, String> domainGuids = new HashMap<>();
    private final Map<Long, String> categoryGuids = new HashMap<>();
    private final Map<Long, String> caseCodes = new HashMap<>();
    private final Map<Long, String> domainNames = new HashMap<>();
    private List<Domain> domains = List.of();
    private final Map<Long, List<Category>> categoriesOfDomain = new HashMap<>();
    private final Set<Long> categories = new HashSet<>();
    // The last time written and how it was written: the rows of one import share a time.
    private OffsetDateTime lastTime;
    private String lastTimeText;

    // What each audit comment is linked from: the selection of a coding, a category's code, a core idea's note, the
    // project. Comments are written by people, so there are few of them.
    private final Map<Long, List<String>> commentsOnCoding = new HashMap<>();
    private final Map<Long, List<String>> commentsOnCategory = new HashMap<>();
    private final Map<Long, List<String>> commentsOnCoreIdea = new HashMap<>();
    private final List<String> commentsOnProject = new ArrayList<>();

    private StudyToProject(JdbcTemplate jdbc, long studyId, Map<Long, StudyRows.Person> people, List<Source> transcripts,
            Texts texts, XMLStreamWriter xml) {
        this.jdbc = jdbc;
        this.studyId = studyId;
        this.people = people;
        this.transcripts = transcripts;
        this.texts = texts;
        this.xml = xml;
        people.keySet().forEach(id -> userGuids.put(id, guid("user", id)));
    }

    /**
     * Writes the project into `xml`: `sources` are the study's transcripts in the order of their ids, `people` those
     * its rows name. `jdbc` should read rows in batches (see {@link StudyTables#streaming}) inside a transaction.
     */
    static void write(JdbcTemplate jdbc, long studyId, Map<Long, StudyRows.Person> people, List<Source> sources, Texts texts,
            XMLStreamWriter xml) throws XMLStreamException {
        new StudyToProject(jdbc, studyId, people, sources, texts, xml).write();
    }

    private void write() throws XMLStreamException {
        Study study = jdbc.queryForObject("select name, description, created_at from study where id = ?",
                (rs, n) -> new Study(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)), studyId);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("Project");
        xml.writeDefaultNamespace(NS);
        xml.writeAttribute("name", clean(study.name()));
        xml.writeAttribute("origin", ORIGIN);
        time("creationDateTime", study.createdAt());
        xml.writeAttribute("modifiedDateTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        readCodeBook();
        linkComments();
        users();
        codeBook();
        cases(variables());
        sources();
        notes();
        optionalText("Description", study.description());
        projectNotes();
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private void users() throws XMLStreamException {
        if (people.isEmpty()) {
            return;
        }
        xml.writeStartElement("Users");
        for (StudyRows.Person person : people.values()) {
            xml.writeEmptyElement("User");
            xml.writeAttribute("guid", userGuids.get(person.id()));
            xml.writeAttribute("name", clean(person.displayName()));
            xml.writeAttribute("id", clean(person.username()));
        }
        xml.writeEndElement();
    }

    /** The codebook is small, and audit comments need to know which categories are the study's. */
    private void readCodeBook() {
        domains = jdbc.query("select id, parent_id, name, definition from domain where study_id = ? order by sort_order, id",
                (rs, n) -> new Domain(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4)), studyId);
        domains.forEach(d -> domainNames.put(d.id(), d.name()));
        jdbc.query("select id, domain_id, parent_id, name, description from category where study_id = ? order by sort_order, id",
                (ResultSet rs) -> {
                    Category category = new Category(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
                            rs.getString(5));
                    categoriesOfDomain.computeIfAbsent(category.domainId(), k -> new ArrayList<>()).add(category);
                    categories.add(category.id());
                }, studyId);
    }

    private void codeBook() throws XMLStreamException {
        if (domains.isEmpty()) {
            return;
        }
        xml.writeStartElement("CodeBook");
        xml.writeStartElement("Codes");
        for (Domain domain : domains) {
            if (domain.parentId() == null) {
                domainCode(domain);
            }
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void domainCode(Domain domain) throws XMLStreamException {
        xml.writeStartElement("Code");
        xml.writeAttribute("guid", guid("domain", domain.id()));
        xml.writeAttribute("name", clean(domain.name()));
        xml.writeAttribute("isCodable", "true");
        optionalText("Description", domain.definition());
        for (Domain sub : domains) {
            if (Objects.equals(sub.parentId(), domain.id())) {
                domainCode(sub);
            }
        }
        List<Category> ofDomain = categoriesOfDomain.getOrDefault(domain.id(), List.of());
        Map<Long, List<Category>> subcategories = new HashMap<>();
        for (Category category : ofDomain) {
            if (category.parentId() != null) {
                subcategories.computeIfAbsent(category.parentId(), k -> new ArrayList<>()).add(category);
            }
        }
        for (Category category : ofDomain) {
            if (category.parentId() == null) {
                categoryCode(category, subcategories);
            }
        }
        xml.writeEndElement();
    }

    private void categoryCode(Category category, Map<Long, List<Category>> subcategories) throws XMLStreamException {
        xml.writeStartElement("Code");
        xml.writeAttribute("guid", guid("category", category.id()));
        xml.writeAttribute("name", clean(category.name()));
        xml.writeAttribute("isCodable", "true");
        optionalText("Description", category.description());
        for (String note : commentsOnCategory.getOrDefault(category.id(), List.of())) {
            ref("NoteRef", note);
        }
        for (Category sub : subcategories.getOrDefault(category.id(), List.of())) {
            categoryCode(sub, subcategories);
        }
        xml.writeEndElement();
    }

    /** One text variable per attribute name, in the order they first appear. */
    private Map<String, String> variables() throws XMLStreamException {
        Map<String, String> variables = new LinkedHashMap<>();
        jdbc.query("select a.attr_name from case_attribute a join study_case c on c.id = a.case_id where c.study_id = ?"
                + " order by a.case_id, a.attr_name", (ResultSet rs) -> {
                    variables.computeIfAbsent(rs.getString(1), n -> nameUuid("variable:" + n));
                }, studyId);
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

    /** Each case with its attributes, which come on the rows of their case. */
    private void cases(Map<String, String> variables) throws XMLStreamException {
        Map<Long, Long> transcriptOfCase = new HashMap<>();
        transcripts.forEach(t -> transcriptOfCase.put(t.caseId(), t.id()));
        long[] open = {-1};
        each("select c.id, c.code, c.notes, a.attr_name, a.attr_value from study_case c"
                + " left join case_attribute a on a.case_id = c.id where c.study_id = ? order by c.id, a.attr_name", rs -> {
                    long id = rs.getLong(1);
                    if (id != open[0]) {
                        if (open[0] < 0) {
                            xml.writeStartElement("Cases");
                        } else {
                            endCase(open[0], transcriptOfCase);
                        }
                        open[0] = id;
                        caseCodes.put(id, rs.getString(2));
                        xml.writeStartElement("Case");
                        xml.writeAttribute("guid", guid("case", id));
                        xml.writeAttribute("name", clean(rs.getString(2)));
                        optionalText("Description", rs.getString(3));
                    }
                    String attribute = rs.getString(4);
                    if (attribute != null) {
                        xml.writeStartElement("VariableValue");
                        ref("VariableRef", variables.get(attribute));
                        text("TextValue", rs.getString(5));
                        xml.writeEndElement();
                    }
                }, studyId);
        if (open[0] >= 0) {
            endCase(open[0], transcriptOfCase);
            xml.writeEndElement();
        }
    }

    private void endCase(long caseId, Map<Long, Long> transcriptOfCase) throws XMLStreamException {
        if (transcriptOfCase.containsKey(caseId)) {
            ref("SourceRef", guid("transcript", transcriptOfCase.get(caseId)));
        }
        xml.writeEndElement();
    }

    /** Each transcript with its consensus codings; its text and codings are read when it is written, and let go after. */
    private void sources() throws XMLStreamException {
        if (transcripts.isEmpty()) {
            return;
        }
        xml.writeStartElement("Sources");
        for (Source transcript : transcripts) {
            source(transcript);
        }
        xml.writeEndElement();
    }

    private void source(Source transcript) throws XMLStreamException {
        long caseId = transcript.caseId();
        String body;
        try {
            body = texts.of(transcript);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CodePoints points = new CodePoints(body);
        String guid = guid("transcript", transcript.id());
        List<Coding> codings = jdbc.query("select id, start_offset, end_offset, domain_id, decided_by, created_at from coding"
                + " where case_id = ? and layer = 'CONSENSUS' and study_id = ? order by start_offset, id",
                (rs, n) -> new Coding(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getObject(5, Long.class),
                        rs.getObject(6, OffsetDateTime.class)), caseId, studyId);
        // The core ideas written from each coding, and the categories they are placed in. The queries start from the
        // case's codings and check the study through primary keys: H2, left to choose, would start from all the
        // study's core ideas.
        Map<Long, List<String>> ideasOfCoding = new HashMap<>();
        jdbc.query("select l.coding_id, l.core_idea_id from coding c join core_idea_coding l on l.coding_id = c.id"
                + " where c.case_id = ? and c.layer = 'CONSENSUS' and " + IDEA_OF_STUDY + " order by l.core_idea_id, l.coding_id",
                (ResultSet rs) -> {
                    ideasOfCoding.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(guid("core-idea", rs.getLong(2)));
                }, caseId, studyId);
        Map<Long, Set<Long>> categoriesOfCoding = new HashMap<>();
        jdbc.query("select l.coding_id, p.category_id from coding c join core_idea_coding l on l.coding_id = c.id"
                + " join category_core_idea p on p.core_idea_id = l.core_idea_id"
                + " where c.case_id = ? and c.layer = 'CONSENSUS' and " + IDEA_OF_STUDY + " order by p.category_id",
                (ResultSet rs) -> {
                    if (categories.contains(rs.getLong(2))) {
                        categoriesOfCoding.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getLong(2));
                    }
                }, caseId, studyId);
        xml.writeStartElement("TextSource");
        xml.writeAttribute("guid", guid);
        xml.writeAttribute("name", clean(caseCodes.get(caseId)));
        xml.writeAttribute("plainTextPath", "internal://" + guid + ".txt");
        time("creationDateTime", transcript.importedAt());
        for (Coding coding : codings) {
            xml.writeStartElement("PlainTextSelection");
            xml.writeAttribute("guid", guid("selection", coding.id()));
            xml.writeAttribute("name", clean(shorten(body, coding.start(), Math.min(coding.end(), body.length()), NAME)));
            xml.writeAttribute("startPosition", String.valueOf(points.of(coding.start())));
            xml.writeAttribute("endPosition", String.valueOf(points.of(coding.end())));
            user("creatingUser", coding.decidedBy());
            time("creationDateTime", coding.createdAt());
            codingElement(guid("coding", coding.id()), domainGuid(coding.domainId()), coding);
            for (long category : categoriesOfCoding.getOrDefault(coding.id(), Set.of())) {
                codingElement(nameUuid("category-coding:" + category + ":" + coding.id()), categoryGuid(category), coding);
            }
            for (String note : ideasOfCoding.getOrDefault(coding.id(), List.of())) {
                ref("NoteRef", note);
            }
            for (String note : commentsOnCoding.getOrDefault(coding.id(), List.of())) {
                ref("NoteRef", note);
            }
            xml.writeEndElement();
        }
        // Core ideas written from no coding are about the whole transcript.
        // (The case is the study's, so its core ideas are too; asked for the study as well, H2 would look through all
        // of the study's core ideas for each case.)
        each("select i.id from core_idea i where i.case_id = ?"
                + " and not exists (select 1 from core_idea_coding l where l.core_idea_id = i.id) order by i.id",
                rs -> ref("NoteRef", guid("core-idea", rs.getLong(1))), caseId);
        xml.writeEndElement();
    }

    private String domainGuid(long domainId) {
        return domainGuids.computeIfAbsent(domainId, id -> guid("domain", id));
    }

    private String categoryGuid(long categoryId) {
        return categoryGuids.computeIfAbsent(categoryId, id -> guid("category", id));
    }

    private void codingElement(String guid, String code, Coding coding) throws XMLStreamException {
        xml.writeStartElement("Coding");
        xml.writeAttribute("guid", guid);
        user("creatingUser", coding.decidedBy());
        time("creationDateTime", coding.createdAt());
        ref("CodeRef", code);
        xml.writeEndElement();
    }

    /** Works out, before writing, which element links to each audit comment: the item it is about, if still there. */
    private void linkComments() {
        jdbc.query("select a.id, a.item_id, case"
                + " when a.item_type = 'CODING' and exists (select 1 from coding c where c.id = a.item_id and c.study_id = a.study_id)"
                + " then 'coding'"
                + " when a.item_type = 'CORE_IDEA' and exists (select 1 from core_idea c where c.id = a.item_id and c.study_id = a.study_id)"
                + " then 'core_idea'"
                + " when a.item_type in ('CATEGORY', 'PLACEMENT') then 'category' end"
                + " from audit_comment a where a.study_id = ? order by a.id", (ResultSet rs) -> {
                    String note = guid("audit-comment", rs.getLong(1));
                    long item = rs.getLong(2);
                    String about = rs.getString(3);
                    if ("coding".equals(about)) {
                        commentsOnCoding.computeIfAbsent(item, k -> new ArrayList<>()).add(note);
                    } else if ("core_idea".equals(about)) {
                        commentsOnCoreIdea.computeIfAbsent(item, k -> new ArrayList<>()).add(note);
                    } else if ("category".equals(about) && categories.contains(item)) {
                        commentsOnCategory.computeIfAbsent(item, k -> new ArrayList<>()).add(note);
                    } else {
                        commentsOnProject.add(note);
                    }
                }, studyId);
    }

    /**
     * What the project itself links to: core ideas written from no coding in a case without a transcript, audit
     * comments about nothing left in the study, and the study's notes.
     */
    private void projectNotes() throws XMLStreamException {
        each("select i.id from core_idea i where i.study_id = ?"
                + " and not exists (select 1 from core_idea_coding l where l.core_idea_id = i.id)"
                + " and not exists (select 1 from transcript t where t.case_id = i.case_id) order by i.id",
                rs -> ref("NoteRef", guid("core-idea", rs.getLong(1))), studyId);
        for (String note : commentsOnProject) {
            ref("NoteRef", note);
        }
        each("select id from study_note where study_id = ? order by id", rs -> ref("NoteRef", guid("note", rs.getLong(1))),
                studyId);
    }

    private void notes() throws XMLStreamException {
        boolean[] open = {false};
        Row start = rs -> {
            if (!open[0]) {
                xml.writeStartElement("Notes");
                open[0] = true;
            }
        };
        StudyTables.inPages(jdbc, "core_idea", "t.id, t.case_id, t.domain_id, t.body", studyId, unchecked(rs -> {
            start.write(rs);
            long id = rs.getLong(1);
            note(guid("core-idea", id), "Core idea · " + caseCodes.get(rs.getLong(2)) + " · " + domainNames.get(rs.getLong(3)),
                    null, null, rs.getString(4), commentsOnCoreIdea.getOrDefault(id, List.of()));
        }));
        // A comment comes with its replies, one row for each; the thread is one note.
        Map<String, Object> comment = new HashMap<>();
        StringBuilder thread = new StringBuilder();
        each("select a.id, a.item_label, a.author_id, a.created_at, a.body, a.suggestion, r.author_id, r.kind, r.body, r.id"
                + " from audit_comment a left join audit_reply r on r.comment_id = a.id where a.study_id = ? order by a.id, r.id",
                rs -> {
                    start.write(rs);
                    long id = rs.getLong(1);
                    if (!Objects.equals(comment.get("id"), id)) {
                        comment(comment, thread);
                        comment.put("id", id);
                        comment.put("label", rs.getString(2));
                        comment.put("author", rs.getObject(3, Long.class));
                        comment.put("created", rs.getObject(4, OffsetDateTime.class));
                        thread.setLength(0);
                        thread.append(rs.getString(5));
                        String suggestion = rs.getString(6);
                        if (suggestion != null) {
                            thread.append("\n\nSuggestion: ").append(suggestion);
                        }
                    }
                    if (rs.getObject(10) != null) {
                        StudyRows.Person author = people.get(rs.getLong(7));
                        thread.append("\n\n").append(author == null ? "" : author.displayName()).append(" (")
                                .append(rs.getString(8).toLowerCase(Locale.ROOT).replace('_', ' ')).append(")");
                        String reply = rs.getString(9);
                        if (reply != null) {
                            thread.append(": ").append(reply);
                        }
                    }
                }, studyId);
        comment(comment, thread);
        each("select id, title, body, about, author_id, created_at from study_note where study_id = ? order by id", rs -> {
            start.write(rs);
            String body = rs.getString(3);
            String about = rs.getString(4);
            if (about != null) {
                body = "About: " + about + "\n\n" + body;
            }
            note(guid("note", rs.getLong(1)), rs.getString(2), rs.getObject(5, Long.class),
                    rs.getObject(6, OffsetDateTime.class), body, List.of());
        }, studyId);
        if (open[0]) {
            xml.writeEndElement();
        }
    }

    /** The note of the audit comment gathered so far, if any. */
    private void comment(Map<String, Object> comment, StringBuilder thread) throws XMLStreamException {
        if (comment.containsKey("id")) {
            note(guid("audit-comment", (Long) comment.get("id")), "Audit comment · " + comment.get("label"),
                    (Long) comment.get("author"), (OffsetDateTime) comment.get("created"), thread.toString(), List.of());
        }
    }

    private void note(String guid, String name, Long author, OffsetDateTime created, String text, List<String> noteRefs)
            throws XMLStreamException {
        xml.writeStartElement("Note");
        xml.writeAttribute("guid", guid);
        xml.writeAttribute("name", clean(name == null ? "" : shorten(name, 0, name.length(), NAME)));
        user("creatingUser", author);
        time("creationDateTime", created);
        text("PlainTextContent", text);
        for (String ref : noteRefs) {
            ref("NoteRef", ref);
        }
        xml.writeEndElement();
    }

    private void user(String attribute, Long personId) throws XMLStreamException {
        String guid = personId == null ? null : userGuids.get(personId);
        if (guid != null) {
            xml.writeAttribute(attribute, guid);
        }
    }

    private void time(String attribute, OffsetDateTime value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        if (!value.equals(lastTime)) {
            lastTime = value;
            lastTimeText = value.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toInstant().toString();
        }
        xml.writeAttribute(attribute, lastTimeText);
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

    /** What to do with one row of a query, writing XML as it goes. */
    private interface Row {
        void write(ResultSet rs) throws SQLException, XMLStreamException;
    }

    private void each(String sql, Row row, Object... args) {
        jdbc.query(sql, unchecked(row), args);
    }

    private static RowCallbackHandler unchecked(Row row) {
        return rs -> {
            try {
                row.write(rs);
            } catch (XMLStreamException e) {
                throw failed(e);
            }
        };
    }

    /** The XML writer fails only when the stream under it does: the download was cut off. */
    static RuntimeException failed(XMLStreamException e) {
        return e.getCause() instanceof IOException io ? new UncheckedIOException(io)
                : new IllegalStateException("Writing the project failed", e);
    }

    /** The same item gets the same GUID in every export of this installation. */
    static String guid(String kind, long id) {
        return nameUuid(kind + ":" + id);
    }

    // An export makes a few GUIDs for each of tens of thousands of items: the digest is made once per thread, not
    // looked up among the security providers for each.
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java", e);
        }
    });

    /** What {@link UUID#nameUUIDFromBytes} makes of the name's UTF-8 bytes (a version 3 UUID). */
    static String nameUuid(String name) {
        MessageDigest digest = MD5.get();
        digest.reset();
        byte[] hash = digest.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (hash[i] & 0xff);
            low = (low << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(high, low).toString();
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

    /**
     * text[from, to) as a name: stripped, each run of white space one space, cut to `limit` characters. Only the part
     * that can show is looked at: a selection may be long, and there are tens of thousands of them.
     */
    static String shorten(String text, int from, int to, int limit) {
        int start = from;
        int end = to;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder flat = new StringBuilder(Math.min(end - start, limit + 1));
        boolean space = false;
        for (int i = start; i < end && flat.length() <= limit; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                space = true;
            } else {
                if (space) {
                    flat.append(' ');
                    space = false;
                }
                flat.append(c);
            }
        }
        return flat.length() <= limit ? flat.toString() : flat.substring(0, limit - 1) + "…";
    }

    /**
     * UTF-16 offsets of a text as code-point positions; the same numbers when the text has no surrogate pairs. Asked
     * in about increasing order (selections by their start), it counts from the offset it was last asked about.
     */
    private static final class CodePoints {

        private final String text;
        private final boolean plain;
        private int offset;
        private int points;

        CodePoints(String text) {
            this.text = text;
            this.plain = text.codePointCount(0, text.length()) == text.length();
        }

        /** How many code points text[0, offset) holds; half of a pair before the offset counts as one. */
        int of(int asked) {
            if (plain) {
                return asked;
            }
            int target = Math.min(asked, text.length());
            // Counting a stretch that starts inside a pair counts the pair's low half again.
            if (target > offset) {
                points += text.codePointCount(offset, target) - (splitsPair(offset) ? 1 : 0);
            } else if (target < offset) {
                points -= text.codePointCount(target, offset) - (splitsPair(target) ? 1 : 0);
            }
            offset = target;
            return points;
        }

        private boolean splitsPair(int at) {
            return at > 0 && at < text.length() && Character.isHighSurrogate(text.charAt(at - 1))
                    && Character.isLowSurrogate(text.charAt(at));
        }
    }
}
