package org.cqrworkbench.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.account.UserAccountRepository;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CodingMode;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coding.Coding;
import org.cqrworkbench.coding.CodingService;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.coreidea.CoreIdeaEditing;
import org.cqrworkbench.coreidea.CoreIdeaRepository;
import org.cqrworkbench.crossanalysis.CrossAnalysisImport;
import org.cqrworkbench.transcript.TranscriptService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The change log records every kind of change to the analysis with who made it and what it was before and after,
 * keeps each study's log to its own members, and finds entries by text, person, kind of item and date.
 */
@FlowTest
class ChangeLogTest {

    /** "I cried with my client" starts at 39. */
    static final String TEXT = "Interviewer: How was it?\n\nParticipant: I cried with my client and felt ashamed afterwards.";

    @Autowired
    ChangeLog changeLog;
    @Autowired
    ChangeContext changeContext;
    @Autowired
    DomainService domainService;
    @Autowired
    CodingService codingService;
    @Autowired
    CaseService caseService;
    @Autowired
    TranscriptService transcripts;
    @Autowired
    CoreIdeaEditing coreIdeaEditing;
    @Autowired
    CoreIdeaRepository coreIdeas;
    @Autowired
    CrossAnalysisImport importer;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    TestData data;
    @Autowired
    MockMvc mvc;

    String lead;
    String judge;
    String auditor;
    long studyId;
    StudyCase studyCase;

    @BeforeEach
    void study() {
        lead = data.user("lead");
        judge = data.user("judge");
        auditor = data.user("auditor");
        studyId = data.studyWithTeam(lead, judge, auditor);
        studyCase = caseService.createCase(studyId, lead, new CaseService.CaseForm("P01", null, null, null));
        transcripts.store(studyCase.getId(), TEXT, "P01.txt");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void creatingRenamingAndDeletingADomainIsLoggedWithWhoBeforeAndAfter() {
        Domain domain = as(judge, () -> domainService.create(studyId, judge, "Antecedents", "What came before", null));
        as(lead, () -> domainService.describe(studyId, lead, domain.getId(), domain.getVersion(), "Before the event", "What came before"));
        as(judge, () -> domainService.delete(studyId, judge, domain.getId(), null));

        List<Change> history = changeLog.historyOf(studyId, auditor, ItemType.DOMAIN, domain.getId());
        assertThat(history).extracting(Change::action).containsExactly(ChangeAction.DELETED, ChangeAction.CHANGED, ChangeAction.CREATED);
        assertThat(history.get(2).who()).isEqualTo("JUDGE");
        assertThat(history.get(2).before()).isNull();
        assertThat(history.get(2).after()).isEqualTo("name: Antecedents\ndefinition: What came before\norder: 1");
        Change rename = history.get(1);
        assertThat(rename.who()).isEqualTo("LEAD");
        assertThat(rename.before()).isEqualTo("name: Antecedents");
        assertThat(rename.after()).isEqualTo("name: Before the event");
        assertThat(rename.item()).isEqualTo("Before the event");
        assertThat(history.get(0).before()).startsWith("name: Before the event\ndefinition: What came before");
        assertThat(history.get(0).after()).isNull();
        assertThat(history).allSatisfy(c -> assertThat(c.commentId()).isNull());
    }

    @Test
    void creatingAdjustingAndRemovingACodingIsLoggedWithItsDomainAndWords() {
        long consequences = domainService.create(studyId, lead, "Consequences", null, null).getId();
        long reactions = domainService.create(studyId, lead, "Reactions", null, null).getId();
        Coding coding = as(judge, () -> codingService.code(studyId, judge, "P01", consequences, 39, 46, false));
        as(judge, () -> codingService.adjust(studyId, judge, coding.getId(), coding.getVersion(), 39, 61, reactions));
        as(lead, () -> codingService.remove(studyId, lead, coding.getId(), coding.getVersion() + 1));

        List<Change> history = changeLog.historyOf(studyId, auditor, ItemType.CODING, coding.getId());
        assertThat(history).extracting(Change::action).containsExactly(ChangeAction.DELETED, ChangeAction.CHANGED, ChangeAction.CREATED);
        assertThat(history.get(2).after()).isEqualTo("domain: Consequences\nspan: 39–46\ntext: «I cried»");
        assertThat(history.get(1).who()).isEqualTo("JUDGE");
        assertThat(history.get(1).before()).isEqualTo("domain: Consequences\nspan: 39–46\ntext: «I cried»");
        assertThat(history.get(1).after()).isEqualTo("domain: Reactions\nspan: 39–61\ntext: «I cried with my client»");
        assertThat(history.get(1).item()).isEqualTo("P01 «I cried with my client»");
        assertThat(history.get(0).who()).isEqualTo("LEAD");
        assertThat(history.get(0).before()).contains("domain: Reactions", "«I cried with my client»");
    }

    @Test
    void judgesPrivateDraftsStayOutOfTheLog() {
        long domain = domainService.create(studyId, lead, "Consequences", null, null).getId();
        caseService.setCodingMode(studyId, lead, studyCase.getId(), CodingMode.INDEPENDENT);
        Coding draft = as(judge, () -> codingService.code(studyId, judge, "P01", domain, 39, 46, false));

        assertThat(changeLog.historyOf(studyId, lead, ItemType.CODING, draft.getId())).isEmpty();
        assertThat(changeLog.search(studyId, lead, new ChangeQuery(null, null, ItemType.CODING, null, null), 0).changes()).isEmpty();
    }

    @Test
    void rewritingACoreIdeaLogsTheOldAndTheNewText() {
        long domain = domainService.create(studyId, lead, "Consequences", null, null).getId();
        CoreIdea idea = as(judge, () -> coreIdeaEditing.add(studyId, judge, "P01", subsample(), domain, "P cried", Set.of()));
        as(lead, () -> coreIdeaEditing.rewrite(studyId, lead, idea.getId(), idea.getVersion(), "P cried with a client and felt ashamed"));

        List<Change> history = changeLog.historyOf(studyId, auditor, ItemType.CORE_IDEA, idea.getId());
        assertThat(history).extracting(Change::action).containsExactly(ChangeAction.CHANGED, ChangeAction.CREATED);
        assertThat(history.get(0).who()).isEqualTo("LEAD");
        assertThat(history.get(0).before()).isEqualTo("text: P cried");
        assertThat(history.get(0).after()).isEqualTo("text: P cried with a client and felt ashamed");
        assertThat(history.get(0).item()).isEqualTo("P01: P cried with a client and felt ashamed");
        assertThat(history.get(1).after()).isEqualTo("text: P cried\ndomain: Consequences\norder: 1");
    }

    @Test
    void linkingACodingToACoreIdeaShowsInTheHistoryOfBoth() {
        long domain = domainService.create(studyId, lead, "Consequences", null, null).getId();
        Coding coding = codingService.code(studyId, lead, "P01", domain, 39, 46, false);
        CoreIdea idea = coreIdeaEditing.add(studyId, lead, "P01", subsample(), domain, "P cried", Set.of());
        as(judge, () -> coreIdeaEditing.link(studyId, judge, idea.getId(), Set.of(coding.getId())));
        as(judge, () -> coreIdeaEditing.unlink(studyId, judge, idea.getId(), coding.getId()));
        as(judge, () -> coreIdeaEditing.link(studyId, judge, idea.getId(), Set.of(coding.getId())));
        // Removing the coding ends the link in the database; the log says so once.
        as(lead, () -> codingService.remove(studyId, lead, coding.getId(), coding.getVersion()));

        List<Change> ofIdea = changeLog.historyOf(studyId, auditor, ItemType.CORE_IDEA, idea.getId());
        assertThat(ofIdea).extracting(Change::action).containsExactly(ChangeAction.UNLINKED, ChangeAction.LINKED,
                ChangeAction.UNLINKED, ChangeAction.LINKED, ChangeAction.CREATED);
        assertThat(ofIdea.get(3).who()).isEqualTo("JUDGE");
        assertThat(ofIdea.get(3).after()).isEqualTo("coding: P01 «I cried»");
        assertThat(ofIdea.get(2).before()).isEqualTo("coding: P01 «I cried»");
        assertThat(ofIdea.get(0).who()).isEqualTo("LEAD");
        assertThat(ofIdea.get(0).before()).isEqualTo("coding: P01 «I cried»");

        List<Change> ofCoding = changeLog.historyOf(studyId, auditor, ItemType.CODING, coding.getId());
        assertThat(ofCoding).extracting(Change::itemType).contains(ItemType.CODING_LINK, ItemType.CODING);
        assertThat(ofCoding).filteredOn(c -> c.itemType() == ItemType.CODING_LINK).extracting(Change::item)
                .containsOnly("P01: P cried");
    }

    @Test
    void placingAndRemovingACoreIdeaShowsInTheHistoryOfTheCategoryAndTheCoreIdea() throws Exception {
        as(lead, () -> importer.importFile(studyId, lead, "a.csv", csv("P01,Event,Tears,a1\nP02,Event,Sobbing,b2\n")));
        long tears = categoryId("Tears");
        long b2 = ideaId("b2");
        long domain = coreIdeas.findById(b2).orElseThrow().getDomainId();
        String workspace = "/studies/" + studyId + "/cross-analysis/domains/" + domain;
        mvc.perform(post(workspace + "/place").param("subsample", "" + subsample()).param("categoryId", "" + tears)
                .param("idea", "" + b2).with(user(judge)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post(workspace + "/categories/" + tears + "/remove").param("subsample", "" + subsample())
                .param("idea", "" + b2).with(user(lead)).with(csrf())).andExpect(status().is3xxRedirection());

        List<Change> ofCategory = changeLog.historyOf(studyId, auditor, ItemType.CATEGORY, tears);
        assertThat(ofCategory).extracting(Change::action).containsExactly(ChangeAction.REMOVED, ChangeAction.PLACED,
                ChangeAction.PLACED, ChangeAction.CREATED);
        assertThat(ofCategory.get(0).who()).isEqualTo("LEAD");
        assertThat(ofCategory.get(0).before()).isEqualTo("core idea: P02: b2");
        assertThat(ofCategory.get(1).who()).isEqualTo("JUDGE");
        assertThat(ofCategory.get(1).after()).isEqualTo("core idea: P02: b2");
        assertThat(ofCategory.get(1).item()).isEqualTo("Tears");
        assertThat(ofCategory.get(2).after()).isEqualTo("core idea: P01: a1");

        List<Change> ofIdea = changeLog.historyOf(studyId, auditor, ItemType.CORE_IDEA, b2);
        assertThat(ofIdea).filteredOn(c -> c.itemId() == tears).extracting(Change::action)
                .containsExactly(ChangeAction.REMOVED, ChangeAction.PLACED);
    }

    @Test
    void deletingACoreIdeaTakesItOutOfItsCategoriesOnTheRecord() {
        as(lead, () -> importer.importFile(studyId, lead, "a.csv", csv("P01,Event,Tears,a1\n")));
        CoreIdea a1 = coreIdeas.findById(ideaId("a1")).orElseThrow();
        as(judge, () -> coreIdeaEditing.delete(studyId, judge, a1.getId(), a1.getVersion()));

        List<Change> ofCategory = changeLog.historyOf(studyId, auditor, ItemType.CATEGORY, categoryId("Tears"));
        assertThat(ofCategory).extracting(Change::action).containsExactly(ChangeAction.REMOVED, ChangeAction.PLACED, ChangeAction.CREATED);
        assertThat(ofCategory.get(0).who()).isEqualTo("JUDGE");
        assertThat(ofCategory.get(0).before()).isEqualTo("core idea: P01: a1");
    }

    @Test
    void aDomainMergeLogsEveryCodingCoreIdeaAndCategoryItMoves() {
        as(lead, () -> importer.importFile(studyId, lead, "a.csv", csv("P01,Event,Tears,a1\nP01,After,Relief,c1\n")));
        long event = domainId("Event");
        long after = domainId("After");
        Coding coding = codingService.code(studyId, lead, "P01", after, 39, 46, false);
        as(judge, () -> domainService.merge(studyId, judge, after, event));

        Change codingMoved = changeLog.historyOf(studyId, auditor, ItemType.CODING, coding.getId()).get(0);
        assertThat(codingMoved.action()).isEqualTo(ChangeAction.CHANGED);
        assertThat(codingMoved.who()).isEqualTo("JUDGE");
        assertThat(codingMoved.before()).isEqualTo("domain: After");
        assertThat(codingMoved.after()).isEqualTo("domain: Event");
        Change ideaMoved = changeLog.historyOf(studyId, auditor, ItemType.CORE_IDEA, ideaId("c1")).get(0);
        assertThat(ideaMoved.before()).startsWith("domain: After");
        assertThat(ideaMoved.after()).startsWith("domain: Event");
        Change categoryMoved = changeLog.historyOf(studyId, auditor, ItemType.CATEGORY, categoryId("Relief")).get(0);
        assertThat(categoryMoved.before()).startsWith("domain: After");
        assertThat(categoryMoved.after()).startsWith("domain: Event");
        assertThat(changeLog.historyOf(studyId, auditor, ItemType.DOMAIN, after).get(0).action()).isEqualTo(ChangeAction.DELETED);
    }

    @Test
    void aChangeMadeInAnswerToAnAuditCommentCarriesTheCommentsId() {
        Domain domain = domainService.create(studyId, lead, "Antecedents", null, null);
        as(judge, () -> changeContext.answering(42, () -> domainService.describe(studyId, judge, domain.getId(),
                domain.getVersion(), "Before the event", null)));
        // Inside a longer transaction only the changes made within answering(...) carry the comment.
        as(judge, () -> transaction.executeWithoutResult(status -> {
            changeContext.answering(43, () -> domainService.describe(studyId, judge, domain.getId(), domain.getVersion() + 1,
                    "Antecedents of crying", null));
            domainService.create(studyId, judge, "Consequences", null, null);
        }));

        assertThat(changeLog.historyOf(studyId, auditor, ItemType.DOMAIN, domain.getId())).extracting(Change::commentId)
                .containsExactly(43L, 42L, null);
        assertThat(changeLog.search(studyId, auditor, new ChangeQuery("consequences", null, null, null, null), 0).changes())
                .extracting(Change::commentId).containsExactly((Long) null);
        assertThat(changeLog.answering(studyId, auditor, 42)).extracting(Change::after).containsExactly("name: Before the event");
    }

    @Test
    void aChangeThatIsRolledBackLeavesNoEntry() {
        Domain domain = domainService.create(studyId, lead, "Antecedents", null, null);
        as(judge, () -> transaction.executeWithoutResult(status -> {
            // Flushed to the database inside the transaction, then undone.
            changeContext.answering(44, () -> domainService.describe(studyId, judge, domain.getId(), domain.getVersion(),
                    "Never saved", null));
            status.setRollbackOnly();
        }));

        assertThat(changeLog.historyOf(studyId, auditor, ItemType.DOMAIN, domain.getId())).extracting(Change::action)
                .containsExactly(ChangeAction.CREATED);
        assertThat(changeLog.answering(studyId, auditor, 44)).isEmpty();
    }

    @Test
    void theLogBelongsToItsStudyAlone() throws Exception {
        long domain = as(lead, () -> domainService.create(studyId, lead, "Antecedents", null, null)).getId();
        String outsider = data.user("outsider");
        long otherStudy = data.studyWithTeam(outsider, data.user("judge"), data.user("auditor"));

        mvc.perform(get("/studies/" + studyId + "/changes").with(user(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/studies/" + studyId + "/changes/domain/" + domain).with(user(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/studies/" + studyId + "/changes").with(user(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/studies/" + studyId + "/changes/domain/" + domain).with(user(outsider))).andExpect(status().isNotFound());
        // Asking one's own study about another study's item finds nothing.
        assertThat(changeLog.historyOf(otherStudy, outsider, ItemType.DOMAIN, domain)).isEmpty();
        assertThat(changeLog.search(otherStudy, outsider, ChangeQuery.everything(), 0).total()).isZero();
        mvc.perform(get("/studies/" + studyId + "/changes").with(user(auditor)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("Antecedents")));
    }

    @Test
    void theLogIsFoundByTextPersonKindOfItemAndDate() throws Exception {
        as(lead, () -> domainService.create(studyId, lead, "Antecedents", "Feelings before 100% of sessions", null));
        as(judge, () -> domainService.create(studyId, judge, "Consequences", null, null));
        as(judge, () -> importer.importFile(studyId, judge, "a.csv", csv("P01,Consequences,Tears,P felt ashamed\n")));
        long judgeId = accounts.findByUsername(judge).orElseThrow().getId();
        LocalDate today = LocalDate.now(ZoneId.systemDefault());

        assertThat(items(new ChangeQuery("ANTECEDENTS", null, null, null, null))).containsExactly("Antecedents");
        assertThat(items(new ChangeQuery("100%", null, null, null, null))).containsExactly("Antecedents");
        assertThat(items(new ChangeQuery("0%", null, null, null, null))).containsExactly("Antecedents");
        assertThat(items(new ChangeQuery("_", null, null, null, null))).isEmpty();
        assertThat(items(new ChangeQuery("ashamed", null, null, null, null))).containsExactlyInAnyOrder("Tears", "P01: P felt ashamed");
        assertThat(items(new ChangeQuery(null, judgeId, ItemType.DOMAIN, null, null))).containsExactly("Consequences");
        assertThat(items(new ChangeQuery(null, null, ItemType.PLACEMENT, null, null))).containsExactly("Tears");
        assertThat(items(new ChangeQuery(null, null, ItemType.DOMAIN, today, today))).hasSize(2);
        assertThat(items(new ChangeQuery(null, null, null, today.plusDays(1), null))).isEmpty();
        assertThat(items(new ChangeQuery(null, null, null, null, today.minusDays(1)))).isEmpty();

        mvc.perform(get("/api/studies/" + studyId + "/changes").param("q", "ashamed").param("type", "CORE_IDEA").with(user(auditor)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[0].item").value("P01: P felt ashamed"))
                .andExpect(jsonPath("$[0].action").value("CREATED"))
                .andExpect(jsonPath("$[0].who").value("JUDGE"))
                .andExpect(jsonPath("$[0].after").value("text: P felt ashamed\ndomain: Consequences\norder: 1"));
        mvc.perform(get("/studies/" + studyId + "/changes").param("q", "antecedents").param("who", "").param("type", "")
                        .param("from", today.toString()).param("to", "").with(user(auditor)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("One change"),
                                org.hamcrest.Matchers.containsString("Feelings before 100% of sessions"))));
    }

    @Test
    void theLogComesAHundredEntriesAPageNewestFirst() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            rows.append("P01,Event,Tears,idea ").append(i).append('\n');
        }
        as(lead, () -> importer.importFile(studyId, lead, "a.csv", csv(rows.toString())));

        ChangePage first = changeLog.search(studyId, auditor, ChangeQuery.everything(), 0);
        ChangePage second = changeLog.search(studyId, auditor, ChangeQuery.everything(), 1);
        assertThat(first.total()).isGreaterThan(120);
        assertThat(first.changes()).hasSize(100);
        assertThat(first.hasOlder()).isTrue();
        assertThat(second.changes()).hasSize((int) first.total() - 100);
        assertThat(first.changes().get(0).at()).isAfterOrEqualTo(second.changes().get(0).at());
        assertThat(first.changes().get(0).id()).isGreaterThan(second.changes().get(0).id());
        mvc.perform(get("/api/studies/" + studyId + "/changes").param("page", "1").with(user(auditor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value((int) first.total() - 100));
    }

    private List<String> items(ChangeQuery query) {
        return changeLog.search(studyId, auditor, query, 0).changes().stream().map(Change::item).toList();
    }

    private long subsample() {
        return caseService.design(studyId, lead).defaultSubsample().id();
    }

    private static byte[] csv(String rows) {
        return ("Case,Domain,Category,Core idea\n" + rows).getBytes(StandardCharsets.UTF_8);
    }

    private long domainId(String name) {
        return domainService.domains(studyId, lead).stream().filter(d -> d.getName().equals(name)).findFirst().orElseThrow().getId();
    }

    private long ideaId(String text) {
        return coreIdeas.findByStudyId(studyId).stream().filter(i -> i.getBody().equals(text)).findFirst().orElseThrow().getId();
    }

    /** Categories are the cross-analysis module's own; their ids are read back from the log of their creation. */
    private long categoryId(String name) {
        return changeLog.search(studyId, lead, new ChangeQuery(null, null, ItemType.CATEGORY, null, null), 0).changes().stream()
                .filter(c -> name.equals(c.item()) && c.action() == ChangeAction.CREATED).findFirst().orElseThrow().itemId();
    }

    private <T> T as(String username, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }
}
