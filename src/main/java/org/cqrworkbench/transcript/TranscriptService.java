package org.cqrworkbench.transcript;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.InvalidInputException;
import org.cqrworkbench.web.UserFacingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Importing and replacing transcripts. Files are read into text first, outside any transaction; then
 * the text is stored, one case or a whole batch in one transaction. Replacing a text that has codings
 * needs the user's consent, given after they have seen which codings cannot follow their words.
 */
@Service
public class TranscriptService {

    /** A transcript as it arrived, decoded and normalised; `sourceName` is the file's name, null for pasted text. */
    public record Incoming(String sourceName, String text) implements Serializable {
    }

    /** What storing a text in a case would do: replace a transcript or not, and to how many codings. */
    public record Preview(String caseCode, boolean replaces, int codings, List<UnplacedCoding> unplaced) {
    }

    /**
     * The user's answers to a replacement's warnings: they agree to replace a transcript that has codings,
     * they have noted the codings that cannot be placed, and how many of those they were shown.
     */
    public record Consent(boolean replace, boolean noted, int unplacedSeen) implements Serializable {

        public static final Consent NONE = new Consent(false, false, 0);
    }

    /** One file of a batch: which case it goes to, whether that case is to be created, and the user's consent. */
    public record BatchItem(Incoming incoming, String caseCode, boolean createCase, Consent consent) {
    }

    /** What was stored in one case; no text, so it can ride along to the next page. */
    public record Outcome(String caseCode, int characters, int words, boolean replaced, List<UnplacedCoding> unplaced,
            boolean partsRemoved) implements Serializable {
    }

    /** What a file of a batch will do: go into a case without a transcript, replace one, or start a new case. */
    public enum Action {
        IMPORT, REPLACE, CREATE
    }

    /** One file of a batch, matched to its case by name, with what replacing would do to that case's codings. */
    public record Planned(Incoming incoming, String caseCode, Action action, int codings, List<UnplacedCoding> unplaced) {

        /** New cases and replaced transcripts wait for the user's answer; plain imports go ahead. */
        public boolean needsAnswer() {
            return action != Action.IMPORT;
        }
    }

    /** The text column holds at most this many characters. */
    static final int MAX_CHARACTERS = 10_485_760;

    private final TranscriptRepository transcripts;
    private final TranscriptParts parts;
    private final CaseService caseService;
    private final StudyAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long maxBytes;

    TranscriptService(TranscriptRepository transcripts, TranscriptParts parts, CaseService caseService,
            StudyAccess access, ApplicationEventPublisher events, Clock clock,
            @Value("${cqr.transcript.max-bytes:10485760}") long maxBytes) {
        this.transcripts = transcripts;
        this.parts = parts;
        this.caseService = caseService;
        this.access = access;
        this.events = events;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** Stores the first transcript of a case. The caller has already checked the user's role. */
    @Transactional
    public Transcript store(long caseId, String text, String sourceName) {
        String body = TranscriptText.normalise(text);
        if (body.isBlank()) {
            throw new InvalidInputException("transcript.empty");
        }
        if (transcripts.findByCaseId(caseId).isPresent()) {
            throw new InvalidInputException("transcript.exists");
        }
        return transcripts.save(new Transcript(caseId, body, sourceName, Instant.now(clock)));
    }

    /**
     * Reads an uploaded .txt or .docx. Uploads through the pages are already bounded by the multipart limit,
     * but the limit is checked here too because this is where every way in meets. Messages name the file.
     */
    public Incoming read(String fileName, byte[] content) {
        String name = displayName(fileName);
        try {
            if (content.length > maxBytes) {
                throw new InvalidInputException("transcript.tooLarge", megabytes());
            }
            return new Incoming(name, checkedLength(TranscriptFile.read(fileName, content)));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("transcript.file", name, e.resolvable());
        }
    }

    /** Text pasted into the page, under the same limits as a file. */
    public Incoming paste(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("transcript.empty");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new InvalidInputException("transcript.tooLarge", megabytes());
        }
        return new Incoming(null, checkedLength(TranscriptText.normalise(text)));
    }

    @Transactional(readOnly = true)
    public Preview preview(long studyId, String username, String caseCode, Incoming incoming) {
        access.analyst(studyId, username);
        StudyCase studyCase = caseService.caseByCode(studyId, username, caseCode);
        return previewFor(studyId, studyCase, incoming);
    }

    /** Stores a text as a case's transcript, replacing the one it has if the consent covers what that does. */
    @Transactional
    public Outcome put(long studyId, String username, String caseCode, Incoming incoming, Consent consent) {
        access.analyst(studyId, username);
        return putInto(studyId, caseService.caseByCode(studyId, username, caseCode), incoming, consent);
    }

    /**
     * Stores a batch of files, creating the cases asked for in the study's first subsample. It is one
     * transaction: when any file fails, nothing of the batch is stored, and the message names that file.
     */
    @Transactional
    public List<Outcome> importBatch(long studyId, String username, List<BatchItem> items) {
        access.analyst(studyId, username);
        long firstSubsample = caseService.design(studyId, username).defaultSubsample().id();
        List<Outcome> outcomes = new ArrayList<>();
        for (BatchItem item : items) {
            try {
                StudyCase studyCase = item.createCase()
                        ? caseService.importCase(studyId, item.caseCode(), firstSubsample)
                        : caseService.caseByCode(studyId, username, item.caseCode());
                outcomes.add(putInto(studyId, studyCase, item.incoming(), item.consent()));
            } catch (ConflictException e) {
                throw new ConflictException("transcript.file", item.incoming().sourceName(), e.resolvable());
            } catch (UserFacingException e) {
                throw new InvalidInputException("transcript.file", item.incoming().sourceName(), e.resolvable());
            }
        }
        return outcomes;
    }

    /**
     * Matches each file to a case by its name without extension, ignoring letter case ("p07.docx" goes to P07),
     * and works out what storing it would do. Stores nothing.
     */
    @Transactional(readOnly = true)
    public List<Planned> plan(long studyId, String username, List<Incoming> files) {
        access.analyst(studyId, username);
        if (files.isEmpty()) {
            throw new InvalidInputException("transcript.batch.none");
        }
        List<StudyCase> cases = caseService.design(studyId, username).cases();
        Map<String, String> fileOfCase = new HashMap<>();
        List<Planned> planned = new ArrayList<>();
        for (Incoming file : files) {
            String stem = stem(file.sourceName());
            StudyCase match = cases.stream().filter(c -> c.getCode().equals(stem)).findFirst()
                    .or(() -> cases.stream().filter(c -> c.getCode().equalsIgnoreCase(stem)).findFirst())
                    .orElse(null);
            String code = match == null ? stem : match.getCode();
            String other = fileOfCase.putIfAbsent(code.toLowerCase(Locale.ROOT), file.sourceName());
            if (other != null) {
                throw new InvalidInputException("transcript.batch.twice", other, file.sourceName(), code);
            }
            if (match == null) {
                if (!CaseService.isPossibleCode(stem)) {
                    throw new InvalidInputException("transcript.file", file.sourceName(),
                            new InvalidInputException("transcript.batch.badName", stem).resolvable());
                }
                planned.add(new Planned(file, stem, Action.CREATE, 0, List.of()));
            } else {
                Preview preview = previewFor(studyId, match, file);
                planned.add(new Planned(file, code, preview.replaces() ? Action.REPLACE : Action.IMPORT,
                        preview.codings(), preview.unplaced()));
            }
        }
        return planned;
    }

    /** "P07.final.docx" is meant for case P07.final: only the last extension goes. */
    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return (dot > 0 ? fileName.substring(0, dot) : fileName).strip();
    }

    private Preview previewFor(long studyId, StudyCase studyCase, Incoming incoming) {
        return transcripts.findByCaseId(studyCase.getId())
                .map(existing -> {
                    AnchorReport report = new AnchorReport();
                    events.publishEvent(new TranscriptReplacementPreview(studyId, studyCase.getId(), existing.getBody(),
                            incoming.text(), report));
                    return new Preview(studyCase.getCode(), true, report.codings(), report.unplaced());
                })
                .orElseGet(() -> new Preview(studyCase.getCode(), false, 0, List.of()));
    }

    private Outcome putInto(long studyId, StudyCase studyCase, Incoming incoming, Consent consent) {
        String body = incoming.text();
        Transcript existing = transcripts.findByCaseId(studyCase.getId()).orElse(null);
        if (existing == null) {
            transcripts.save(new Transcript(studyCase.getId(), body, incoming.sourceName(), Instant.now(clock)));
            return outcome(studyCase, body, false, List.of(), false);
        }
        Preview preview = previewFor(studyId, studyCase, incoming);
        if (preview.codings() > 0 && !consent.replace()) {
            throw new ConflictException("transcript.replace.confirm", studyCase.getCode(), preview.codings());
        }
        if (!preview.unplaced().isEmpty() && !consent.noted()) {
            throw new InvalidInputException("transcript.replace.notNoted", studyCase.getCode(), preview.unplaced().size());
        }
        if (preview.unplaced().size() > consent.unplacedSeen() && consent.unplacedSeen() > 0) {
            throw new ConflictException("transcript.replace.changed", studyCase.getCode());
        }
        String oldBody = existing.getBody();
        AnchorReport report = new AnchorReport();
        events.publishEvent(new TranscriptReplaced(studyId, studyCase.getId(), oldBody, body, report));
        boolean partsKept = parts.follow(existing, oldBody, body);
        existing.replace(body, incoming.sourceName(), Instant.now(clock));
        return outcome(studyCase, body, true, report.unplaced(), !partsKept);
    }

    private static Outcome outcome(StudyCase studyCase, String body, boolean replaced, List<UnplacedCoding> unplaced,
            boolean partsRemoved) {
        return new Outcome(studyCase.getCode(), body.codePointCount(0, body.length()), TranscriptText.wordCount(body),
                replaced, List.copyOf(unplaced), partsRemoved);
    }

    private static String checkedLength(String body) {
        if (body.length() > MAX_CHARACTERS) {
            throw new InvalidInputException("transcript.tooLong", MAX_CHARACTERS);
        }
        return body;
    }

    private long megabytes() {
        return Math.max(1, maxBytes / (1024 * 1024));
    }

    /** The file's own name, without any folder a browser may send along; at most what the column holds. */
    static String displayName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
