package org.cqrworkbench.cases;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
class CaseApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    CaseService caseService;

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
    void newStudyHasOneSubsampleHoldingEveryCase() throws Exception {
        post(lead, "{\"code\": \"P01\", \"attributes\": {\"age\": \"31\", \"gender\": \"woman\"}}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("P01"))
                .andExpect(jsonPath("$.attributes.age").value("31"))
                .andExpect(jsonPath("$.subsamples", contains("All cases")));
        mvc.perform(as(auditor, get(base() + "/subsamples")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].n").value(1));
    }

    @Test
    void caseJoinsTheNamedSubsamplesAndEachSubsampleCountsItsCases() throws Exception {
        caseService.addSubsample(studyId, lead, "Cried as client", null);
        caseService.addSubsample(studyId, lead, "Therapist cried", null);
        post(lead, "{\"code\": \"P01\", \"subsamples\": [\"Cried as client\", \"therapist cried\"]}").andExpect(status().isCreated());
        post(lead, "{\"code\": \"P02\", \"subsamples\": [\"Cried as client\"]}").andExpect(status().isCreated());
        mvc.perform(as(judge, get(base() + "/subsamples")))
                .andExpect(jsonPath("$[*].name", contains("All cases", "Cried as client", "Therapist cried")))
                .andExpect(jsonPath("$[*].n", contains(0, 2, 1)));
        mvc.perform(as(judge, get(base() + "/cases")))
                .andExpect(jsonPath("$[0].subsamples", contains("Cried as client", "Therapist cried")));
    }

    @Test
    void duplicateCaseCodeIsRefusedAndNothingChanges() throws Exception {
        post(lead, "{\"code\": \"P07\", \"attributes\": {\"age\": \"40\"}}").andExpect(status().isCreated());
        post(lead, "{\"code\": \" P07 \", \"attributes\": {\"age\": \"22\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("There is already a case P07 in this study."));
        mvc.perform(as(lead, get(base() + "/cases")))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].attributes.age").value("40"));
    }

    @Test
    void emptyOrMalformedCodeAndUnknownSubsampleAreRefused() throws Exception {
        post(lead, "{\"code\": \"\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("The case needs a code."));
        post(lead, "{\"code\": \"Jane Doe\"}").andExpect(status().isBadRequest());
        post(lead, "{\"code\": \"P03\", \"subsamples\": [\"No such kind\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("There is no subsample named \"No such kind\" in this study."));
        mvc.perform(as(lead, get(base() + "/cases"))).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void judgesAndAuditorsReadCasesButOnlyTheLeadAddsThem() throws Exception {
        post(judge, "{\"code\": \"P01\"}").andExpect(status().isForbidden());
        post(auditor, "{\"code\": \"P01\"}").andExpect(status().isForbidden());
        mvc.perform(as(judge, get(base() + "/cases"))).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(as(auditor, get(base() + "/cases"))).andExpect(status().isOk());
    }

    @Test
    void outsidersGet404ForEveryCaseEndpoint() throws Exception {
        post(outsider, "{\"code\": \"P01\"}").andExpect(status().isNotFound());
        post(outsider, "{\"code\": \"P01\", \"subsamples\": [\"nope\"]}").andExpect(status().isNotFound());
        mvc.perform(as(outsider, get(base() + "/cases"))).andExpect(status().isNotFound());
        mvc.perform(as(outsider, get(base() + "/subsamples"))).andExpect(status().isNotFound());
        mvc.perform(get(base() + "/subsamples")).andExpect(status().isUnauthorized());
        mvc.perform(as(lead, get(base() + "/cases"))).andExpect(jsonPath("$", hasSize(0)));
    }

    private String base() {
        return "/api/studies/" + studyId;
    }

    private org.springframework.test.web.servlet.ResultActions post(String user, String body) throws Exception {
        return mvc.perform(as(user, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(base() + "/cases")
                .contentType(MediaType.APPLICATION_JSON).content(body)));
    }

    private static MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(username, TestData.PASSWORD));
    }
}
