package org.cqrworkbench.crossanalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.coreidea.CoreIdeaRepository;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.ForbiddenException;
import org.cqrworkbench.web.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@FlowTest
class CategoryServiceTest {

    @Autowired
    CategoryService service;
    @Autowired
    CategoryRepository categories;
    @Autowired
    CoreIdeaRepository coreIdeas;
    @Autowired
    CrossAnalysisImport importer;
    @Autowired
    TestData data;
    @Autowired
    MockMvc mvc;

    String lead;
    String judge;
    String auditor;
    long studyId;

    @BeforeEach
    void study() {
        lead = data.user("lead");
        judge = data.user("judge");
        auditor = data.user("auditor");
        studyId = data.studyWithTeam(lead, judge, auditor);
        importer.importFile(studyId, lead, "a.csv", ("Case,Domain,Category,Subcategory,Core idea\n"
                + "P01,Event,Tears,,a1\nP02,Event,Tears,,a2\nP03,Event,Sobbing,,b3\nP04,Event,Sobbing,Loud,b4\n"
                + "P05,After,Relief,,c5\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void mergingMovesCoreIdeasAndSubcategoriesIntoTheTarget() {
        service.merge(studyId, judge, id("Sobbing"), id("Tears"));
        assertThat(names()).doesNotContain("Sobbing");
        assertThat(category("Tears").getCoreIdeaIds()).containsExactlyInAnyOrderElementsOf(ideaIds("a1", "a2", "b3"));
        assertThat(category("Loud").getParentId()).isEqualTo(id("Tears"));
    }

    @Test
    void splittingMovesTheChosenCoreIdeasToANewCategory() {
        Category created = service.split(studyId, judge, id("Tears"), Set.copyOf(ideaIds("a2")), "Quiet tears");
        assertThat(category("Tears").getCoreIdeaIds()).containsExactlyElementsOf(ideaIds("a1"));
        assertThat(category("Quiet tears").getCoreIdeaIds()).containsExactlyElementsOf(ideaIds("a2"));
        assertThat(created.getDomainId()).isEqualTo(category("Tears").getDomainId());
        assertThatThrownBy(() -> service.split(studyId, judge, id("Tears"), Set.copyOf(ideaIds("c5")), "Wrong"))
                .hasMessage("category.split.choose");
    }

    @Test
    void nestingRefusesCyclesAndOtherDomains() {
        service.nest(studyId, judge, id("Tears"), id("Sobbing"));
        assertThat(category("Tears").getParentId()).isEqualTo(id("Sobbing"));
        assertThatThrownBy(() -> service.nest(studyId, judge, id("Sobbing"), id("Tears"))).hasMessage("category.nest.cycle");
        assertThatThrownBy(() -> service.nest(studyId, judge, id("Relief"), id("Sobbing"))).hasMessage("category.otherDomain");
        service.nest(studyId, judge, id("Tears"), null);
        assertThat(category("Tears").getParentId()).isNull();
    }

    @Test
    void aCoreIdeaMaySitInSeveralCategoriesButOnlyOfItsOwnDomain() {
        service.place(studyId, judge, id("Sobbing"), Set.copyOf(ideaIds("a1")));
        assertThat(category("Tears").getCoreIdeaIds()).containsAll(ideaIds("a1"));
        assertThat(category("Sobbing").getCoreIdeaIds()).containsAll(ideaIds("a1"));
        assertThatThrownBy(() -> service.place(studyId, judge, id("Relief"), Set.copyOf(ideaIds("a1"))))
                .isInstanceOf(InvalidInputException.class).hasMessage("category.place.foreign");
    }

    @Test
    void aStaleRenameIsRefusedSoNoJudgeOverwritesAnotherSilently() {
        long version = category("Tears").getVersion();
        service.describe(studyId, lead, id("Tears"), version, "Tears came", null);
        assertThatThrownBy(() -> service.describe(studyId, judge, id("Tears came"), version, "Crying", null))
                .isInstanceOf(ConflictException.class);
        assertThat(names()).contains("Tears came").doesNotContain("Crying");
    }

    @Test
    void deletingACategoryKeepsItsCoreIdeasAndLiftsItsSubcategories() {
        service.delete(studyId, judge, id("Sobbing"));
        assertThat(names()).doesNotContain("Sobbing");
        assertThat(category("Loud").getParentId()).isNull();
        assertThat(coreIdeas.findByStudyId(studyId)).hasSize(5);
    }

    @Test
    void auditorCannotChangeCategories() throws Exception {
        assertThatThrownBy(() -> service.create(studyId, auditor, category("Tears").getDomainId(), null, "Mine"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.place(studyId, auditor, id("Tears"), Set.copyOf(ideaIds("b3"))))
                .isInstanceOf(ForbiddenException.class);
        mvc.perform(post("/studies/" + studyId + "/cross-analysis/domains/" + category("Tears").getDomainId()
                        + "/categories/" + id("Tears") + "/delete").param("subsample", "1").with(user(auditor)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(names()).contains("Tears");
    }

    private List<String> names() {
        return categories.findByStudyIdOrderByPositionAscIdAsc(studyId).stream().map(Category::getName).toList();
    }

    private Category category(String name) {
        return categories.findByStudyIdOrderByPositionAscIdAsc(studyId).stream()
                .filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }

    private long id(String name) {
        return category(name).getId();
    }

    private List<Long> ideaIds(String... texts) {
        List<String> wanted = List.of(texts);
        return coreIdeas.findByStudyId(studyId).stream().filter(i -> wanted.contains(i.getBody())).map(CoreIdea::getId).toList();
    }
}
