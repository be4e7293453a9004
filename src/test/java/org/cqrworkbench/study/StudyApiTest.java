package org.cqrworkbench.study;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@FlowTest
class StudyApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;

    String lead;
    String judge;
    String auditor;
    String outsider;
    long studyId;

    @BeforeEach
    void team() {
        lead = data.user("lead");
        judge = data.user("judge");
        auditor = data.user("auditor");
        outsider = data.user("outsider");
        studyId = data.studyWithTeam(lead, judge, auditor);
    }

    @Test
    void listsOnlyTheCallersStudiesWithTheirRole() throws Exception {
        mvc.perform(as(judge, get("/api/studies")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(studyId))
                .andExpect(jsonPath("$[0].role").value("JUDGE"));
        mvc.perform(as(outsider, get("/api/studies"))).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void anyUserCanCreateAStudyAndBecomesItsLead() throws Exception {
        mvc.perform(as(outsider, json(post("/api/studies"), "{\"name\": \"Grief in supervision\"}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Grief in supervision"));
        mvc.perform(as(outsider, get("/api/studies")))
                .andExpect(jsonPath("$[0].name").value("Grief in supervision"))
                .andExpect(jsonPath("$[0].role").value("LEAD"));
    }

    @Test
    void studyWithoutNameIsRefusedWithProblemJson() throws Exception {
        mvc.perform(as(outsider, json(post("/api/studies"), "{\"name\": \"  \"}")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The study needs a name."));
        mvc.perform(as(outsider, get("/api/studies"))).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void requestsWithoutCredentialsGet401() throws Exception {
        mvc.perform(get("/api/studies")).andExpect(status().isUnauthorized());
        mvc.perform(json(post("/api/studies"), "{\"name\": \"x\"}")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/studies/" + studyId + "/cases")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/studies").with(httpBasic(lead, "wrong password!"))).andExpect(status().isUnauthorized());
    }

    @Test
    void leadAddsMembers() throws Exception {
        String newcomer = data.user("newcomer");
        mvc.perform(as(lead, json(post("/api/studies/" + studyId + "/members"),
                        "{\"username\": \"" + newcomer + "\", \"role\": \"AUDITOR\"}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("AUDITOR"));
        mvc.perform(as(newcomer, get("/api/studies"))).andExpect(jsonPath("$[0].role").value("AUDITOR"));
    }

    @Test
    void onlyTheLeadAddsMembersAndOutsidersDoNotLearnTheStudyExists() throws Exception {
        String body = "{\"username\": \"" + outsider + "\", \"role\": \"JUDGE\"}";
        mvc.perform(as(judge, json(post("/api/studies/" + studyId + "/members"), body))).andExpect(status().isForbidden());
        mvc.perform(as(auditor, json(post("/api/studies/" + studyId + "/members"), body))).andExpect(status().isForbidden());
        mvc.perform(as(outsider, json(post("/api/studies/" + studyId + "/members"), body))).andExpect(status().isNotFound());
        mvc.perform(as(outsider, json(post("/api/studies/999999/members"), body))).andExpect(status().isNotFound());
        mvc.perform(as(outsider, get("/api/studies"))).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void unknownUsernameOrDuplicateMemberIsRefused() throws Exception {
        mvc.perform(as(lead, json(post("/api/studies/" + studyId + "/members"), "{\"username\": \"nobody\", \"role\": \"JUDGE\"}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("There is no account named \"nobody\". The administrator can create it."));
        mvc.perform(as(lead, json(post("/api/studies/" + studyId + "/members"), "{\"username\": \"" + judge + "\", \"role\": \"LEAD\"}")))
                .andExpect(status().isBadRequest());
        mvc.perform(as(judge, get("/api/studies"))).andExpect(jsonPath("$[0].role").value("JUDGE"));
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        mvc.perform(as(lead, json(post("/api/studies/" + studyId + "/members"), "{not json")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(as(lead, json(post("/api/studies/" + studyId + "/members"), "{\"username\": \"x\", \"role\": \"BOSS\"}")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void apiKeepsNoSession() throws Exception {
        mvc.perform(as(lead, get("/api/studies")))
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getRequest().getSession(false)).isNull())
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getResponse().getHeaders("Set-Cookie"))
                        .noneMatch(c -> c.startsWith("JSESSIONID")));
    }

    static MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(username, TestData.PASSWORD));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
