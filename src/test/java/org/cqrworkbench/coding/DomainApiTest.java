package org.cqrworkbench.coding;

import static org.hamcrest.Matchers.contains;
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
import org.springframework.test.web.servlet.ResultActions;

@FlowTest
class DomainApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;

    String lead;
    String judge;
    String auditor;
    long studyId;

    @BeforeEach
    void team() {
        lead = data.user("lead");
        judge = data.user("judge");
        auditor = data.user("auditor");
        studyId = data.studyWithTeam(lead, judge, auditor);
    }

    @Test
    void aJudgeCreatesDomainsAndSubdomainsThatEveryMemberCanList() throws Exception {
        String id = create(judge, "{\"name\": \"Event\", \"definition\": \"What happened\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString().replaceAll(".*\"id\":(\\d+).*", "$1");
        create(lead, "{\"name\": \"Onset\", \"parentId\": " + id + "}").andExpect(status().isCreated());
        mvc.perform(get(base()).with(httpBasic(auditor, TestData.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", contains("Event", "Onset")))
                .andExpect(jsonPath("$[0].definition").value("What happened"))
                .andExpect(jsonPath("$[1].parentId").value(Long.parseLong(id)));
    }

    @Test
    void anAuditorMayNotCreateADomain() throws Exception {
        create(auditor, "{\"name\": \"Event\"}")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(base()).with(httpBasic(lead, TestData.PASSWORD))).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void aDuplicateNameInAnyLetterCaseOrAnUnknownParentIsRefusedWith400() throws Exception {
        create(judge, "{\"name\": \"Event\"}").andExpect(status().isCreated());
        create(judge, "{\"name\": \" EVENT \"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("There is already a domain named Event."));
        create(judge, "{\"name\": \"Onset\", \"parentId\": 999999}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("There is no such domain to put it under."));
        mvc.perform(get(base()).with(httpBasic(judge, TestData.PASSWORD))).andExpect(jsonPath("$", hasSize(1)));
    }

    private ResultActions create(String username, String body) throws Exception {
        return mvc.perform(post(base()).with(httpBasic(username, TestData.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String base() {
        return "/api/studies/" + studyId + "/domains";
    }
}
