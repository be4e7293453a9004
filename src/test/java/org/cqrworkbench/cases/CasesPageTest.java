package org.cqrworkbench.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@FlowTest
class CasesPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    CaseService caseService;

    String lead;
    long studyId;

    @BeforeEach
    void study() {
        lead = data.user("lead");
        studyId = data.studyWithTeam(lead, data.user("judge"), data.user("auditor"));
    }

    @Test
    void leadAddsACaseWithAttributesFromTheForm() throws Exception {
        mvc.perform(post("/studies/" + studyId + "/cases").param("code", "P01")
                        .param("attrName", "age").param("attrValue", "34").with(user(lead)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(caseService.caseByCode(studyId, lead, "P01").getAttributes()).containsEntry("age", "34");
    }

    @Test
    void staleCaseEditIsRefusedAndShowsTheSavedVersion() throws Exception {
        StudyCase created = caseService.createCase(studyId, lead,
                new CaseService.CaseForm("P02", java.util.Map.of("age", "30"), null, null));
        String url = "/studies/" + studyId + "/cases/P02";
        mvc.perform(post(url).param("id", created.getId().toString()).param("version", "0").param("newCode", "P02")
                .param("attrName", "age").param("attrValue", "31").with(user(lead)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(url).param("id", created.getId().toString()).param("version", "0").param("newCode", "P02")
                        .param("attrName", "age").param("attrValue", "99").with(user(lead)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeExists("saved"));
        assertThat(caseService.caseByCode(studyId, lead, "P02").getAttributes()).containsEntry("age", "31");
    }
}
