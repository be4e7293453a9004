package org.cqrworkbench.exchange;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.cqrworkbench.account.AccountService;
import org.cqrworkbench.cases.CaseService;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Turns a REFI-QDA project into the rows of a new study. Text sources become transcripts, one case per REFI case
 * (or per source outside any case), codes become domains, codings of text selections become consensus codings on
 * the same characters the writer meant, variables become case attributes, notes become study notes. What cannot
 * come in is named in the warnings; it never stops the rest.
 */
final class ProjectToStudy {

    static final int MAX_TRANSCRIPT = 10_485_760;
    private static final int MAX_DOMAIN_NAME = 200;
    private static final int MAX_DEFINITION = 4000;
    private static final int MAX_CASE_CODE = 40;

    private final RefiProject project;
    private final Archive archive;
    private final String fileName;
    private final Instant now;
    private final SourceText.Counting counting;
    private final StudyRows rows = new StudyRows();
    private final List<MessageSourceResolvable> warnings = new ArrayList<>();
    private final Map<String, Long> personOfUser = new HashMap<>();
    private final Map<String, Long> domainOfCode = new HashMap<>();
    private final Set<String> domainNames = new HashSet<>();
    private final Set<String> caseCodes = new HashSet<>();
    private final Map<String, String> caseCodeOfSource = new HashMap<>();
    private final Map<String, String> selectionText = new HashMap<>();
    // Variable names by GUID, and the attribute names each case already has (the first value of a name wins).
    private final Map<String, String> variables = new HashMap<>();
    private final Map<Long, Set<String>> attributeNames = new HashMap<>();
    private final List<String> renamedCases = new ArrayList<>();
    private long nextId = 1;

    private ProjectToStudy(RefiProject project, Archive archive, String fileName, Instant now) {
        this.project = project;
        this.archive = archive;
        this.fileName = fileName;
        this.now = now;
        this.counting = SourceText.Counting.of(project.origin());
    }

    record Result(StudyRows rows, List<MessageSourceResolvable> warnings) {
    }

    /** `archive` is null for a bare project.qde, whose sources are then all missing. */
    static Result convert(RefiProject project, Archive archive, String fileName, Instant now) {
        ProjectToStudy conversion = new ProjectToStudy(project, archive, fileName, now);
        conversion.run();
        return new Result(conversion.rows, conversion.warnings);
    }

    private void run() {
        long studyId = id();
        String name = project.name() == null || project.name().isBlank() ? baseName(fileName) : project.name().strip();
        rows.add("study", "id", studyId, "name", cut(name, 200), "description", cut(project.description(), 4000),
                "research_question", null, "abbreviations", null, "created_at", time(now));
        long subsampleId = id();
        rows.add("subsample", "id", subsampleId, "study_id", studyId, "name", CaseService.DEFAULT_SUBSAMPLE, "table_title", null,
                "sort_order", 0, "general_rule", "ALL_BUT_ONE", "rare_rule", "AUTO");
        people(studyId);
        for (int i = 0; i < project.codes().size(); i++) {
            domain(studyId, null, project.codes().get(i), i);
        }
        cases(studyId, subsampleId);
        if (!renamedCases.isEmpty()) {
            warn("exchange.warning.caseCodes", String.join(", ", renamedCases));
        }
        notes(studyId);
        for (RefiProject.Skipped kind : project.skippedSources()) {
            warn("exchange.warning.sourceKind", kind.kind(), nameOr(kind.name()), kind.codings());
        }
    }

    private void people(long studyId) {
        for (RefiProject.User user : project.users()) {
            if (user.guid() == null) {
                continue;
            }
            String name = user.name() != null ? user.name() : user.id() != null ? user.id() : "person-" + user.guid().substring(0, 8);
            long id = id();
            personOfUser.put(user.guid(), id);
            rows.addPerson(new StudyRows.Person(id, AccountService.usernameFrom(name), name));
            rows.add("study_member", "id", id(), "study_id", studyId, "user_id", id, "role", "JUDGE", "biases", null);
        }
    }

    private void domain(long studyId, Long parentId, RefiProject.Code code, int order) {
        long id = id();
        String name = uniqueDomainName(code.name(), code.guid());
        String definition = code.description() == null || code.description().isBlank() ? null : code.description().strip();
        if (definition != null && definition.length() > MAX_DEFINITION) {
            warn("exchange.warning.definitionCut", name, MAX_DEFINITION);
            definition = definition.substring(0, MAX_DEFINITION);
        }
        rows.add("domain", "id", id, "study_id", studyId, "parent_id", parentId, "name", name, "definition", definition,
                "sort_order", order);
        if (code.guid() != null) {
            domainOfCode.put(code.guid(), id);
        }
        for (int i = 0; i < code.children().size(); i++) {
            domain(studyId, id, code.children().get(i), i);
        }
    }

    /** Domain names are unique in a study; a second "fun" becomes "fun (2)". */
    private String uniqueDomainName(String raw, String guid) {
        String name = raw == null || raw.isBlank() ? "Code " + (guid == null ? nextId : guid.substring(0, 8)) : raw.strip();
        if (name.length() > MAX_DOMAIN_NAME) {
            warn("exchange.warning.nameCut", name.substring(0, 40) + "…", MAX_DOMAIN_NAME);
            name = name.substring(0, MAX_DOMAIN_NAME);
        }
        String unique = name;
        for (int n = 2; !domainNames.add(unique.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            unique = name.substring(0, Math.min(name.length(), MAX_DOMAIN_NAME - suffix.length())) + suffix;
        }
        if (!unique.equals(name)) {
            warn("exchange.warning.domainRenamed", name, unique);
        }
        return unique;
    }

    private void cases(long studyId, long subsampleId) {
        Map<String, RefiProject.TextSource> sources = new LinkedHashMap<>();
        project.textSources().forEach(s -> sources.put(s.guid(), s));
        project.variables().forEach(v -> variables.put(v.guid(), cut(v.name(), 100)));
        Set<String> placed = new HashSet<>();
        for (RefiProject.Case refiCase : project.cases()) {
            List<RefiProject.TextSource> own = new ArrayList<>();
            for (String guid : refiCase.sourceGuids()) {
                RefiProject.TextSource source = sources.get(guid);
                if (source != null && placed.add(guid)) {
                    own.add(source);
                }
            }
            String notes = refiCase.description() == null || refiCase.description().isBlank() ? null : cut(refiCase.description().strip(), 20000);
            long caseId = addCase(studyId, subsampleId, refiCase.name(), notes, own);
            attributes(caseId, refiCase.values());
            if (refiCase.caseCodings() > 0) {
                warn("exchange.warning.caseLevelCodes", codeOfCase(caseId), refiCase.caseCodings());
            }
        }
        for (RefiProject.TextSource source : project.textSources()) {
            if (!placed.contains(source.guid())) {
                addCase(studyId, subsampleId, baseName(source.name()), null, List.of(source));
            }
        }
    }

    private final Map<Long, String> caseCodeById = new HashMap<>();

    private String codeOfCase(long caseId) {
        return caseCodeById.get(caseId);
    }

    /** A case and its transcript: the texts of its sources one after another, a blank line between them. */
    private long addCase(long studyId, long subsampleId, String name, String notes, List<RefiProject.TextSource> sources) {
        long caseId = id();
        String code = uniqueCaseCode(name);
        caseCodeById.put(caseId, code);
        rows.add("study_case", "id", caseId, "study_id", studyId, "code", code, "notes", notes, "coding_mode", "TOGETHER");
        rows.add("case_subsample", "case_id", caseId, "subsample_id", subsampleId);
        StringBuilder body = new StringBuilder();
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (RefiProject.TextSource source : sources) {
            caseCodeOfSource.put(source.guid(), code);
            String written = textOf(source);
            int codings = source.selections().stream().mapToInt(s -> s.codings().size()).sum() + source.wholeSourceCodings().size();
            if (written == null) {
                warn("exchange.warning.sourceMissing", nameOr(source.name()), codings);
                continue;
            }
            SourceText text = SourceText.of(written);
            if (body.length() + text.text().length() + 2 > MAX_TRANSCRIPT) {
                warn("exchange.warning.sourceTooLong", nameOr(source.name()), codings);
                continue;
            }
            if (body.length() > 0) {
                body.append("\n\n");
            }
            int base = body.length();
            body.append(text.text());
            names.add(source.name() == null ? code : source.name());
            codings(studyId, caseId, source, text, base, seen);
        }
        if (body.length() > 0) {
            rows.add("transcript", "id", id(), "case_id", caseId, "body", body.toString(), "body_length", body.length(),
                    "source_name", cut(String.join(" + ", names), 255), "imported_at", time(now));
        }
        sources.forEach(s -> attributes(caseId, s.values()));
        return caseId;
    }

    private void codings(long studyId, long caseId, RefiProject.TextSource source, SourceText text, int base,
            Map<String, Integer> seen) {
        int outside = 0;
        int unknownCode = 0;
        for (RefiProject.Selection selection : source.selections()) {
            OptionalInt start = text.offset(selection.start(), counting);
            OptionalInt end = text.offset(selection.end(), counting);
            if (start.isEmpty() || end.isEmpty() || end.getAsInt() <= start.getAsInt()) {
                outside += selection.codings().size();
                continue;
            }
            if (selection.guid() != null) {
                selectionText.put(selection.guid(), caseCodeOfSource.get(source.guid()) + ": “"
                        + shorten(text.text(), start.getAsInt(), end.getAsInt()) + "”");
            }
            for (RefiProject.Coding coding : selection.codings()) {
                unknownCode += coding(studyId, caseId, coding, base + start.getAsInt(), base + end.getAsInt(),
                        selection.creatingUser(), selection.created(), seen) ? 0 : 1;
            }
        }
        for (RefiProject.Coding coding : source.wholeSourceCodings()) {
            if (!text.text().isEmpty()) {
                unknownCode += coding(studyId, caseId, coding, base, base + text.text().length(), null, null, seen) ? 0 : 1;
            }
        }
        if (outside > 0) {
            warn("exchange.warning.outside", nameOr(source.name()), outside);
        }
        if (unknownCode > 0) {
            warn("exchange.warning.unknownCode", nameOr(source.name()), unknownCode);
        }
    }

    /** False when the coding names a code the project does not have. */
    private boolean coding(long studyId, long caseId, RefiProject.Coding coding, int start, int end, String selectionUser,
            Instant selectionCreated, Map<String, Integer> seen) {
        Long domainId = domainOfCode.get(coding.codeGuid());
        if (domainId == null) {
            return false;
        }
        // The same words coded twice into one domain are one consensus coding.
        if (seen.putIfAbsent(domainId + ":" + start + ":" + end, 1) != null) {
            return true;
        }
        String user = coding.creatingUser() != null ? coding.creatingUser() : selectionUser;
        Instant created = coding.created() != null ? coding.created() : selectionCreated != null ? selectionCreated : now;
        rows.add("coding", "id", id(), "study_id", studyId, "case_id", caseId, "domain_id", domainId, "start_offset", start,
                "end_offset", end, "layer", "CONSENSUS", "owner_id", null, "decided_by", user == null ? null : personOfUser.get(user),
                "created_at", time(created));
        return true;
    }

    private void attributes(long caseId, Map<String, String> values) {
        Set<String> names = attributeNames.computeIfAbsent(caseId, k -> new HashSet<>());
        values.forEach((variable, value) -> {
            String name = variables.get(variable);
            if (name != null && !name.isBlank() && value != null && !value.isBlank() && names.add(name)) {
                rows.add("case_attribute", "case_id", caseId, "attr_name", name, "attr_value", cut(value, 1000));
            }
        });
    }

    private void notes(long studyId) {
        for (RefiProject.Note note : project.notes()) {
            String text = note.inlineText();
            if (text == null && archive != null) {
                text = archive.source(note.plainTextPath()).map(ProjectToStudy::decode).orElse(null);
            }
            if (text == null) {
                warn("exchange.warning.noteMissing", nameOr(note.name()));
                continue;
            }
            String body = SourceText.of(text).text().strip();
            String title = note.name() == null || note.name().isBlank() ? shorten(body, 0, body.length()) : note.name().strip();
            rows.add("study_note", "id", id(), "study_id", studyId, "title", cut(title.isEmpty() ? "Note" : title, 500),
                    "body", cut(body, MAX_TRANSCRIPT), "about", cut(about(project.noteTargets().get(note.guid())), 1000),
                    "author_id", note.creatingUser() == null ? null : personOfUser.get(note.creatingUser()),
                    "created_at", time(note.created() != null ? note.created() : now));
        }
    }

    private String about(String target) {
        if (target == null || target.equals("project")) {
            return null;
        }
        if (target.startsWith("code ")) {
            return "Domain " + target.substring(5);
        }
        if (target.startsWith("selection:")) {
            String text = selectionText.get(target.substring("selection:".length()));
            return text == null ? null : "Coded words of " + text;
        }
        if (target.startsWith("source:")) {
            String code = caseCodeOfSource.get(target.substring("source:".length()));
            return code == null ? null : "Transcript of " + code;
        }
        return null;
    }

    private String textOf(RefiProject.TextSource source) {
        if (source.inlineText() != null) {
            return source.inlineText();
        }
        if (archive == null) {
            return null;
        }
        return archive.source(source.plainTextPath()).map(ProjectToStudy::decode).orElse(null);
    }

    /** Source files are UTF-8 by the standard; a file that is not is read with its bad bytes replaced. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Case codes appear in addresses: letters, digits, dots, dashes and underscores, at most 40. */
    private String uniqueCaseCode(String name) {
        String base = name == null ? "" : Normalizer.normalize(name.strip(), Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .replaceAll("\\s+", "-").replaceAll("[^A-Za-z0-9._-]", "").replaceAll("-{2,}", "-");
        if (base.isEmpty()) {
            base = "Case-" + (caseCodes.size() + 1);
        }
        base = base.length() > MAX_CASE_CODE ? base.substring(0, MAX_CASE_CODE) : base;
        String code = base;
        for (int n = 2; !caseCodes.add(code.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "-" + n;
            code = base.substring(0, Math.min(base.length(), MAX_CASE_CODE - suffix.length())) + suffix;
        }
        if (name != null && !code.equals(name.strip())) {
            renamedCases.add("“" + name.strip() + "” → " + code);
        }
        return code;
    }

    private void warn(String key, Object... args) {
        warnings.add(new DefaultMessageSourceResolvable(new String[] {key}, args, key));
    }

    private long id() {
        return nextId++;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String shorten(String text, int from, int to) {
        return StudyToProject.shorten(text, from, to, 80);
    }

    private static String nameOr(String name) {
        return name == null || name.isBlank() ? "(no name)" : name;
    }

    static String baseName(String name) {
        if (name == null || name.isBlank()) {
            return "Imported study";
        }
        String file = name.replace('\\', '/');
        file = file.substring(file.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
