package org.cqrworkbench.crossanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.coreidea.CoreIdeaRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@FlowTest
class CategoriesFollowDomainsTest {

    @Autowired
    DomainService domainService;
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

    String judge;
    long studyId;

    @BeforeEach
    void study() {
        String lead = data.user("lead");
        judge = data.user("judge");
        studyId = data.studyWithTeam(lead, judge, data.user("auditor"));
        importer.importFile(studyId, lead, "a.csv", ("Case,Domain,Category,Subcategory,Core idea\n"
                + "P01,Event,Tears,,a1\nP02,Event,Tears,Quiet,a2\nP01,After,Relief,,c1\nP02,After,Relief,Deep relief,c2\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMergedDomainsCategoriesKeepTheirTreeAndCoreIdeasAndFollowTheTargetsOwn() {
        domainService.merge(studyId, judge, domainId("After"), domainId("Event"));

        long event = domainId("Event");
        assertThat(categories.findByStudyIdOrderByPositionAscIdAsc(studyId)).extracting(Category::getDomainId).containsOnly(event);
        assertThat(category("Deep relief").getParentId()).isEqualTo(category("Relief").getId());
        assertThat(category("Relief").getParentId()).isNull();
        assertThat(category("Relief").getPosition()).isGreaterThan(category("Tears").getPosition());
        assertThat(category("Relief").getCoreIdeaIds()).containsExactlyElementsOf(ideaIds("c1"));
        // Core ideas moved along, so the merged domain's core ideas may now join the target's categories.
        categoryService.place(studyId, judge, category("Tears").getId(), Set.copyOf(ideaIds("c1")));
        assertThat(category("Tears").getCoreIdeaIds()).containsAll(ideaIds("c1"));
    }

    private long domainId(String name) {
        return domainService.domains(studyId, judge).stream().filter(d -> d.getName().equals(name)).map(Domain::getId)
                .findFirst().orElseThrow();
    }

    private Category category(String name) {
        return categories.findByStudyIdOrderByPositionAscIdAsc(studyId).stream().filter(c -> c.getName().equals(name))
                .findFirst().orElseThrow();
    }

    private List<Long> ideaIds(String... texts) {
        List<String> wanted = List.of(texts);
        return coreIdeas.findByStudyId(studyId).stream().filter(i -> wanted.contains(i.getBody())).map(CoreIdea::getId).toList();
    }
}
