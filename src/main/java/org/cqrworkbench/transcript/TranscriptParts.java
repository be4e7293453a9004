package org.cqrworkbench.transcript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.SubsampleRemoved;
import org.springframework.context.event.EventListener;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case in several subsamples tells of several kinds of event in one interview, so its transcript is divided
 * into parts, each about one subsample; a coding belongs to the subsample of the part it starts in. Parts
 * always cover the whole text. A case in one subsample needs no parts.
 */
@Service
public class TranscriptParts {

    /** One part: UTF-16 offsets into the stored text, end exclusive. */
    public record Part(long subsampleId, int start, int end) {

        public boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    /** Where a new part starts, and which subsample it is about. */
    public record Boundary(int start, long subsampleId) {
    }

    /** A case's transcript as divided into parts, with the case's subsamples to fall back on. */
    public record Division(List<Part> parts, Set<Long> caseSubsampleIds) {

        /** The subsample the text at this offset is about; empty when the case is in several and the text is not divided. */
        public Optional<Long> subsampleAt(int offset) {
            for (Part part : parts) {
                if (part.contains(offset)) {
                    return Optional.of(part.subsampleId());
                }
            }
            if (!parts.isEmpty() && offset >= parts.get(parts.size() - 1).end()) {
                return Optional.of(parts.get(parts.size() - 1).subsampleId());
            }
            return caseSubsampleIds.size() == 1 ? caseSubsampleIds.stream().findFirst() : Optional.empty();
        }

        /** The part starting at exactly this offset, where the page shows a heading. */
        public Optional<Part> startingAt(int offset) {
            return parts.stream().filter(p -> p.start() == offset).findFirst();
        }

        public boolean isDivided() {
            return parts.size() > 1;
        }
    }

    private final TranscriptRepository transcripts;
    private final TranscriptPartRepository parts;
    private final CaseService caseService;
    private final StudyAccess access;

    TranscriptParts(TranscriptRepository transcripts, TranscriptPartRepository parts, CaseService caseService,
            StudyAccess access) {
        this.transcripts = transcripts;
        this.parts = parts;
        this.caseService = caseService;
        this.access = access;
    }

    /**
     * A subsample is going: transcripts with a part about it lose their division, so the page asks for the parts
     * again rather than keep parts pointing nowhere.
     */
    @EventListener
    void onSubsampleRemoved(SubsampleRemoved event) {
        parts.findBySubsampleId(event.subsampleId()).stream().map(TranscriptPart::getTranscriptId).distinct()
                .forEach(parts::deleteByTranscript);
    }

    /** The parts of a case's transcript, for any module that needs the subsample of a place in the text. */
    @Transactional(readOnly = true)
    public Division divisionOf(StudyCase studyCase) {
        List<Part> found = transcripts.findByCaseId(studyCase.getId())
                .map(t -> partsOf(t.getId()))
                .orElse(List.of());
        return new Division(found, studyCase.getSubsampleIds());
    }

    /**
     * Divides a case's transcript at the given boundaries. The text before the first boundary belongs to the
     * first part, and neighbouring parts about the same subsample become one. `transcriptVersion` is the
     * version the boundaries were chosen on: offsets into a text replaced meanwhile would point anywhere.
     */
    @Transactional
    public void divide(long studyId, String username, String caseCode, long transcriptVersion, List<Boundary> boundaries) {
        access.analyst(studyId, username);
        StudyCase studyCase = caseService.caseByCode(studyId, username, caseCode);
        Transcript transcript = transcripts.findForUpdateByCaseId(studyCase.getId())
                .orElseThrow(() -> new InvalidInputException("transcript.none"));
        if (transcript.getVersion() != transcriptVersion) {
            throw new ConflictException("transcript.parts.conflict");
        }
        if (boundaries.isEmpty()) {
            throw new InvalidInputException("transcript.parts.none");
        }
        int length = transcript.getBody().length();
        List<Boundary> sorted = new ArrayList<>(boundaries);
        sorted.sort(Comparator.comparingInt(Boundary::start));
        for (Boundary boundary : sorted) {
            if (boundary.start() < 0 || boundary.start() >= length) {
                throw new InvalidInputException("transcript.parts.outside");
            }
            if (!studyCase.belongsTo(boundary.subsampleId())) {
                throw new InvalidInputException("transcript.parts.subsample", caseCode);
            }
        }
        sorted.set(0, new Boundary(0, sorted.get(0).subsampleId()));
        store(transcript.getId(), sorted, length);
    }

    /**
     * Keeps the parts of a transcript whose text is being replaced: each part boundary moves with the words
     * that follow it. If any boundary cannot be found, or they would come out of order, the parts are removed
     * and the caller says so; a wrong division would silently move codings into the wrong subsample.
     */
    boolean follow(Transcript transcript, String oldBody, String newBody) {
        List<Part> old = partsOf(transcript.getId());
        if (old.isEmpty()) {
            return true;
        }
        List<Boundary> moved = new ArrayList<>();
        moved.add(new Boundary(0, old.get(0).subsampleId()));
        for (Part part : old.subList(1, old.size())) {
            int anchorEnd = anchorEnd(oldBody, part.start());
            OptionalInt at = TranscriptText.relocate(oldBody, newBody, part.start(), anchorEnd);
            if (at.isEmpty() || at.getAsInt() <= moved.get(moved.size() - 1).start()) {
                parts.deleteByTranscript(transcript.getId());
                return false;
            }
            moved.add(new Boundary(at.getAsInt(), part.subsampleId()));
        }
        store(transcript.getId(), moved, newBody.length());
        return true;
    }

    /** Boundaries sit at the start of a turn; the turn's first line is distinctive enough to find it again. */
    private static int anchorEnd(String body, int start) {
        int lineEnd = body.indexOf('\n', start);
        int end = lineEnd < 0 ? body.length() : lineEnd;
        return end > start ? end : Math.min(body.length(), start + 1);
    }

    private void store(long transcriptId, List<Boundary> sorted, int length) {
        parts.deleteByTranscript(transcriptId);
        List<TranscriptPart> rows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Boundary boundary = sorted.get(i);
            if (i > 0 && sorted.get(i - 1).subsampleId() == boundary.subsampleId()) {
                continue;
            }
            int end = length;
            for (int j = i + 1; j < sorted.size(); j++) {
                if (sorted.get(j).subsampleId() != boundary.subsampleId()) {
                    end = sorted.get(j).start();
                    break;
                }
            }
            if (end > boundary.start()) {
                rows.add(new TranscriptPart(transcriptId, boundary.subsampleId(), boundary.start(), end));
            }
        }
        parts.saveAll(rows);
    }

    /** The divisions of many cases' transcripts at once, in two queries, by case id. */
    @Transactional(readOnly = true)
    public Map<Long, Division> divisionsOf(Collection<StudyCase> studyCases) {
        Map<Long, Long> caseOfTranscript = new HashMap<>();
        transcripts.findTranscriptIdsOfCases(studyCases.stream().map(StudyCase::getId).toList())
                .forEach(row -> caseOfTranscript.put((Long) row[0], (Long) row[1]));
        Map<Long, List<Part>> partsByCase = new HashMap<>();
        if (!caseOfTranscript.isEmpty()) {
            for (TranscriptPart p : parts.findByTranscriptIdInOrderByStartAsc(caseOfTranscript.keySet())) {
                partsByCase.computeIfAbsent(caseOfTranscript.get(p.getTranscriptId()), k -> new ArrayList<>())
                        .add(new Part(p.getSubsampleId(), p.getStart(), p.getEnd()));
            }
        }
        Map<Long, Division> divisions = new HashMap<>();
        studyCases.forEach(c -> divisions.put(c.getId(), new Division(partsByCase.getOrDefault(c.getId(), List.of()), c.getSubsampleIds())));
        return divisions;
    }

    private List<Part> partsOf(long transcriptId) {
        return parts.findByTranscriptIdOrderByStartAsc(transcriptId).stream()
                .map(p -> new Part(p.getSubsampleId(), p.getStart(), p.getEnd()))
                .toList();
    }
}
