package org.cqrworkbench.crossanalysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cqrworkbench.cases.CaseCode;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.crossanalysis.CategoryCounts.Origin;
import org.cqrworkbench.crossanalysis.Workspace.CategoryRow;
import org.cqrworkbench.crossanalysis.Workspace.IdeaRow;
import org.cqrworkbench.study.RevisionCache;
import org.cqrworkbench.study.Study;
import org.cqrworkbench.study.StudyAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a study's analysis for a member, in a handful of set-based queries. Neither categories nor core ideas are
 * loaded as entities here: a large study has tens of thousands of placements, and the pages need only a few columns.
 */
@Component
class AnalysisLoader {

    /**
     * The distinct cases behind each category in each subsample, from the category's own core ideas. The cases come
     * as a list, not a count: a parent category counts the cases of its subcategories too, and a case in two of them
     * counts once.
     */
    private static final String CASES_PER_CATEGORY = """
            select cc.category_id, ci.subsample_id, array_agg(distinct ci.case_id)
            from category c join category_core_idea cc on cc.category_id = c.id join core_idea ci on ci.id = cc.core_idea_id
            where c.study_id = :studyId
            group by cc.category_id, ci.subsample_id""";

    /** Which of a domain's categories each core idea sits in; the core idea may have gone to another domain since. */
    private static final String PLACEMENTS_OF_DOMAIN = """
            select cc.core_idea_id, cc.category_id
            from category c join category_core_idea cc on cc.category_id = c.id
            where c.study_id = :studyId and c.domain_id = :domainId""";

    private static final String IDEAS_OF_DOMAIN = """
            select id, case_id, subsample_id from core_idea where study_id = :studyId and domain_id = :domainId""";

    private static final String IDEAS_BY_ID = """
            select id, case_id, subsample_id from core_idea where study_id = :studyId and id in (:ids)""";

    private static final String IDEA_TEXTS = """
            select id, case_id, subsample_id, body from core_idea
            where study_id = :studyId and domain_id = :domainId and subsample_id = :subsampleId""";

    private static final String IDEA_ORDER = " order by case_id, sort_order, id";

    /** Ids in one IN list at most; both databases take more, but a statement this long is already unusual. */
    private static final int IDS_AT_ONCE = 1000;

    private final StudyAccess access;
    private final CaseService caseService;
    private final DomainService domainService;
    private final CategoryRepository categories;
    private final JdbcClient jdbc;

    /**
     * A study's categories and their counts follow only from logged items (categories, placements, core ideas), so
     * they are kept until the next change; a large study has tens of thousands of placements to count. A few
     * studies are kept: a server usually has only a few in analysis at once.
     */
    private final RevisionCache<Counted> counted;

    private record Counted(List<CategoryNode> nodes, CategoryCounts counts) {
    }

    /** One domain's workspace figures, which follow only from logged items too; kept for the last 32 domains read. */
    private final RevisionCache<DomainParts> domainParts;

    private record DomainParts(List<CategoryRow> rows, List<CategoryNode> nodes, Map<Long, List<Long>> placements,
            List<IdeaRow> ideas, CategoryCounts counts) {
    }

    AnalysisLoader(StudyAccess access, CaseService caseService, DomainService domainService, CategoryRepository categories,
            JdbcClient jdbc) {
        this.access = access;
        this.caseService = caseService;
        this.domainService = domainService;
        this.categories = categories;
        this.jdbc = jdbc;
        this.counted = new RevisionCache<>(jdbc, 8);
        this.domainParts = new RevisionCache<>(jdbc, 32);
    }

    /**
     * The whole study as the tables, the case grid and the comparison need it: every category's name and place, and
     * the distinct cases behind it in each subsample, gathered by the database.
     */
    @Transactional(readOnly = true)
    Analysis load(long studyId, String username) {
        var study = access.member(studyId, username).getStudy();
        Counted c = counted.get(studyId, () -> count(studyId));
        return new Analysis(study, caseService.design(studyId, username), domainService.domains(studyId, username), c.nodes(),
                c.counts());
    }

    private Counted count(long studyId) {
        List<CategoryNode> nodes = categories.nodesOf(studyId);
        CategoryCounts counts = new CategoryCounts(nodes);
        jdbc.sql(CASES_PER_CATEGORY).param("studyId", studyId).query(rs -> {
            long categoryId = rs.getLong(1);
            long subsampleId = rs.getLong(2);
            for (Object caseId : (Object[]) rs.getArray(3).getArray()) {
                counts.add(categoryId, new Origin(((Number) caseId).longValue(), subsampleId));
            }
        });
        return new Counted(List.copyOf(nodes), counts.compact());
    }

    /**
     * One domain's categories with their counts, the categories each placed core idea sits in (by core idea), and
     * the domain's core ideas without their texts; with the study's subsamples, its cases by code and its domains.
     * The cases come as codes only: the workspace only names them, and loading a large study's cases whole, with
     * their attributes and subsamples, was a tenth of the page's time.
     */
    record DomainAnalysis(Study study, List<SubsampleInfo> subsamples, List<CaseCode> cases, List<Domain> domains,
            List<CategoryNode> nodes, CategoryCounts counts, List<CategoryRow> categories, Map<Long, List<Long>> placements,
            List<IdeaRow> ideas) {
    }

    /**
     * The analysis as one domain's workspace needs it, and a case's group opened in it: only that domain's categories
     * and core ideas. The page lists which categories each core idea sits in, so the placements are loaded anyway;
     * counting from them here spares the database a second pass over them.
     */
    @Transactional(readOnly = true)
    DomainAnalysis loadDomain(long studyId, String username, long domainId) {
        var study = access.member(studyId, username).getStudy();
        DomainParts parts = domainParts.get(studyId, domainId, () -> domainParts(studyId, domainId));
        return new DomainAnalysis(study, caseService.subsamples(studyId, username), caseService.caseCodes(studyId, username),
                domainService.domains(studyId, username), parts.nodes(), parts.counts(), parts.rows(), parts.placements(),
                parts.ideas());
    }

    private DomainParts domainParts(long studyId, long domainId) {
        List<CategoryRow> rows = categories.rowsOf(studyId, domainId);
        List<CategoryNode> nodes = rows.stream().map(CategoryRow::node).toList();
        Map<Long, List<Long>> placements = placements(studyId, domainId);
        List<IdeaRow> ideas = jdbc.sql(IDEAS_OF_DOMAIN).param("studyId", studyId).param("domainId", domainId)
                .query((rs, n) -> new IdeaRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), null)).list();
        Map<Long, Origin> origins = new HashMap<>();
        ideas.forEach(i -> origins.put(i.id(), new Origin(i.caseId(), i.subsampleId())));
        // A core idea counts where it is placed, even if it has since gone to another domain.
        Set<Long> elsewhere = new HashSet<>(placements.keySet());
        elsewhere.removeAll(origins.keySet());
        List<Long> missing = new ArrayList<>(elsewhere);
        for (int from = 0; from < missing.size(); from += IDS_AT_ONCE) {
            jdbc.sql(IDEAS_BY_ID).param("studyId", studyId).param("ids", missing.subList(from, Math.min(missing.size(), from + IDS_AT_ONCE)))
                    .query(rs -> {
                        origins.put(rs.getLong(1), new Origin(rs.getLong(2), rs.getLong(3)));
                    });
        }
        CategoryCounts counts = new CategoryCounts(nodes);
        placements.forEach((ideaId, in) -> {
            Origin origin = origins.get(ideaId);
            if (origin != null) {
                in.forEach(categoryId -> counts.add(categoryId, origin));
            }
        });
        return new DomainParts(List.copyOf(rows), nodes, Collections.unmodifiableMap(placements), List.copyOf(ideas),
                counts.compact());
    }

    private Map<Long, List<Long>> placements(long studyId, long domainId) {
        Map<Long, List<Long>> placements = new HashMap<>();
        jdbc.sql(PLACEMENTS_OF_DOMAIN).param("studyId", studyId).param("domainId", domainId).query(rs -> {
            placements.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2)).add(rs.getLong(2));
        });
        return placements;
    }

    /** A domain's core ideas in one subsample with their texts, in the team's order; all, or those of some cases. */
    @Transactional(readOnly = true)
    List<IdeaRow> ideaTexts(long studyId, long domainId, long subsampleId, Collection<Long> caseIds) {
        if (caseIds != null && caseIds.isEmpty()) {
            return List.of();
        }
        var sql = caseIds == null
                ? jdbc.sql(IDEA_TEXTS + IDEA_ORDER)
                : jdbc.sql(IDEA_TEXTS + " and case_id in (:caseIds)" + IDEA_ORDER).param("caseIds", caseIds);
        return sql.param("studyId", studyId).param("domainId", domainId).param("subsampleId", subsampleId)
                .query((rs, n) -> new IdeaRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4))).list();
    }
}
