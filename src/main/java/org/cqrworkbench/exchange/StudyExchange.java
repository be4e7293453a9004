package org.cqrworkbench.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cqrworkbench.account.AccountService;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Document;
import tools.jackson.databind.json.JsonMapper;

/** Studies in and out as .qdpx files: a project from another QDA program, or a full backup from the workbench. */
@Service
class StudyExchange {

    /** What an import brought: the new study, how much of each kind came in, and what had to stay behind. */
    record Report(long studyId, String studyName, boolean restoredBackup, Map<String, Integer> imported,
            List<String> accountsCreated, List<MessageSourceResolvable> warnings) {
    }

    private static final long IMPORTER = -1;

    private final StudyTables tables;
    private final JdbcTemplate streaming;
    private final AccountService accounts;
    private final StudyAccess access;
    private final ExchangeLimits limits;
    private final JsonMapper json;
    private final Clock clock;

    StudyExchange(StudyTables tables, JdbcTemplate jdbc, AccountService accounts, StudyAccess access, ExchangeLimits limits,
            JsonMapper json, Clock clock) {
        this.tables = tables;
        this.streaming = StudyTables.streaming(jdbc);
        this.accounts = accounts;
        this.access = access;
        this.limits = limits;
        this.json = json;
        this.clock = clock;
    }

    /** Where an export goes; opened only once the user may have the study, so a refusal is still a plain answer. */
    interface Target {
        OutputStream open() throws IOException;
    }

    /**
     * The whole study as a .qdpx, written into the target as it is read. Only a lead may take it away: it holds every
     * judge's private drafts. One read-only transaction, so every part of the file sees the same study. The target is
     * not closed: should the export fail half-way, a download must end as cut off, not as a complete, shorter file.
     */
    @Transactional(readOnly = true)
    public void export(long studyId, String username, Target target) {
        access.lead(studyId, username);
        OutputStream out;
        try {
            out = target.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StudyExport.write(tables, streaming, studyId, json, out);
    }

    /** A new study from the file, led by the importing user. It lands whole or not at all. */
    @Transactional
    public Report importStudy(String username, String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("exchange.empty");
        }
        List<MessageSourceResolvable> warnings = new ArrayList<>();
        Read read = read(fileName, content, warnings);
        StudyRows rows = read.rows();
        boolean restored = read.restored();
        List<String> created = new ArrayList<>();
        Map<Long, Long> people = people(rows, username, created);
        long studyId;
        try {
            studyId = tables.restore(rows, people);
        } catch (DataAccessException e) {
            throw StudyTables.damaged(e.getClass().getSimpleName());
        }
        Map<String, Integer> imported = new LinkedHashMap<>();
        for (String table : List.of("study_case", "transcript", "domain", "coding", "core_idea", "category", "audit_comment",
                "study_note")) {
            imported.put(table, rows.count(table));
        }
        if (!created.isEmpty()) {
            warnings.add(message("exchange.warning.accountsCreated", String.join(", ", created)));
        }
        return new Report(studyId, (String) rows.table("study").get(0).get("name"), restored, imported, created, warnings);
    }

    private record Read(StudyRows rows, boolean restored) {
    }

    /**
     * The rows of the new study, read from the file. The parsed XML and the unpacked archive are several times the
     * size of the rows, so they stay in here and are let go before the rows are written to the database.
     */
    private Read read(String fileName, byte[] content, List<MessageSourceResolvable> warnings) {
        Archive archive = null;
        byte[] projectXml;
        if (Archive.isZip(content)) {
            archive = Archive.read(content, limits);
            projectXml = archive.entry("project.qde").orElseThrow(() -> new InvalidInputException("exchange.noProject"));
        } else if (looksLikeXml(content)) {
            projectXml = content;
        } else {
            throw new InvalidInputException("exchange.type");
        }
        StudyRows rows;
        boolean restored = archive != null && archive.entry(StudyBackup.ENTRY).isPresent();
        // A backup carries every row itself; its project.qde is there for other programs and is not read again.
        if (restored) {
            rows = StudyBackup.read(archive.entry(StudyBackup.ENTRY).get(), archive, json);
            checkSpans(rows);
        } else {
            List<String> problems = Xml.problems(projectXml, "/refi-qda/Project-mrt2019.xsd", 3);
            if (!problems.isEmpty()) {
                warnings.add(message("exchange.warning.schema", String.join("; ", problems)));
            }
            ProjectToStudy.Result result = ProjectToStudy.convert(project(projectXml), archive, fileName, Instant.now(clock));
            rows = result.rows();
            warnings.addAll(result.warnings());
        }
        return new Read(rows, restored);
    }

    /** The project's XML as plain values; its parsed tree, ten times the size of the file, is let go on return. */
    private static RefiProject project(byte[] projectXml) {
        Document document = Xml.parse(projectXml, "project.qde");
        if (!"Project".equals(document.getDocumentElement().getLocalName())) {
            throw new InvalidInputException("exchange.notProject", document.getDocumentElement().getLocalName());
        }
        return RefiProject.read(document.getDocumentElement());
    }

    /**
     * People of the file become accounts here. The importer leads the new study. Others join its team only when the
     * import created their account (disabled until an administrator enables it): an account that already existed
     * belongs to someone who did not ask to see this study, so it is named as author but not let in.
     */
    private Map<Long, Long> people(StudyRows rows, String username, List<String> created) {
        Map<Long, Long> accountOf = new HashMap<>();
        Map<Long, Boolean> isNew = new HashMap<>();
        var importer = accounts.personFromImport(username, username).account();
        for (StudyRows.Person person : rows.people().values()) {
            AccountService.ImportedPerson account = person.username().equals(username)
                    ? new AccountService.ImportedPerson(importer, false)
                    : accounts.personFromImport(person.username(), person.displayName());
            accountOf.put(person.id(), account.account().getId());
            isNew.put(person.id(), account.created());
            if (account.created() && !created.contains(account.account().getUsername())) {
                created.add(account.account().getUsername());
            }
        }
        accountOf.put(IMPORTER, importer.getId());
        List<Map<String, Object>> members = rows.table("study_member");
        Object studyId = rows.table("study").isEmpty() ? null : rows.table("study").get(0).get("id");
        List<Map<String, Object>> kept = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("id", Long.MAX_VALUE);
        lead.put("study_id", studyId);
        lead.put("user_id", IMPORTER);
        lead.put("role", "LEAD");
        lead.put("biases", null);
        for (Map<String, Object> member : members) {
            Object user = member.get("user_id");
            if (user instanceof Number number && Boolean.TRUE.equals(isNew.get(number.longValue()))
                    && seen.add(accountOf.get(number.longValue()))) {
                kept.add(member);
            } else if (user instanceof Number number && accountOf.get(number.longValue()) != null
                    && accountOf.get(number.longValue()).equals(importer.getId())) {
                lead.put("biases", member.get("biases"));
            }
        }
        kept.add(0, lead);
        members.clear();
        members.addAll(kept);
        return accountOf;
    }

    /** A backup's codings and transcript parts must lie inside their transcripts. */
    private static void checkSpans(StudyRows rows) {
        Map<Long, Integer> lengthOfCase = new HashMap<>();
        Map<Long, Integer> lengthOfTranscript = new HashMap<>();
        for (Map<String, Object> t : rows.table("transcript")) {
            if (!(t.get("case_id") instanceof Number caseId) || !(t.get("id") instanceof Number id)) {
                throw StudyTables.damaged("transcript");
            }
            int length = ((String) t.get("body")).length();
            if (length > ProjectToStudy.MAX_TRANSCRIPT) {
                throw StudyTables.damaged("transcript");
            }
            lengthOfCase.put(caseId.longValue(), length);
            lengthOfTranscript.put(id.longValue(), length);
        }
        check(rows.table("coding"), "case_id", lengthOfCase, "coding");
        check(rows.table("transcript_part"), "transcript_id", lengthOfTranscript, "transcript_part");
    }

    private static void check(List<Map<String, Object>> spans, String owner, Map<Long, Integer> lengths, String table) {
        for (Map<String, Object> span : spans) {
            if (!(span.get(owner) instanceof Number ownerId) || !(span.get("start_offset") instanceof Number start)
                    || !(span.get("end_offset") instanceof Number end)) {
                throw StudyTables.damaged(table);
            }
            Integer length = lengths.get(ownerId.longValue());
            if (length == null || start.intValue() < 0 || end.intValue() <= start.intValue() || end.intValue() > length) {
                throw StudyTables.damaged(table);
            }
        }
    }

    private static boolean looksLikeXml(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 200), StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        return head.startsWith("<");
    }

    static MessageSourceResolvable message(String key, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {key}, args, key);
    }

    static String extension(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
