package org.cqrworkbench.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.CaseStep;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coding.Coding;
import org.cqrworkbench.coding.CodingService;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coreidea.CoreIdea;
import org.cqrworkbench.coreidea.CoreIdeaEditing;
import org.cqrworkbench.coreidea.CoreIdeaRepository;
import org.cqrworkbench.study.StudyRole;
import org.cqrworkbench.study.StudyService;
import org.cqrworkbench.transcript.TranscriptService;
import org.cqrworkbench.web.ForbiddenException;
import org.cqrworkbench.web.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@FlowTest
class AuditFlowTest {

    static final String TEXT = "Participant: My client cried about her father and I cried too.";

    @Autowired
    AuditService audit;
    @Autowired
    AuditView view;
    @Autowired
    TestData data;
    @Autowired
    StudyService studies;
    @Autowired
    CaseService caseService;
    @Autowired
    TranscriptService transcripts;
    @Autowired
    DomainService domains;
    @Autowired
    CodingService codingService;
    @Autowired
    CoreIdeaEditing coreIdeaEditing;
    @Autowired
    CoreIdeaRepository coreIdeas;
    @Autowired
    MockMvc mvc;

    String lead;
    String judge;
    String auditor;
    String second;
    String third;
    long studyId;
    StudyCase studyCase;
    long antecedents;
    long event;
    Coding coding;
    CoreIdea idea;

    @BeforeEach
    void study() {
        lead = data.user("lead");
        judge = data.user("judge");
        auditor = data.user("auditor");
        studyId = data.studyWithTeam(lead, judge, auditor);
        second = data.user("second");
        third = data.user("third");
        studies.addMember(studyId, lead, second, StudyRole.AUDITOR);
        studies.addMember(studyId, lead, third, StudyRole.AUDITOR);
        studyCase = caseService.createCase(studyId, lead, new CaseService.CaseForm("P01", null, null, null));
        transcripts.store(studyCase.getId(), TEXT, "P01.txt");
        antecedents = domains.create(studyId, lead, "Antecedents", null, null).getId();
        event = domains.create(studyId, lead, "Event", null, null).getId();
        coding = codingService.code(studyId, judge, "P01", antecedents, TEXT.indexOf("I cried"), TEXT.length(), false);
        idea = coreIdeaEditing.add(studyId, judge, "P01", caseService.design(studyId, lead).defaultSubsample().id(), event,
                "P cried.", Set.of());
    }

    @Test
    void auditorsAreSuggestedInTurnTwoAtATime() {
        List<Long> first = ids(audit.suggestedAuditors(studyId, lead));
        assertThat(first).hasSize(2);
        audit.request(studyId, lead, AuditStep.DOMAINS, Set.of(studyCase.getId()), first, null);
        List<Long> next = ids(audit.suggestedAuditors(studyId, lead));
        assertThat(next).hasSize(2).isNotEqualTo(first);
        assertThat(next.get(0)).isEqualTo(first.get(1));
    }

    @Test
    void aFullRoundMarksTheCaseAuditedOnlyWhenReviewedAndEveryThreadIsClosed() {
        long auditorId = userId(auditor);
        AuditRequest request = audit.request(studyId, judge, AuditStep.DOMAINS, Set.of(studyCase.getId()), Set.of(auditorId), "Please look");
        assertThat(view.navCount(studyId, auditor)).isEqualTo(1);

        AuditComment comment = audit.comment(studyId, auditor, new AuditService.NewComment(ItemType.CODING, coding.getId(), null, null,
                "This is the crying itself, not what led to it.", null, event));
        assertThat(comment.getRequestId()).isEqualTo(request.getId());
        assertThat(comment.getItemLabel()).contains("P01").contains("Antecedents").contains("I cried too.");
        assertThat(view.navCount(studyId, judge)).isEqualTo(1);

        // Accepted with the change made: the coding moves to the suggested domain.
        audit.answer(studyId, judge, comment.getId(), ReplyKind.ACCEPTED, "Agreed.", true);
        assertThat(codingService.caseCodings(studyId, lead, "P01").consensus()).singleElement()
                .satisfies(c -> assertThat(c.getDomainId()).isEqualTo(event));
        audit.markReviewed(studyId, auditor, request.getId());
        assertThat(steps()).doesNotContain(CaseStep.AUDITED);

        audit.reply(studyId, auditor, comment.getId(), "Thank you.", true);
        assertThat(steps()).contains(CaseStep.AUDITED);
        var thread = view.all(studyId, lead, null).get(0);
        assertThat(thread.comment().getStatus()).isEqualTo(ThreadStatus.CLOSED);
        assertThat(thread.entries()).extracting(AuditView.Entry::kind)
                .containsExactly(ReplyKind.ACCEPTED, ReplyKind.REPLY, ReplyKind.CLOSED);
        assertThat(thread.entries().get(0).body()).contains("Agreed.").contains("coded into Event");
        assertThat(changeLog.answering(studyId, lead, comment.getId())).as("the change made in answer is linked to the comment")
                .isNotEmpty();
    }

    @Autowired
    org.cqrworkbench.changelog.ChangeLog changeLog;

    @Test
    void notAcceptingNeedsAReasonAndTheLeadMayCloseAThread() {
        AuditComment comment = audit.comment(studyId, auditor, new AuditService.NewComment(ItemType.CORE_IDEA, idea.getId(), null, null,
                "Too short.", "P cried in session with C.", null));
        assertThatThrownBy(() -> audit.answer(studyId, judge, comment.getId(), ReplyKind.NOT_ACCEPTED, " ", false))
                .hasMessage("audit.answer.reason");
        audit.answer(studyId, judge, comment.getId(), ReplyKind.NOT_ACCEPTED, "Short is the point of a core idea.", false);
        assertThat(coreIdeas.findById(idea.getId()).orElseThrow().getBody()).isEqualTo("P cried.");
        assertThatThrownBy(() -> audit.closeThread(studyId, judge, comment.getId(), null)).isInstanceOf(ForbiddenException.class);
        audit.closeThread(studyId, lead, comment.getId(), "Settled in the team meeting.");
        assertThat(view.all(studyId, auditor, ThreadStatus.CLOSED)).hasSize(1);
        assertThatThrownBy(() -> audit.answer(studyId, judge, comment.getId(), ReplyKind.ACCEPTED, null, false))
                .hasMessage("audit.thread.closed");
    }

    @Test
    void anAuditorMayCommentOnTheStepAsAWholeThroughTheQueuePage() throws Exception {
        long auditorId = userId(auditor);
        AuditRequest request = audit.request(studyId, lead, AuditStep.CROSS_ANALYSIS, Set.of(event), Set.of(auditorId), null);
        mvc.perform(post("/studies/" + studyId + "/audit/comments").with(user(auditor))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("itemType", "STEP").param("requestId", String.valueOf(request.getId()))
                        .param("body", "The categories of Event overlap a great deal."))
                .andExpect(status().is3xxRedirection());
        assertThat(view.all(studyId, lead, ThreadStatus.OPEN)).singleElement().satisfies(t -> {
            assertThat(t.comment().getItemLabel()).startsWith("The audit of cross analysis");
            assertThat(t.comment().getRequestId()).isEqualTo(request.getId());
        });
    }

    @Test
    void onlyAuditorsCommentAndOnlyTheTeamAnswers() {
        var form = new AuditService.NewComment(ItemType.CODING, coding.getId(), null, null, "x", null, null);
        assertThatThrownBy(() -> audit.comment(studyId, judge, form)).isInstanceOf(ForbiddenException.class);
        AuditComment comment = audit.comment(studyId, auditor, form);
        assertThatThrownBy(() -> audit.answer(studyId, auditor, comment.getId(), ReplyKind.ACCEPTED, null, false))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> audit.comment(studyId, auditor, new AuditService.NewComment(ItemType.CODING, 999999L, null, null, "x", null, null)))
                .hasMessage("audit.item.notFound");
        assertThatThrownBy(() -> audit.request(studyId, lead, AuditStep.DOMAINS, Set.of(studyCase.getId()), Set.of(userId(judge)), null))
                .isInstanceOf(InvalidInputException.class).hasMessage("audit.auditors.notAuditors");
    }

    @Test
    void apiCommentsAndAnswersWithRolesChecked() throws Exception {
        String comment = "{\"itemType\": \"CORE_IDEA\", \"itemId\": " + idea.getId() + ", \"text\": \"Say who cried.\", \"suggestion\": \"P cried with C.\"}";
        mvc.perform(post(url()).with(httpBasic(judge, TestData.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(comment))
                .andExpect(status().isForbidden());
        mvc.perform(post(url()).with(httpBasic(data.user("stranger"), TestData.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(comment))
                .andExpect(status().isNotFound());
        String created = mvc.perform(post(url()).with(httpBasic(auditor, TestData.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(comment))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
        String answer = "{\"decision\": \"ACCEPTED\", \"text\": \"Reworded.\", \"apply\": true}";
        mvc.perform(post(url() + "/" + id + "/answers").with(httpBasic(auditor, TestData.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(answer))
                .andExpect(status().isForbidden());
        mvc.perform(post(url() + "/" + id + "/answers").with(httpBasic(judge, TestData.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(answer))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ANSWERED"))
                .andExpect(jsonPath("$.decision").value("ACCEPTED"));
        assertThat(coreIdeas.findById(idea.getId()).orElseThrow().getBody()).isEqualTo("P cried with C.");
        mvc.perform(get(url()).with(httpBasic(lead, TestData.PASSWORD)))
                .andExpect(jsonPath("$[0].thread[0].kind").value("ACCEPTED"));
    }

    @Test
    void reportListsEveryCommentWithItsAnswer() throws Exception {
        AuditComment comment = audit.comment(studyId, auditor, new AuditService.NewComment(ItemType.CORE_IDEA, idea.getId(), null, null,
                "Too short.", null, null));
        audit.answer(studyId, judge, comment.getId(), ReplyKind.NOT_ACCEPTED, "It is enough.", false);
        byte[] xlsx = mvc.perform(get("/studies/" + studyId + "/audit/report.xlsx").with(user(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var row = workbook.getSheetAt(0).getRow(2);
            assertThat(row.getCell(1).getStringCellValue()).contains("Core idea of P01");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("Too short.");
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("not accepted");
            assertThat(row.getCell(6).getStringCellValue()).isEqualTo("It is enough.");
        }
        mvc.perform(get("/studies/" + studyId + "/audit/report.docx").with(user(lead))).andExpect(status().isOk());
    }

    private String url() {
        return "/api/studies/" + studyId + "/audit/comments";
    }

    private java.util.Set<CaseStep> steps() {
        return caseService.steps(studyId, lead, studyCase.getId());
    }

    private long userId(String username) {
        return studies.team(studyId, lead).stream().filter(m -> m.getUser().getUsername().equals(username)).findFirst().orElseThrow()
                .getUser().getId();
    }

    private static List<Long> ids(List<org.cqrworkbench.study.StudyMember> members) {
        return members.stream().map(m -> m.getUser().getId()).toList();
    }
}
