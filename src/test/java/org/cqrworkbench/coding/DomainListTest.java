package org.cqrworkbench.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.coreidea.CoreIdeaRepository;
import org.cqrworkbench.crossanalysis.CrossAnalysisImport;
import org.cqrworkbench.study.StudyAccess;
import org.cqrworkbench.transcript.TranscriptService;
import org.cqrworkbench.web.ConflictException;
import org.cqrworkbench.web.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** The domain list's operations, and that the work filed under a domain follows each of them. */
@FlowTest
class DomainListTest {

    @Autowired
    DomainService service;
    @Autowired
    DomainListImport listImport;
    @Autowired
    CodingRepository codings;
    @Autowired
    CoreIdeaRepository coreIdeas;
    @Autowired
    CrossAnalysisImport crossAnalysis;
    @Autowired
    CaseService caseService;
    @Autowired
    TranscriptService transcripts;
    @Autowired
    StudyAccess access;
    @Autowired
    MessageSource messages;
    @Autowired
    TestData data;

    String lead;
    String judge;
    long studyId;

    /** Event holds categories Tears (with subcategory Quiet) and core ideas a1, a2; After holds Relief and c1. */
    @BeforeEach
    void study() {
        lead = data.user("lead");
        judge = data.user("judge");
        studyId = data.studyWithTeam(lead, judge, data.user("auditor"));
        crossAnalysis.importFile(studyId, lead, "a.csv", ("Case,Domain,Category,Subcategory,Core idea\n"
                + "P01,Event,Tears,,a1\nP02,Event,Tears,Quiet,a2\nP01,After,Relief,,c1\n").getBytes(StandardCharsets.UTF_8));
        for (StudyCase c : caseService.design(studyId, lead).cases()) {
            transcripts.store(c.getId(), "I: What happened?\nP: I cried when my client spoke of her loss, and then we both sat "
                    + "quietly for a long while before she went on.", c.getCode() + ".txt");
        }
    }

    @Test
    void mergingMovesCodingsCoreIdeasCategoriesAndSubdomainsIntoTheTargetAndRemovesTheSource() {
        Coding inAfter = code("P01", "After", 20, 40);
        Coding draft = codings.save(new Coding(studyId, caseId("P02"), id("After"), 0, 10, Layer.DRAFT, userId(judge), null,
                Instant.now()));
        Coding inEvent = code("P02", "Event", 0, 10);
        service.create(studyId, judge, "Relief later", null, id("After"));

        service.merge(studyId, judge, id("After"), id("Event"));

        assertThat(names()).containsExactly("Event", "Relief later");
        assertThat(codings.findAllById(List.of(inAfter.getId(), draft.getId(), inEvent.getId())))
                .extracting(Coding::getDomainId).containsOnly(id("Event"));
        assertThat(coreIdeas.findByStudyId(studyId)).extracting(CoreIdea::getDomainId).containsOnly(id("Event"));
        assertThat(domain("Relief later").getParentId()).isEqualTo(id("Event"));
        DomainList.Row event = row("Event");
        assertThat(event.codings()).isEqualTo(2);
        assertThat(event.draftCodings()).isEqualTo(1);
        assertThat(event.coreIdeas()).isEqualTo(3);
        assertThat(event.categories()).isEqualTo(3);
    }

    @Test
    void mergingADomainIntoItsOwnSubdomainPutsTheSubdomainInItsPlace() {
        service.create(studyId, judge, "Onset", null, id("Event"));
        service.create(studyId, judge, "Peak", null, id("Event"));
        code("P01", "Event", 0, 10);

        service.merge(studyId, judge, id("Event"), id("Onset"));

        assertThat(names()).containsExactly("Onset", "Peak", "After");
        assertThat(domain("Onset").getParentId()).isNull();
        assertThat(domain("Peak").getParentId()).isEqualTo(id("Onset"));
        assertThat(row("Onset").codings()).isEqualTo(1);
        assertThat(row("Onset").coreIdeas()).isEqualTo(2);
    }

    @Test
    void splittingMovesOnlyTheChosenConsensusCodingsToANewDomainRightAfterTheSource() {
        Coding stays = code("P01", "Event", 0, 10);
        Coding moves = code("P02", "Event", 20, 40);
        link("a1", stays);
        link("a2", moves);

        Domain created = service.split(studyId, judge, id("Event"), Set.of(moves.getId()), "Onset", "When tears began");

        assertThat(names()).containsExactly("Event", "Onset", "After");
        assertThat(created.getDefinition()).isEqualTo("When tears began");
        assertThat(codings.findById(stays.getId()).orElseThrow().getDomainId()).isEqualTo(id("Event"));
        assertThat(codings.findById(moves.getId()).orElseThrow().getDomainId()).isEqualTo(id("Onset"));
        // The core idea written from the moved coding goes with it; the other stays.
        assertThat(row("Event").coreIdeas()).isEqualTo(1);
        assertThat(row("Onset").coreIdeas()).isEqualTo(1);
        assertThat(coreIdeaRepository.findByStudyId(studyId)).filteredOn(i -> i.getBody().equals("a2"))
                .singleElement().satisfies(i -> assertThat(i.getDomainId()).isEqualTo(id("Onset")));
    }

    @Autowired
    org.cqrworkbench.coreidea.CoreIdeaRepository coreIdeaRepository;
    @Autowired
    org.cqrworkbench.coreidea.CoreIdeaEditing coreIdeaEditing;

    private void link(String coreIdea, Coding coding) {
        long ideaId = coreIdeaRepository.findByStudyId(studyId).stream().filter(i -> i.getBody().equals(coreIdea))
                .findFirst().orElseThrow().getId();
        coreIdeaEditing.link(studyId, judge, ideaId, Set.of(coding.getId()));
    }

    @Test
    void splittingRefusesCodingsOfAnotherDomainAndChangesNothing() {
        Coding elsewhere = code("P01", "After", 0, 10);
        assertThatThrownBy(() -> service.split(studyId, judge, id("Event"), Set.of(elsewhere.getId()), "Onset", null))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> service.split(studyId, judge, id("Event"), Set.of(), "Onset", null))
                .isInstanceOf(InvalidInputException.class).hasMessage("domain.split.choose");
        assertThat(names()).containsExactly("Event", "After");
        assertThat(codings.findById(elsewhere.getId()).orElseThrow().getDomainId()).isEqualTo(id("After"));
    }

    @Test
    void deletingADomainThatHoldsWorkIsRefusedWithoutATarget() {
        service.create(studyId, judge, "Drafted", null, null);
        codings.save(new Coding(studyId, caseId("P01"), id("Drafted"), 0, 10, Layer.DRAFT, userId(judge), null, Instant.now()));

        assertThatThrownBy(() -> service.delete(studyId, judge, id("After"), null))
                .isInstanceOf(InvalidInputException.class).hasMessage("domain.delete.used");
        assertThatThrownBy(() -> service.delete(studyId, judge, id("Drafted"), null))
                .isInstanceOf(InvalidInputException.class).hasMessage("domain.delete.used");
        assertThat(names()).containsExactly("Event", "After", "Drafted");
        InvalidInputException refused = catchInvalid(() -> service.delete(studyId, judge, id("After"), null));
        assertThat(refused.localizedMessage(messages, Locale.ENGLISH))
                .startsWith("After still holds no codings, 1 core idea and 1 category.");
    }

    @Test
    void deletingWithATargetMovesTheWorkThereAndLiftsTheSubdomains() {
        Coding coded = code("P01", "After", 0, 10);
        service.create(studyId, judge, "Relief later", null, id("After"));
        service.create(studyId, judge, "Last", null, null);

        service.delete(studyId, judge, id("After"), id("Event"));

        assertThat(names()).containsExactly("Event", "Relief later", "Last");
        assertThat(domain("Relief later").getParentId()).isNull();
        assertThat(codings.findById(coded.getId()).orElseThrow().getDomainId()).isEqualTo(id("Event"));
        assertThat(row("Event").coreIdeas()).isEqualTo(3);
        assertThat(row("Event").categories()).isEqualTo(3);
    }

    @Test
    void deletingAnUnusedDomainIsAllowed() {
        service.create(studyId, judge, "Unused", null, null);
        service.delete(studyId, judge, id("Unused"), null);
        assertThat(names()).containsExactly("Event", "After");
    }

    @Test
    void nestingRefusesCyclesAndCanBeUndone() {
        service.nest(studyId, judge, id("After"), domain("After").getVersion(), id("Event"));
        assertThat(domain("After").getParentId()).isEqualTo(id("Event"));

        assertThatThrownBy(() -> service.nest(studyId, judge, id("Event"), domain("Event").getVersion(), id("After")))
                .isInstanceOf(InvalidInputException.class).hasMessage("domain.nest.cycle");
        assertThatThrownBy(() -> service.nest(studyId, judge, id("Event"), domain("Event").getVersion(), id("Event")))
                .hasMessage("domain.nest.cycle");
        assertThat(domain("Event").getParentId()).isNull();

        service.nest(studyId, judge, id("After"), domain("After").getVersion(), null);
        assertThat(names()).containsExactly("Event", "After");
        assertThat(domain("After").getParentId()).isNull();
    }

    @Test
    void renamingToAnotherDomainsNameInAnyLetterCaseIsRefused() {
        Domain after = domain("After");
        assertThatThrownBy(() -> service.describe(studyId, judge, after.getId(), after.getVersion(), " event ", "New"))
                .isInstanceOf(InvalidInputException.class).hasMessage("domain.name.taken");
        assertThat(domain("After").getDefinition()).isNull();

        service.describe(studyId, judge, after.getId(), after.getVersion(), "AFTER", "What followed");
        assertThat(domain("AFTER").getDefinition()).isEqualTo("What followed");
    }

    @Test
    void aStaleRenameIsRefusedSoNoJudgeOverwritesAnotherSilently() {
        long version = domain("After").getVersion();
        service.describe(studyId, lead, id("After"), version, "Aftermath", "What followed the tears");

        assertThatThrownBy(() -> service.describe(studyId, judge, id("Aftermath"), version, "Consequences", null))
                .isInstanceOf(ConflictException.class).hasMessage("domain.conflict");
        assertThat(domain("Aftermath").getDefinition()).isEqualTo("What followed the tears");
    }

    @Test
    void reorderingMovesADomainAmongItsSiblingsOnlyAndKeepsItsVersion() {
        service.create(studyId, judge, "Onset", null, id("Event"));
        service.create(studyId, judge, "Peak", null, id("Event"));
        long version = domain("After").getVersion();

        service.move(studyId, judge, id("After"), true);
        service.move(studyId, judge, id("Peak"), true);
        service.move(studyId, judge, id("After"), true);

        assertThat(names()).containsExactly("After", "Event", "Peak", "Onset");
        assertThat(domain("After").getVersion()).isEqualTo(version);
    }

    @Test
    void theOtherDomainStaysLastAsDomainsAreAdded() {
        service.addOther(studyId, judge, "Fits nowhere else");
        service.create(studyId, judge, "Later", null, null);
        listImport.outline(studyId, judge, "Even later\n  - Detail");
        service.create(studyId, judge, "Sub", null, id("Event"));
        service.nest(studyId, judge, id("Sub"), domain("Sub").getVersion(), null);

        assertThat(names()).containsExactly("Event", "After", "Later", "Even later", "Detail", "Sub", "Other");
        assertThatThrownBy(() -> service.addOther(studyId, judge, null)).hasMessage("domain.name.taken");
    }

    @Test
    void aPastedProtocolOutlineBuildsTheTreeAndSkipsNamesAlreadyInTheList() {
        var summary = listImport.outline(studyId, judge, """
                Antecedents
                  Context of the session
                \t- Earlier tears
                event
                * What the client said
                1. What P felt
                Consequences
                """);

        assertThat(summary.added()).isEqualTo(6);
        assertThat(summary.skipped()).containsExactly("Event");
        assertThat(names()).containsExactly("Event", "What the client said", "What P felt", "After", "Antecedents",
                "Context of the session", "Earlier tears", "Consequences");
        assertThat(domain("Earlier tears").getParentId()).isEqualTo(id("Antecedents"));
        assertThat(domain("What P felt").getParentId()).isEqualTo(id("Event"));
        assertThat(row("Earlier tears").depth()).isEqualTo(2);
    }

    @Test
    void anOutlineWithABadLineAddsNothing() {
        InvalidInputException refused = catchInvalid(() -> listImport.outline(studyId, judge, "Antecedents\n" + "x".repeat(201)));
        assertThat(refused.localizedMessage(messages, Locale.ENGLISH))
                .isEqualTo("Line 2: The text is too long: at most 200 characters. Nothing was added.");
        assertThat(names()).containsExactly("Event", "After");
    }

    @Test
    void aCsvCodebookImportsDefinitionsAndParentsFromEarlierLines() {
        var summary = listImport.codebook(studyId, judge, "codebook.csv", ("\uFEFFdefinition,PARENT,Domain\r\n"
                + "\"What came before, and why\",,Antecedents\r\n"
                + "\"The setting;\nwho was there\",antecedents,Context\r\n"
                + "Already there,,after\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(summary.added()).isEqualTo(2);
        assertThat(summary.skipped()).containsExactly("After");
        assertThat(names()).containsExactly("Event", "After", "Antecedents", "Context");
        assertThat(domain("Antecedents").getDefinition()).isEqualTo("What came before, and why");
        assertThat(domain("Context").getParentId()).isEqualTo(id("Antecedents"));
        assertThat(domain("Context").getDefinition()).isEqualTo("The setting;\nwho was there");
    }

    @Test
    void aCsvCodebookWithABadRowImportsNothingAndNamesLineAndColumn() {
        byte[] file = ("Domain,Definition,Parent\n"
                + "Antecedents,\"Two\nlines\",\n"
                + "Context,,Antecedents\n"
                + "Feelings,,Nowhere\n").getBytes(StandardCharsets.UTF_8);

        InvalidInputException refused = catchInvalid(() -> listImport.codebook(studyId, judge, "codebook.csv", file));

        assertThat(refused.localizedMessage(messages, Locale.ENGLISH)).isEqualTo("Line 5, column Parent: There is no domain "
                + "\"Nowhere\" in the list or on an earlier line. Nothing was imported.");
        assertThat(names()).containsExactly("Event", "After");
        InvalidInputException duplicate = catchInvalid(() -> listImport.codebook(studyId, judge, "codebook.csv",
                "Domain\nAntecedents\nANTECEDENTS\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(duplicate.localizedMessage(messages, Locale.ENGLISH))
                .isEqualTo("Line 3, column Domain: The domain \"ANTECEDENTS\" is already on line 2. Nothing was imported.");
        assertThatThrownBy(() -> listImport.codebook(studyId, judge, "codebook.xlsx", file)).hasMessage("domain.codebook.type");
        assertThat(names()).containsExactly("Event", "After");
    }

    private Coding code(String caseCode, String domain, int start, int end) {
        return codings.save(new Coding(studyId, caseId(caseCode), id(domain), start, end, Layer.CONSENSUS, null,
                userId(judge), Instant.now()));
    }

    private long caseId(String code) {
        return caseService.caseByCode(studyId, lead, code).getId();
    }

    private long userId(String username) {
        return access.member(studyId, username).getUser().getId();
    }

    private List<String> names() {
        return service.domains(studyId, lead).stream().map(Domain::getName).toList();
    }

    private Domain domain(String name) {
        return service.domains(studyId, lead).stream().filter(d -> d.getName().equals(name)).findFirst().orElseThrow();
    }

    private long id(String name) {
        return domain(name).getId();
    }

    private DomainList.Row row(String name) {
        return service.list(studyId, lead).rows().stream().filter(r -> r.domain().getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static InvalidInputException catchInvalid(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("expected the input to be refused");
    }
}
