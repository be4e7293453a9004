package org.cqrworkbench.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coding.CodingService;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coreidea.CoreIdeaEditing;
import org.cqrworkbench.crossanalysis.CrossAnalysisImport;
import org.cqrworkbench.study.StudyService;
import org.cqrworkbench.transcript.TranscriptService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Auditors read everything and change nothing. Every request that can change a study, read from Spring MVC's
 * mappings rather than listed by hand, is sent by an auditor of that study with real ids and plausible
 * parameters, and must be refused with 403. Only the auditor's own work is allowed: comments, replies,
 * marking a review done, and their own biases.
 */
@FlowTest
class AuditorsNeverEditTest {

    static final Set<String> AUDITORS_OWN = Set.of(
            "/studies/{studyId}/audit/comments",
            "/studies/{studyId}/audit/comments/{commentId}/reply",
            "/studies/{studyId}/audit/requests/{requestId}/reviewed",
            "/api/studies/{studyId}/audit/comments",
            "/studies/{studyId}/team/biases");

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
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
    CoreIdeaEditing coreIdeas;
    @Autowired
    CrossAnalysisImport importer;
    @Autowired
    AuditService audit;

    @Test
    void everyRequestThatChangesAStudyRefusesItsAuditor() throws Exception {
        String lead = data.user("lead");
        String judge = data.user("judge");
        String auditor = data.user("auditor");
        long studyId = data.studyWithTeam(lead, judge, auditor);
        StudyCase studyCase = caseService.createCase(studyId, lead, new CaseService.CaseForm("P01", null, null, null));
        String text = "Participant: My client cried and I cried with her.";
        transcripts.store(studyCase.getId(), text, "P01.txt");
        importer.importFile(studyId, lead, "a.csv", "Case,Domain,Category,Core idea\nP01,Event,Tears,P cried\nP02,Event,Tears,P wept\n"
                .getBytes(StandardCharsets.UTF_8));
        long domainId = domains.domains(studyId, lead).get(0).getId();
        long subsampleId = caseService.design(studyId, lead).defaultSubsample().id();
        long codingId = codingService.code(studyId, lead, "P01", domainId, 13, 30, false).getId();
        long coreIdeaId = coreIdeas.add(studyId, lead, "P01", subsampleId, domainId, "P cried too.", Set.of(codingId)).getId();
        long memberId = studies.team(studyId, lead).get(0).getId();
        long auditorId = studies.team(studyId, lead).stream().filter(m -> m.getUser().getUsername().equals(auditor)).findFirst()
                .orElseThrow().getUser().getId();
        long requestId = audit.request(studyId, lead, AuditStep.DOMAINS, Set.of(studyCase.getId()), Set.of(auditorId), null).getId();
        long commentId = audit.comment(studyId, auditor, new AuditService.NewComment(ItemType.CODING, codingId, null, null, "x", null, null)).getId();
        long categoryId = mvcCategoryId(studyId, lead);

        Map<String, String> pathValues = Map.ofEntries(
                Map.entry("studyId", String.valueOf(studyId)), Map.entry("code", "P01"), Map.entry("domainId", String.valueOf(domainId)),
                Map.entry("categoryId", String.valueOf(categoryId)), Map.entry("codingId", String.valueOf(codingId)),
                Map.entry("id", String.valueOf(coreIdeaId)), Map.entry("action", "up"), Map.entry("subsampleId", String.valueOf(subsampleId)),
                Map.entry("memberId", String.valueOf(memberId)), Map.entry("requestId", String.valueOf(requestId)),
                Map.entry("commentId", String.valueOf(commentId)), Map.entry("extension", "csv"), Map.entry("noteId", "1"));
        Map<String, String> params = Map.ofEntries(
                Map.entry("subsample", String.valueOf(subsampleId)), Map.entry("domain", String.valueOf(domainId)),
                Map.entry("version", "0"), Map.entry("name", "Renamed"), Map.entry("text", "Changed"), Map.entry("body", "Changed"),
                Map.entry("direction", "up"), Map.entry("decision", "ACCEPTED"), Map.entry("role", "LEAD"), Map.entry("username", auditor),
                Map.entry("done", "true"), Map.entry("mode", "INDEPENDENT"), Map.entry("step", "DOMAINS_CODED"),
                Map.entry("generalRule", "ALL"), Map.entry("rare", "ON"), Map.entry("codingId", String.valueOf(codingId)),
                Map.entry("categoryId", String.valueOf(categoryId)), Map.entry("targetId", String.valueOf(categoryId)),
                Map.entry("idea", String.valueOf(coreIdeaId)), Map.entry("coding", String.valueOf(codingId)), Map.entry("code", "P09"),
                Map.entry("newCode", "P09"), Map.entry("id", String.valueOf(studyCase.getId())), Map.entry("enabled", "false"),
                Map.entry("definition", "x"), Map.entry("outline", "A\nB"), Map.entry("pasted", "Interviewer: x"),
                Map.entry("researchQuestion", "x"), Map.entry("description", "x"), Map.entry("abbreviations", "x"),
                Map.entry("tableTitle", "x"), Map.entry("confirm", "1"), Map.entry("replace", "1"), Map.entry("noted", "1"), Map.entry("token", "any"), Map.entry("source", String.valueOf(categoryId)));
        String json = "{\"domainId\": " + domainId + ", \"start\": 13, \"end\": 20, \"version\": 0, \"name\": \"x\", \"code\": \"P09\","
                + " \"text\": \"x\", \"domain\": \"Event\", \"username\": \"" + auditor + "\", \"role\": \"LEAD\", \"decision\": \"ACCEPTED\","
                + " \"generalRule\": \"ALL\", \"rare\": \"ON\"}";

        List<String> notRefused = new ArrayList<>();
        int checked = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                boolean inStudy = pattern.startsWith("/studies/{studyId}") || pattern.startsWith("/api/studies/{studyId}");
                if (!inStudy || AUDITORS_OWN.contains(pattern)) {
                    continue;
                }
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
                        continue;
                    }
                    String path = pattern;
                    for (var value : pathValues.entrySet()) {
                        path = path.replace("{" + value.getKey() + "}", value.getValue());
                    }
                    AbstractMockHttpServletRequestBuilder<?> request = pattern.contains("import") || pattern.contains("transcript") || pattern.contains("codebook")
                            ? multipart(HttpMethod.valueOf(method.name()), path).file(new MockMultipartFile("file", "P01.txt", "text/plain",
                                    "Case,Domain,Category,Core idea\nP01,Event,Tears,x\n".getBytes(StandardCharsets.UTF_8)))
                            : request(HttpMethod.valueOf(method.name()), path);
                    params.forEach(request::param);
                    if (pattern.startsWith("/api/")) {
                        request.with(httpBasic(auditor, TestData.PASSWORD));
                        if (!(request instanceof org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder)) {
                            request.contentType("application/json").content(json);
                        }
                    } else {
                        request.with(user(auditor)).with(csrf());
                        if (pattern.contains("/coding/codings")) {
                            request.contentType("application/json").content(json);
                        }
                    }
                    int status = mvc.perform(request).andReturn().getResponse().getStatus();
                    checked++;
                    if (status != 403) {
                        notRefused.add(method + " " + pattern + " → " + status);
                    }
                }
            }
        }
        assertThat(checked).as("mutating endpoints checked").isGreaterThan(40);
        assertThat(notRefused).as("requests an auditor was not refused").isEmpty();
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private long mvcCategoryId(long studyId, String lead) {
        return jdbc.queryForObject("select min(id) from category where study_id = ?", Long.class, studyId);
    }
}
