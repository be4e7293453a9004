package org.cqrworkbench.coding;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CodingMode;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyMember;
import org.cqrworkbench.study.StudyRole;
import org.cqrworkbench.study.VersionedCache;
import org.cqrworkbench.transcript.Transcript;
import org.cqrworkbench.transcript.TranscriptRepository;
import org.cqrworkbench.transcript.TranscriptText;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.ForbiddenException;
import org.cqrworkbench.web.InvalidInputException;
import org.cqrworkbench.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coding transcript spans into domains. In a case coded "together" every coding goes into the consensus;
 * in a case coded "independently first" each judge codes a private draft, which others see only after
 * both they and its owner have marked their drafts done. Every change names the version it started from,
 * so two judges never silently overwrite each other.
 */
@Service
public class CodingService {

    /** Everything the coding page needs for one case, as the viewer may see it. */
    public record CaseCodings(StudyMember viewer, StudyCase studyCase, Transcript transcript, List<Coding> consensus,
            List<Coding> ownDraft, boolean ownDraftDone, Map<Long, List<Coding>> otherDrafts, Set<Long> draftsDone) {
    }

    /**
     * What the coding page itself shows of a case: the transcript's turns as markup (null without a transcript) and
     * the ids of the consensus codings, whose audit threads it lists. The codings themselves come from the page's script.
     */
    public record CodingPageView(StudyMember viewer, StudyCase studyCase, String turnsMarkup, List<Long> consensusIds,
            boolean ownDraftDone) {
    }

    private final CodingRepository codings;
    private final CodingDraftRepository drafts;
    private final DomainRepository domains;
    private final TranscriptRepository transcripts;
    private final CaseService caseService;
    private final StudyAccess access;
    private final Clock clock;

    /**
     * The turns' markup of the transcripts opened last, each with the transcript's version: every change to a
     * transcript moves it. A judge opens the same transcript many times a day, and cutting a long one into turns and
     * writing them out took a fifth of the coding page's time, besides reading its text. About 150 KB each.
     */
    private final VersionedCache<Long, String> turnsMarkup = new VersionedCache<>(24);

    CodingService(CodingRepository codings, CodingDraftRepository drafts, DomainRepository domains,
            TranscriptRepository transcripts, CaseService caseService, StudyAccess access, Clock clock) {
        this.codings = codings;
        this.drafts = drafts;
        this.domains = domains;
        this.transcripts = transcripts;
        this.caseService = caseService;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CaseCodings caseCodings(long studyId, String username, String caseCode) {
        return view(studyId, username, caseCode, true);
    }

    /** As {@link #caseCodings}, without reading the transcript's text: for the coding page's script, which has it. */
    @Transactional(readOnly = true)
    public CaseCodings caseCodingsWithoutText(long studyId, String username, String caseCode) {
        return view(studyId, username, caseCode, false);
    }

    @Transactional(readOnly = true)
    CodingPageView page(long studyId, String username, String caseCode) {
        StudyMember viewer = access.member(studyId, username);
        StudyCase studyCase = caseService.caseByCode(studyId, username, caseCode);
        String markup = transcripts.versionOfCase(studyCase.getId()).stream().findFirst()
                .map(row -> turnsMarkup.get((Long) row[0], (Long) row[1],
                        () -> TurnsMarkup.of(TranscriptText.turns(transcripts.bodyOf((Long) row[0])))))
                .orElse(null);
        boolean ownDraftDone = drafts.findById(new CodingDraft.Key(studyCase.getId(), viewer.getUser().getId()))
                .map(CodingDraft::isDone).orElse(false);
        return new CodingPageView(viewer, studyCase, markup, codings.consensusIdsOf(studyCase.getId()), ownDraftDone);
    }

    private CaseCodings view(long studyId, String username, String caseCode, boolean withText) {
        StudyMember viewer = access.member(studyId, username);
        StudyCase studyCase = caseService.caseByCode(studyId, username, caseCode);
        Transcript transcript = withText ? transcripts.findByCaseId(studyCase.getId()).orElse(null) : null;
        List<Coding> all = codings.findByCaseIdOrderByStartAscEndAsc(studyCase.getId());
        long me = viewer.getUser().getId();
        Set<Long> done = drafts.findByKeyCaseId(studyCase.getId()).stream()
                .filter(CodingDraft::isDone).map(CodingDraft::ownerId).collect(Collectors.toSet());
        boolean mayLook = viewer.getRole() == StudyRole.AUDITOR || done.contains(me)
                || all.stream().noneMatch(c -> c.getLayer() == Layer.DRAFT && c.getOwnerId() == me);
        Map<Long, List<Coding>> others = all.stream()
                .filter(c -> c.getLayer() == Layer.DRAFT && c.getOwnerId() != me && mayLook && done.contains(c.getOwnerId()))
                .collect(Collectors.groupingBy(Coding::getOwnerId));
        return new CaseCodings(viewer, studyCase, transcript,
                all.stream().filter(c -> c.getLayer() == Layer.CONSENSUS).toList(),
                all.stream().filter(c -> c.getLayer() == Layer.DRAFT && c.getOwnerId() == me).toList(),
                done.contains(me), others, done);
    }

    /**
     * Codes a span. `consensus` asks for the team's version even in an independently coded case, as the
     * consensus page does; otherwise the case's mode decides.
     */
    @Transactional
    public Coding code(long studyId, String username, String caseCode, long domainId, int start, int end, boolean consensus) {
        StudyMember judge = access.analyst(studyId, username);
        StudyCase studyCase = caseService.caseByCode(studyId, username, caseCode);
        checkSpan(studyCase, start, end);
        checkDomain(studyId, domainId);
        Instant now = Instant.now(clock);
        long me = judge.getUser().getId();
        if (consensus || studyCase.getCodingMode() == CodingMode.TOGETHER) {
            return codings.save(new Coding(studyId, studyCase.getId(), domainId, start, end, Layer.CONSENSUS, null, me, now));
        }
        CodingDraft draft = drafts.findById(new CodingDraft.Key(studyCase.getId(), me))
                .orElseGet(() -> drafts.save(new CodingDraft(studyCase.getId(), me)));
        if (draft.isDone()) {
            throw new InvalidInputException("coding.draft.done");
        }
        return codings.save(new Coding(studyId, studyCase.getId(), domainId, start, end, Layer.DRAFT, me, null, now));
    }

    @Transactional
    public Coding adjust(long studyId, String username, long codingId, long expectedVersion, int start, int end, Long domainId) {
        StudyMember judge = access.analyst(studyId, username);
        Coding coding = editable(studyId, judge, codingId, expectedVersion);
        StudyCase studyCase = caseService.caseById(studyId, username, coding.getCaseId());
        checkSpan(studyCase, start, end);
        coding.moveTo(start, end);
        if (domainId != null) {
            checkDomain(studyId, domainId);
            coding.recodeInto(domainId);
        }
        return coding;
    }

    @Transactional
    public void remove(long studyId, String username, long codingId, long expectedVersion) {
        StudyMember judge = access.analyst(studyId, username);
        codings.delete(editable(studyId, judge, codingId, expectedVersion));
    }

    /** Puts a judge's draft coding into the consensus as it is; the one who decided is recorded. */
    @Transactional
    public Coding accept(long studyId, String username, long draftCodingId) {
        StudyMember judge = access.analyst(studyId, username);
        Coding draft = codings.findById(draftCodingId).filter(c -> c.getStudyId() == studyId && c.getLayer() == Layer.DRAFT)
                .orElseThrow(() -> new NotFoundException("coding.notFound"));
        return codings.save(new Coding(studyId, draft.getCaseId(), draft.getDomainId(), draft.getStart(), draft.getEnd(),
                Layer.CONSENSUS, null, judge.getUser().getId(), Instant.now(clock)));
    }

    @Transactional
    public void markDraftDone(long studyId, String username, String caseCode, boolean done) {
        StudyMember judge = access.analyst(studyId, username);
        StudyCase studyCase = caseService.caseByCode(studyId, username, caseCode);
        long me = judge.getUser().getId();
        CodingDraft draft = drafts.findById(new CodingDraft.Key(studyCase.getId(), me))
                .orElseGet(() -> drafts.save(new CodingDraft(studyCase.getId(), me)));
        if (done) {
            draft.markDone(Instant.now(clock));
        } else {
            draft.reopen();
        }
    }

    /** Consensus codings of these cases of a study, in one query, for views that cover many cases. */
    @Transactional(readOnly = true)
    public List<Coding> consensusOf(long studyId, String username, java.util.Collection<Long> caseIds) {
        access.member(studyId, username);
        return caseIds.isEmpty() ? List.of() : codings.findByCaseIdInAndLayerOrderByStartAsc(caseIds, Layer.CONSENSUS).stream()
                .filter(c -> c.getStudyId() == studyId).toList();
    }

    private Coding editable(long studyId, StudyMember judge, long codingId, long expectedVersion) {
        Coding coding = codings.findForUpdateById(codingId).filter(c -> c.getStudyId() == studyId)
                .orElseThrow(() -> new ConflictException("coding.gone"));
        if (coding.getLayer() == Layer.DRAFT && !coding.getOwnerId().equals(judge.getUser().getId())) {
            throw new ForbiddenException("coding.othersDraft");
        }
        if (coding.getVersion() != expectedVersion) {
            throw new ConflictException("coding.conflict", coding.getStart(), coding.getEnd());
        }
        return coding;
    }

    private void checkSpan(StudyCase studyCase, int start, int end) {
        Transcript transcript = transcripts.findByCaseId(studyCase.getId())
                .orElseThrow(() -> new InvalidInputException("coding.noTranscript"));
        if (start < 0 || end <= start || end > transcript.getBody().length()) {
            throw new InvalidInputException("coding.span.invalid");
        }
    }

    private void checkDomain(long studyId, long domainId) {
        domains.findById(domainId).filter(d -> d.getStudyId() == studyId)
                .orElseThrow(() -> new InvalidInputException("coding.domain.unknown"));
    }

}
