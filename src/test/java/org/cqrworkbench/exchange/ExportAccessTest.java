package org.cqrworkbench.exchange;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The whole study leaves only with its lead: it holds every judge's private drafts and every audit thread. */
@FlowTest
class ExportAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;

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
    }

    @Test
    void onlyTheLeadDownloadsTheWholeStudy() throws Exception {
        mvc.perform(get("/studies/" + studyId + "/export.qdpx").with(user(lead))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".qdpx")));
        mvc.perform(get("/api/studies/" + studyId + "/export.qdpx").with(httpBasic(lead, TestData.PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/studies/" + studyId + "/export.qdpx").with(user(judge))).andExpect(status().isForbidden());
        mvc.perform(get("/api/studies/" + studyId + "/export.qdpx").with(httpBasic(auditor, TestData.PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void aStrangerIsToldTheStudyDoesNotExist() throws Exception {
        String stranger = data.user("stranger");
        mvc.perform(get("/studies/" + studyId + "/export.qdpx").with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/api/studies/" + studyId + "/codebook.qdc").with(httpBasic(stranger, TestData.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anEmptyDomainListHasNoCodebookToDownload() throws Exception {
        mvc.perform(get("/api/studies/" + studyId + "/codebook.qdc").with(httpBasic(judge, TestData.PASSWORD)))
                .andExpect(status().isBadRequest());
    }
}
