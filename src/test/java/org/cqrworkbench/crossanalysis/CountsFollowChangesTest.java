package org.cqrworkbench.crossanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.coreidea.CoreIdeaRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A study's categories and case counts, and each domain's workspace figures, are worked out once and kept until the
 * analysis changes; here every kind of change a team makes after the tables or a workspace were shown must show in the
 * next ones, and nothing else may make the study count again.
 */
@FlowTest
class CountsFollowChangesTest {

    @Autowired
    AnalysisLoader loader;
    @Autowired
    CategoryService categoryService;
    @Autowired
    CategoryRepository categories;
    @Autowired
    CoreIdeaRepository coreIdeas;
    @Autowired
    CrossAnalysisImport importer;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    String lead;
    long studyId;
    long subsampleId;

    static final String CSV = """
            Case,Domain,Category,Core idea
            P01,Event,Tears,Cried in session
            P02,Event,Tears,Eyes welled up
            P03,Event,Silence,Said nothing for a while
            P04,Event,Silence,Looked away
            """;

    @BeforeEach
    void studyWithTwoCategories() {
        lead = data.user("lead");
        studyId = data.studyWithTeam(lead, data.user("judge"), data.user("auditor"));
        importer.importFile(studyId, lead, "analysis.csv", CSV.getBytes(StandardCharsets.UTF_8));
        subsampleId = loader.load(studyId, lead).design().subsamples().stream().map(SubsampleInfo::id).findFirst().orElseThrow();
    }

    @Test
    void tablesShownOnceCountEveryLaterPlacementAndRemoval() {
        Category tears = category("Tears");
        assertThat(cases("Tears")).hasSize(2);

        categoryService.place(studyId, lead, tears.getId(), Set.of(idea("Looked away").getId()));
        assertThat(cases("Tears")).as("a core idea placed").hasSize(3);

        categoryService.remove(studyId, lead, tears.getId(), Set.of(idea("Cried in session").getId()));
        assertThat(cases("Tears")).as("a core idea removed").hasSize(2);

        coreIdeas.delete(idea("Eyes welled up"));
        assertThat(cases("Tears")).as("a placed core idea deleted").hasSize(1);
    }

    @Test
    void tablesShownOnceShowEveryLaterChangeToTheCategories() {
        Category tears = category("Tears");
        loader.load(studyId, lead);

        Category parent = categoryService.create(studyId, lead, tears.getDomainId(), null, "Feelings shown");
        categoryService.nest(studyId, lead, tears.getId(), parent.getId());
        assertThat(cases("Feelings shown")).as("a new parent counts its subcategory's cases").hasSize(2);

        Category fresh = category("Tears");
        categoryService.describe(studyId, lead, fresh.getId(), fresh.getVersion(), "Crying", null);
        assertThat(names()).contains("Crying").doesNotContain("Tears");

        categoryService.delete(studyId, lead, category("Silence").getId());
        assertThat(names()).doesNotContain("Silence");
    }

    @Test
    void aStudyIsCountedAgainOnlyAfterItsAnalysisChanged() {
        CategoryCounts first = loader.load(studyId, lead).counts();
        assertThat(loader.load(studyId, lead).counts()).as("nothing changed").isSameAs(first);

        categoryService.create(studyId, lead, category("Tears").getDomainId(), null, "Laughter");
        CategoryCounts second = loader.load(studyId, lead).counts();
        assertThat(second).as("a category added").isNotSameAs(first);
        assertThat(loader.load(studyId, lead).counts()).isSameAs(second);
    }

    @Test
    void aDomainsWorkspaceIsLoadedAgainOnlyAfterItsAnalysisChanged() {
        long domainId = category("Tears").getDomainId();
        var first = loader.loadDomain(studyId, lead, domainId);
        assertThat(loader.loadDomain(studyId, lead, domainId).placements()).as("nothing changed").isSameAs(first.placements());

        categoryService.place(studyId, lead, category("Tears").getId(), Set.of(idea("Looked away").getId()));
        var second = loader.loadDomain(studyId, lead, domainId);
        assertThat(second.placements()).as("a core idea placed").isNotSameAs(first.placements());
        assertThat(second.placements().get(idea("Looked away").getId())).hasSize(2);
    }

    @Test
    void aDomainAskedForThroughAnotherStudyAtTheSameRevisionIsNeverMixedUpWithIt() {
        long otherStudy = data.studyWithTeam(lead, data.user("judge"), data.user("auditor"));
        importer.importFile(otherStudy, lead, "analysis.csv", CSV.getBytes(StandardCharsets.UTF_8));
        assertThat(revision(otherStudy)).as("both studies at the same revision").isEqualTo(revision(studyId));
        long domainId = category("Tears").getDomainId();

        assertThat(loader.loadDomain(otherStudy, lead, domainId).categories()).as("not a domain of the other study").isEmpty();
        assertThat(loader.loadDomain(studyId, lead, domainId).categories()).extracting(Workspace.CategoryRow::name)
                .containsExactlyInAnyOrder("Tears", "Silence");
    }

    private long revision(long study) {
        return jdbc.sql("select analysis_revision from study where id = ?").param(study).query(Long.class).single();
    }

    /** The category's cases as the tables count them, which the domain's workspace must count alike. */
    private Set<Long> cases(String categoryName) {
        Analysis analysis = loader.load(studyId, lead);
        long id = analysis.categories().stream().filter(c -> c.name().equals(categoryName)).findFirst().orElseThrow().id();
        Set<Long> cases = analysis.counts().cases(id, subsampleId);
        long domainId = analysis.categories().stream().filter(c -> c.id() == id).findFirst().orElseThrow().domainId();
        assertThat(loader.loadDomain(studyId, lead, domainId).counts().cases(id, subsampleId))
                .as("the workspace's count of " + categoryName).isEqualTo(cases);
        return cases;
    }

    /** The categories' names as the tables show them, which every domain's workspace must show alike. */
    private List<String> names() {
        List<CategoryNode> nodes = loader.load(studyId, lead).categories();
        List<String> inWorkspaces = nodes.stream().map(CategoryNode::domainId).distinct()
                .flatMap(d -> loader.loadDomain(studyId, lead, d).categories().stream().map(Workspace.CategoryRow::name))
                .sorted().toList();
        List<String> names = nodes.stream().map(CategoryNode::name).toList();
        assertThat(inWorkspaces).as("the workspaces' categories").isEqualTo(names.stream().sorted().toList());
        return names;
    }

    private Category category(String name) {
        return categories.findByStudyIdOrderByPositionAscIdAsc(studyId).stream().filter(c -> c.getName().equals(name))
                .findFirst().orElseThrow();
    }

    private CoreIdea idea(String body) {
        return coreIdeas.findAll().stream().filter(i -> i.getStudyId() == studyId && i.getBody().equals(body)).findFirst()
                .orElseThrow();
    }
}
