package org.cqrworkbench.crossanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.coreidea.CoreIdeaRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tables, the case grids and each domain's workspace count cases from what the database gathers; here the same
 * counts are worked out the long way, from every category and core idea loaded whole, on a study with the awkward
 * parts of real ones: cases in two subsamples, core ideas in two categories or in a category and its subcategory,
 * three levels of categories, empty categories, and a core idea that has gone to another domain since it was placed.
 */
@FlowTest
class CaseCountsTest {

    @Autowired
    AnalysisLoader loader;
    @Autowired
    TableExports exports;
    @Autowired
    CategoryService categoryService;
    @Autowired
    CategoryRepository categories;
    @Autowired
    CoreIdeaRepository coreIdeas;
    @Autowired
    CrossAnalysisImport importer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestData data;

    String lead;
    long studyId;

    @BeforeEach
    void studyWithAnImportedCrossAnalysis() {
        lead = data.user("lead");
        studyId = data.studyWithTeam(lead, data.user("judge"), data.user("auditor"));
        Random random = new Random(20261122);
        String[] domains = {"Event", "Consequences", "Antecedents"};
        StringBuilder csv = new StringBuilder("Case,Subsample,Domain,Category,Subcategory,Core idea\n");
        for (int i = 0; i < 600; i++) {
            int caseNumber = 1 + random.nextInt(16);
            // P01–P12 were clients, P09–P16 therapists: four cases are in both subsamples.
            String subsample = caseNumber <= 8 || (caseNumber <= 12 && random.nextBoolean()) ? "As client" : "As therapist";
            String row = "P%02d,%s,%s,".formatted(caseNumber, subsample, domains[random.nextInt(domains.length)]);
            String category = "Category " + (char) ('A' + random.nextInt(6));
            String subcategory = random.nextInt(3) == 0 ? category + (1 + random.nextInt(3)) : "";
            String idea = "Idea " + i;
            csv.append(row).append(category).append(',').append(subcategory).append(',').append(idea).append('\n');
            if (random.nextInt(6) == 0) {
                // The same core idea in another category, or in its category's parent.
                String other = subcategory.isEmpty() ? "Category " + (char) ('A' + random.nextInt(6)) : category;
                csv.append(row).append(other).append(",,").append(idea).append('\n');
            }
        }
        importer.importFile(studyId, lead, "analysis.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        // A third level: a subcategory nested under another subcategory of the same domain.
        Domain event = loader.load(studyId, lead).domains().stream().filter(d -> d.getName().equals("Event")).findFirst()
                .orElseThrow();
        List<Category> ofEvent = categories.findByStudyIdAndDomainIdOrderByPositionAscIdAsc(studyId, event.getId());
        List<Category> subcategories = ofEvent.stream().filter(c -> c.getParentId() != null).toList();
        Category moved = subcategories.get(0);
        Category under = subcategories.stream()
                .filter(c -> !c.getParentId().equals(moved.getParentId()) && !c.getId().equals(moved.getId()))
                .findFirst().orElseThrow();
        categoryService.nest(studyId, lead, moved.getId(), under.getId());
        categoryService.create(studyId, lead, event.getId(), null, "Nobody yet");

        // A placed core idea that has since gone to another domain still counts where it is placed.
        long placedIdea = under.getCoreIdeaIds().iterator().next();
        long otherDomain = loader.load(studyId, lead).domains().stream().filter(d -> !d.getId().equals(event.getId()))
                .findFirst().orElseThrow().getId();
        jdbc.update("update core_idea set domain_id = ? where id = ?", otherDomain, placedIdea);
    }

    @Test
    void theTablesCountTheCasesOfEachCategoryAndItsSubcategoriesAsTheLoadedCategoriesDo() {
        Map<Long, Map<Long, Set<Long>>> expected = countedTheLongWay();
        Analysis analysis = loader.load(studyId, lead);
        assertThat(analysis.categories()).hasSize(expected.size());
        int nonEmpty = 0;
        for (CategoryNode category : analysis.categories()) {
            for (SubsampleInfo subsample : analysis.design().subsamples()) {
                Set<Long> cases = expected.get(category.id()).getOrDefault(subsample.id(), Set.of());
                assertThat(analysis.counts().cases(category.id(), subsample.id()))
                        .as("cases of %s in %s", category.name(), subsample.name())
                        .isEqualTo(cases);
                nonEmpty += cases.isEmpty() ? 0 : 1;
            }
        }
        assertThat(nonEmpty).as("categories with cases, across subsamples").isGreaterThan(40);
    }

    @Test
    void tablesAndGridsAreTheSameAsThoseLaidOutFromTheLoadedCategories() {
        Analysis analysis = loader.load(studyId, lead);
        CategoryCounts longWay = new CategoryCounts(analysis.categories());
        countedTheLongWay().forEach((categoryId, bySubsample) -> bySubsample.forEach((subsampleId, cases) ->
                cases.forEach(caseId -> longWay.add(categoryId, new CategoryCounts.Origin(caseId, subsampleId)))));
        TableBuilder fromEntities = new TableBuilder(analysis.study().getName(), analysis.design(), analysis.domains(),
                analysis.categories(), longWay, analysis.study().abbreviationList());

        assertThat(exports.tables(studyId, lead)).isEqualTo(fromEntities.tables());
        assertThat(analysis.tableBuilder().grids()).isEqualTo(fromEntities.grids());
        assertThat(fromEntities.tables()).hasSize(2);
        assertThat(fromEntities.tables().get(0).rows()).hasSizeGreaterThan(10);
    }

    @Test
    void eachDomainsWorkspaceCountsAsTheTablesDo() {
        Map<Long, Map<Long, Set<Long>>> expected = countedTheLongWay();
        Analysis whole = loader.load(studyId, lead);
        for (Domain domain : whole.domains()) {
            var ofDomain = loader.loadDomain(studyId, lead, domain.getId());
            assertThat(ofDomain.nodes()).allMatch(c -> c.domainId() == domain.getId());
            for (CategoryNode category : ofDomain.nodes()) {
                for (SubsampleInfo subsample : whole.design().subsamples()) {
                    assertThat(ofDomain.counts().cases(category.id(), subsample.id()))
                            .as("cases of %s in %s", category.name(), subsample.name())
                            .isEqualTo(expected.get(category.id()).getOrDefault(subsample.id(), Set.of()));
                }
            }
        }
    }

    /** Category id → subsample id → the cases with a core idea in the category or any category below it. */
    private Map<Long, Map<Long, Set<Long>>> countedTheLongWay() {
        List<Category> all = categories.findByStudyIdOrderByPositionAscIdAsc(studyId);
        Map<Long, CoreIdea> ideas = new HashMap<>();
        coreIdeas.findAll().stream().filter(i -> i.getStudyId() == studyId).forEach(i -> ideas.put(i.getId(), i));
        Map<Long, Map<Long, Set<Long>>> counted = new HashMap<>();
        for (Category category : all) {
            Map<Long, Set<Long>> bySubsample = new HashMap<>();
            for (Category below : subtree(category, all)) {
                for (Long ideaId : below.getCoreIdeaIds()) {
                    CoreIdea idea = ideas.get(ideaId);
                    bySubsample.computeIfAbsent(idea.getSubsampleId(), k -> new HashSet<>()).add(idea.getCaseId());
                }
            }
            counted.put(category.getId(), bySubsample);
        }
        return counted;
    }

    private static List<Category> subtree(Category top, List<Category> all) {
        List<Category> found = new ArrayList<>(List.of(top));
        for (int i = 0; i < found.size(); i++) {
            Long id = found.get(i).getId();
            all.stream().filter(c -> id.equals(c.getParentId())).forEach(found::add);
        }
        return found;
    }
}
