package org.cqrworkbench.cases;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.frequency.FrequencyRules;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.study.StudyCreated;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.InvalidInputException;
import org.cqrworkbench.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cases and subsamples. Leads set the design up; every member may read it. */
@Service
public class CaseService {

    /** What a new case or an edit of one says; subsamples by id, empty meaning the study's default one. */
    public record CaseForm(String code, Map<String, String> attributes, String notes, Set<Long> subsampleIds) {
    }

    public static final String DEFAULT_SUBSAMPLE = "All cases";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final int MAX_ATTRIBUTE_NAME = 100;
    private static final int MAX_ATTRIBUTE_VALUE = 1000;

    private final StudyCaseRepository cases;
    private final SubsampleRepository subsamples;
    private final StudyAccess access;
    private final CaseStepRepository steps;
    private final ApplicationEventPublisher events;

    CaseService(StudyCaseRepository cases, SubsampleRepository subsamples, StudyAccess access, CaseStepRepository steps,
            ApplicationEventPublisher events) {
        this.steps = steps;
        this.events = events;
        this.cases = cases;
        this.subsamples = subsamples;
        this.access = access;
    }

    @EventListener
    void onStudyCreated(StudyCreated event) {
        subsamples.save(new Subsample(event.studyId(), DEFAULT_SUBSAMPLE, 0));
    }

    @Transactional(readOnly = true)
    public StudyDesign design(long studyId, String username) {
        access.member(studyId, username);
        return designOf(studyId);
    }

    /**
     * The study's cases by code, for pages that list every case but need nothing else of them: loading a large study's
     * cases whole, with their attributes and subsamples, was a good part of its page's time.
     */
    @Transactional(readOnly = true)
    public List<CaseCode> caseCodes(long studyId, String username) {
        access.member(studyId, username);
        return cases.codesOf(studyId);
    }

    /** The codes of a subsample's cases in order, for stepping from case to case without loading them. */
    @Transactional(readOnly = true)
    public List<String> caseCodesIn(long studyId, String username, long subsampleId) {
        access.member(studyId, username);
        return cases.codesIn(studyId, subsampleId);
    }

    /** The study's subsamples in order, each with its N. */
    @Transactional(readOnly = true)
    public List<SubsampleInfo> subsamples(long studyId, String username) {
        access.member(studyId, username);
        return subsamplesOf(studyId);
    }

    /** The case with this code in the study, for any member; 404 when there is none. */
    @Transactional(readOnly = true)
    public StudyCase caseByCode(long studyId, String username, String code) {
        access.member(studyId, username);
        return cases.findByStudyIdAndCode(studyId, code).orElseThrow(() -> new NotFoundException("case.notFound", code));
    }

    /** The study's case with this id, for any member; 404 when the study has none. */
    @Transactional(readOnly = true)
    public StudyCase caseById(long studyId, String username, long caseId) {
        access.member(studyId, username);
        return cases.findById(caseId).filter(c -> c.getStudyId() == studyId)
                .orElseThrow(() -> new NotFoundException("case.notFound", String.valueOf(caseId)));
    }

    @Transactional
    public StudyCase createCase(long studyId, String username, CaseForm form) {
        access.lead(studyId, username);
        String code = checkedCode(studyId, form.code(), null);
        StudyCase studyCase = new StudyCase(studyId, code);
        studyCase.describe(checkedAttributes(form.attributes()), checkedNotes(form.notes()));
        studyCase.placeIn(checkedSubsamples(studyId, form.subsampleIds()));
        return cases.save(studyCase);
    }

    @Transactional
    public StudyCase updateCase(long studyId, String username, long caseId, long expectedVersion, CaseForm form) {
        access.lead(studyId, username);
        StudyCase studyCase = cases.findForUpdateById(caseId).filter(c -> c.getStudyId() == studyId)
                .orElseThrow(() -> new NotFoundException("case.notFound", form.code()));
        if (studyCase.getVersion() != expectedVersion) {
            throw new ConflictException("case.conflict", studyCase.getCode());
        }
        studyCase.recode(checkedCode(studyId, form.code(), studyCase.getId()));
        studyCase.describe(checkedAttributes(form.attributes()), checkedNotes(form.notes()));
        studyCase.placeIn(checkedSubsamples(studyId, form.subsampleIds()));
        return studyCase;
    }

    /** Subsample ids for names, as the API and imports give them; an unknown name is an error, not a new subsample. */
    @Transactional(readOnly = true)
    public Set<Long> subsampleIdsByName(long studyId, List<String> names) {
        Map<String, Long> byName = new HashMap<>();
        subsamples.findByStudyIdOrderByPositionAscIdAsc(studyId).forEach(s -> byName.put(s.getName().toLowerCase(), s.getId()));
        Set<Long> ids = new LinkedHashSet<>();
        for (String name : names == null ? List.<String>of() : names) {
            Long id = name == null ? null : byName.get(name.trim().toLowerCase());
            if (id == null) {
                throw new InvalidInputException("subsample.unknown", name);
            }
            ids.add(id);
        }
        return ids;
    }

    @Transactional
    public Subsample addSubsample(long studyId, String username, String name, String tableTitle) {
        access.lead(studyId, username);
        List<Subsample> existing = subsamples.findByStudyIdOrderByPositionAscIdAsc(studyId);
        String checked = checkedSubsampleName(existing, name, null);
        int position = existing.isEmpty() ? 0 : existing.get(existing.size() - 1).getPosition() + 1;
        Subsample subsample = new Subsample(studyId, checked, position);
        subsample.rename(checked, checkedTitle(tableTitle));
        return subsamples.save(subsample);
    }

    @Transactional
    public void updateSubsample(long studyId, String username, long subsampleId, long expectedVersion, String name,
            String tableTitle) {
        access.lead(studyId, username);
        Subsample subsample = subsamples.findForUpdateById(subsampleId).filter(s -> s.getStudyId() == studyId)
                .orElseThrow(() -> new NotFoundException("subsample.notFound"));
        if (subsample.getVersion() != expectedVersion) {
            throw new ConflictException("subsample.conflict", subsample.getName());
        }
        String checked = checkedSubsampleName(subsamples.findByStudyIdOrderByPositionAscIdAsc(studyId), name, subsampleId);
        subsample.rename(checked, checkedTitle(tableTitle));
    }

    @Transactional
    public Subsample changeRules(long studyId, String username, long subsampleId, FrequencyRules rules) {
        access.lead(studyId, username);
        Subsample subsample = subsampleOf(studyId, subsampleId);
        subsample.changeRules(rules);
        return subsample;
    }

    /** Moves a subsample one place up or down; the order is the order of the results tables. */
    @Transactional
    public void moveSubsample(long studyId, String username, long subsampleId, boolean up) {
        access.lead(studyId, username);
        List<Subsample> ordered = new ArrayList<>(subsamples.findByStudyIdOrderByPositionAscIdAsc(studyId));
        int index = ordered.indexOf(subsampleOf(studyId, subsampleId));
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= ordered.size()) {
            return;
        }
        ordered.add(other, ordered.remove(index));
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).moveTo(i);
        }
    }

    /** Only an empty subsample can go, and never the last one: cases must always have a home. */
    @Transactional
    public void deleteSubsample(long studyId, String username, long subsampleId) {
        access.lead(studyId, username);
        Subsample subsample = subsampleOf(studyId, subsampleId);
        StudyDesign design = designOf(studyId);
        if (design.subsamples().size() <= 1) {
            throw new InvalidInputException("subsample.delete.last");
        }
        if (design.subsample(subsampleId).map(SubsampleInfo::n).orElse(0L) > 0) {
            throw new InvalidInputException("subsample.delete.notEmpty", subsample.getName());
        }
        events.publishEvent(new SubsampleRemoved(studyId, subsampleId));
        try {
            subsamples.delete(subsample);
            subsamples.flush();
        } catch (DataIntegrityViolationException e) {
            // Core ideas written for this subsample still point at it: they are work the team must move or delete first.
            throw new InvalidInputException("subsample.delete.inUse", subsample.getName());
        }
    }

    /** The primary team marks a step of a case done, or takes the mark back. Auditing is marked by the audit. */
    @Transactional
    public void markStep(long studyId, String username, long caseId, CaseStep step, boolean done) {
        var member = step == CaseStep.AUDITED ? access.member(studyId, username) : access.analyst(studyId, username);
        StudyCase studyCase = cases.findById(caseId).filter(c -> c.getStudyId() == studyId)
                .orElseThrow(() -> new NotFoundException("case.notFound", caseId));
        var key = new CaseStepRecord.Key(studyCase.getId(), step);
        if (done && !steps.existsById(key)) {
            steps.save(new CaseStepRecord(studyCase.getId(), step, java.time.Instant.now(), member.getUser().getId()));
        } else if (!done) {
            steps.deleteById(key);
        }
    }

    /** Marks a case audited once its audit is done; the audit's own rules decided that, so no role check here. */
    @Transactional
    public void recordAudited(long studyId, long caseId) {
        cases.findById(caseId).filter(c -> c.getStudyId() == studyId).ifPresent(c -> {
            var key = new CaseStepRecord.Key(caseId, CaseStep.AUDITED);
            if (!steps.existsById(key)) {
                steps.save(new CaseStepRecord(caseId, CaseStep.AUDITED, java.time.Instant.now(), null));
            }
        });
    }

    /** The steps each of the study's cases has passed; a case that has passed none has no entry. */
    @Transactional(readOnly = true)
    public Map<Long, Set<CaseStep>> steps(long studyId, String username) {
        access.member(studyId, username);
        Map<Long, Set<CaseStep>> byCase = new HashMap<>();
        for (Object[] row : steps.stepsInStudy(studyId)) {
            byCase.computeIfAbsent((Long) row[0], k -> EnumSet.noneOf(CaseStep.class)).add((CaseStep) row[1]);
        }
        return byCase;
    }

    /** The steps one case of the study has passed. */
    @Transactional(readOnly = true)
    public Set<CaseStep> steps(long studyId, String username, long caseId) {
        access.member(studyId, username);
        Set<CaseStep> passed = EnumSet.noneOf(CaseStep.class);
        passed.addAll(steps.stepsOfCase(studyId, caseId));
        return passed;
    }

    /** The lead decides whether a case is coded together or independently first. */
    @Transactional
    public void setCodingMode(long studyId, String username, long caseId, CodingMode mode) {
        access.lead(studyId, username);
        cases.findById(caseId).filter(c -> c.getStudyId() == studyId)
                .orElseThrow(() -> new NotFoundException("case.notFound", caseId))
                .codeBy(mode);
    }

    // The three methods below serve importers, which check the user's role once for a whole file.

    /** Appends a subsample after those that exist. */
    @Transactional
    public Subsample appendSubsample(long studyId, String name) {
        List<Subsample> existing = subsamples.findByStudyIdOrderByPositionAscIdAsc(studyId);
        String checked = checkedSubsampleName(existing, name, null);
        int position = existing.isEmpty() ? 0 : existing.get(existing.size() - 1).getPosition() + 1;
        return subsamples.save(new Subsample(studyId, checked, position));
    }

    /** Renames the study's only subsample, used when an import names the kind of experience of a fresh study. */
    @Transactional
    public void renameSubsample(long studyId, long subsampleId, String name) {
        Subsample subsample = subsampleOf(studyId, subsampleId);
        subsample.rename(checkedSubsampleName(subsamples.findByStudyIdOrderByPositionAscIdAsc(studyId), name, subsampleId),
                subsample.getTableTitle());
    }

    /**
     * Creates a case in one subsample, or adds a case the importer already holds to one more. No query runs
     * here: the importer knows every code of the study, and lookups between thousands of new rows would make
     * Hibernate re-check them all.
     */
    @Transactional
    public StudyCase importCase(long studyId, StudyCase known, String code, long subsampleId) {
        StudyCase studyCase = known;
        if (studyCase == null) {
            String trimmed = code == null ? "" : code.trim();
            if (!CODE.matcher(trimmed).matches()) {
                throw new InvalidInputException(trimmed.isEmpty() ? "case.code.required" : "case.code.invalid");
            }
            studyCase = cases.save(new StudyCase(studyId, trimmed));
        }
        if (!studyCase.belongsTo(subsampleId)) {
            Set<Long> ids = new HashSet<>(studyCase.getSubsampleIds());
            ids.add(subsampleId);
            studyCase.placeIn(ids);
        }
        return studyCase;
    }

    /** Creates a case in one subsample, or adds an existing case to one more, looking the code up first. */
    @Transactional
    public StudyCase importCase(long studyId, String code, long subsampleId) {
        StudyCase known = cases.findByStudyIdAndCode(studyId, code == null ? "" : code.trim()).orElse(null);
        if (known == null) {
            checkedCode(studyId, code, null);
        }
        return importCase(studyId, known, code, subsampleId);
    }

    /** Whether a text could serve as a case code, for importers that offer to create cases from names. */
    public static boolean isPossibleCode(String code) {
        return code != null && CODE.matcher(code.trim()).matches();
    }

    StudyDesign designOf(long studyId) {
        return new StudyDesign(subsamplesOf(studyId), cases.findByStudyIdOrderByCodeAsc(studyId));
    }

    private List<SubsampleInfo> subsamplesOf(long studyId) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : cases.countCasesPerSubsample(studyId)) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return subsamples.findByStudyIdOrderByPositionAscIdAsc(studyId).stream()
                .map(s -> new SubsampleInfo(s.getId(), s.getName(), s.getTableTitle(), s.getPosition(),
                        counts.getOrDefault(s.getId(), 0L), s.rules(), s.getVersion()))
                .toList();
    }

    private Subsample subsampleOf(long studyId, long subsampleId) {
        return subsamples.findById(subsampleId).filter(s -> s.getStudyId() == studyId)
                .orElseThrow(() -> new NotFoundException("subsample.notFound"));
    }

    private String checkedCode(long studyId, String code, Long exceptCaseId) {
        String trimmed = code == null ? "" : code.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("case.code.required");
        }
        if (!CODE.matcher(trimmed).matches()) {
            throw new InvalidInputException("case.code.invalid");
        }
        cases.findByStudyIdAndCode(studyId, trimmed)
                .filter(other -> !other.getId().equals(exceptCaseId))
                .ifPresent(other -> {
                    throw new InvalidInputException("case.code.taken", trimmed);
                });
        return trimmed;
    }

    private Set<Long> checkedSubsamples(long studyId, Set<Long> requested) {
        List<Subsample> all = subsamples.findByStudyIdOrderByPositionAscIdAsc(studyId);
        if (requested == null || requested.isEmpty()) {
            return Set.of(all.get(0).getId());
        }
        Set<Long> known = new HashSet<>();
        all.forEach(s -> known.add(s.getId()));
        if (!known.containsAll(requested)) {
            throw new InvalidInputException("subsample.notFound");
        }
        return requested;
    }

    private static Map<String, String> checkedAttributes(Map<String, String> attributes) {
        Map<String, String> checked = new LinkedHashMap<>();
        if (attributes == null) {
            return checked;
        }
        for (var entry : attributes.entrySet()) {
            String name = entry.getKey() == null ? "" : entry.getKey().trim();
            String value = entry.getValue() == null ? "" : entry.getValue().trim();
            if (name.isEmpty() && value.isEmpty()) {
                continue;
            }
            if (name.isEmpty()) {
                throw new InvalidInputException("case.attribute.nameRequired", value);
            }
            if (name.length() > MAX_ATTRIBUTE_NAME || value.length() > MAX_ATTRIBUTE_VALUE) {
                throw new InvalidInputException("case.attribute.tooLong", name);
            }
            if (!value.isEmpty()) {
                checked.put(name, value);
            }
        }
        return checked;
    }

    private static String checkedNotes(String notes) {
        if (notes == null || notes.isBlank()) {
            return null;
        }
        if (notes.length() > StudyCase.MAX_NOTES) {
            throw new InvalidInputException("text.tooLong", StudyCase.MAX_NOTES);
        }
        return notes.strip();
    }

    private static String checkedSubsampleName(List<Subsample> existing, String name, Long exceptId) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("subsample.name.required");
        }
        if (trimmed.length() > Subsample.MAX_NAME) {
            throw new InvalidInputException("text.tooLong", Subsample.MAX_NAME);
        }
        boolean taken = existing.stream()
                .anyMatch(s -> s.getName().equalsIgnoreCase(trimmed) && !s.getId().equals(exceptId));
        if (taken) {
            throw new InvalidInputException("subsample.name.taken", trimmed);
        }
        return trimmed;
    }

    private static String checkedTitle(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        if (title.trim().length() > Subsample.MAX_TITLE) {
            throw new InvalidInputException("text.tooLong", Subsample.MAX_TITLE);
        }
        return title.trim();
    }
}
