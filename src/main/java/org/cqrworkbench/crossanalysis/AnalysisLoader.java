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
}
