package org.cqrworkbench.crossanalysis;

import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.study.StudyAccess;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads a study's analysis for a member, in a handful of set-based queries. */
@Component
class AnalysisLoader {

    private final StudyAccess access;
    private final CaseService caseService;
    private final DomainService domainService;
    private final CategoryRepository categories;

    AnalysisLoader(StudyAccess access, CaseService caseService, DomainService domainService, CategoryRepository categories) {
        this.access = access;
        this.caseService = caseService;
        this.domainService = domainService;
        this.categories = categories;
    }

    @Transactional(readOnly = true)
    Analysis load(long studyId, String username) {
        var study = access.member(studyId, username).getStudy();
        var all = categories.findByStudyIdOrderByPositionAscIdAsc(studyId);
        return new Analysis(study, caseService.design(studyId, username), domainService.domains(studyId, username), all,
                new CategoryCounts(all, categories.ideaOrigins(studyId)));
    }

    /**
     * The analysis as one domain's workspace needs it: only that domain's categories, counted from only its core
     * ideas. A large study has thousands of both in other domains, which the page never shows; this analysis must
     * not build tables.
     */
    @Transactional(readOnly = true)
    Analysis loadDomain(long studyId, String username, long domainId) {
        var study = access.member(studyId, username).getStudy();
        var mine = categories.findByStudyIdAndDomainIdOrderByPositionAscIdAsc(studyId, domainId);
        var origins = new java.util.ArrayList<>(categories.ideaOriginsInDomain(studyId, domainId));
        // A core idea counts where it is placed, even if it has since gone to another domain.
        var known = new java.util.HashSet<Long>();
        origins.forEach(row -> known.add((Long) row[0]));
        var elsewhere = new java.util.HashSet<Long>();
        mine.forEach(c -> c.getCoreIdeaIds().stream().filter(id -> !known.contains(id)).forEach(elsewhere::add));
        if (!elsewhere.isEmpty()) {
            origins.addAll(categories.ideaOriginsOf(studyId, elsewhere));
        }
        return new Analysis(study, caseService.design(studyId, username), domainService.domains(studyId, username), mine,
                new CategoryCounts(mine, origins));
    }
}
