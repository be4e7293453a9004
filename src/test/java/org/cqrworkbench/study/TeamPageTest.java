package org.cqrworkbench.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@FlowTest
class TeamPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    StudyService studies;

    String lead;
    String judge;
    String auditor;
    long studyId;

    @BeforeEach
    void setUpTeam() {
        lead = data.user("lead");
        judge = data.user("judge");
        auditor = data.user("auditor");
        studyId = data.studyWithTeam(lead, judge, auditor);
    }

    @Test
    void removingTheLastLeadIsRefusedWithAMessage() throws Exception {
        long leadMemberId = memberId(lead);
        mvc.perform(post(team() + "/" + leadMemberId + "/remove").with(user(lead)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "A study always keeps at least one lead. Make someone else lead first."));
        mvc.perform(post(team() + "/" + leadMemberId + "/role").param("role", "JUDGE").with(user(lead)).with(csrf()))
                .andExpect(flash().attribute("error", "A study always keeps at least one lead. Make someone else lead first."));
        assertThat(roleOf(lead)).isEqualTo(StudyRole.LEAD);
    }

    @Test
    void aLeadMayStepDownOnceAnotherLeadExists() throws Exception {
        mvc.perform(post(team() + "/" + memberId(judge) + "/role").param("role", "LEAD").with(user(lead)).with(csrf()));
        mvc.perform(post(team() + "/" + memberId(lead) + "/remove").with(user(lead)).with(csrf()))
                .andExpect(flash().attributeCount(0));
        assertThat(studies.studiesOf(lead)).isEmpty();
        assertThat(roleOf(judge)).isEqualTo(StudyRole.LEAD);
    }

    @Test
    void judgeCannotChangeTheTeam() throws Exception {
        mvc.perform(post(team()).param("username", auditor).param("role", "LEAD").with(user(judge)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(team() + "/" + memberId(auditor) + "/remove").with(user(judge)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(roleOf(auditor)).isEqualTo(StudyRole.AUDITOR);
    }

    @Test
    void eachMemberRecordsTheirOwnBiasesAndStaleEditsAreRefused() throws Exception {
        long version = studies.team(studyId, auditor).stream().filter(m -> m.getUser().getUsername().equals(auditor))
                .findFirst().orElseThrow().getVersion();
        mvc.perform(post(team() + "/biases").param("version", String.valueOf(version))
                        .param("biases", "I expect tears to help.").with(user(auditor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(team() + "/biases").param("version", String.valueOf(version))
                        .param("biases", "A stale second window.").with(user(auditor)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
                        .attribute("savedBiases", "I expect tears to help."));
        assertThat(studies.team(studyId, lead)).filteredOn(m -> m.getUser().getUsername().equals(auditor))
                .extracting(StudyMember::getBiases).containsExactly("I expect tears to help.");
    }

    @Test
    void pagePostsWithoutCsrfTokenAreRejected() throws Exception {
        mvc.perform(post(team()).param("username", auditor).param("role", "LEAD").with(user(lead)))
                .andExpect(status().isForbidden());
        assertThat(roleOf(auditor)).isEqualTo(StudyRole.AUDITOR);
    }

    @Test
    void nonMemberGets404PageForTheTeam() throws Exception {
        String outsider = data.user("outsider");
        mvc.perform(get(team()).with(user(outsider))).andExpect(status().isNotFound());
    }

    private String team() {
        return "/studies/" + studyId + "/team";
    }

    private long memberId(String username) {
        return studies.team(studyId, lead).stream().filter(m -> m.getUser().getUsername().equals(username))
                .findFirst().orElseThrow().getId();
    }

    private StudyRole roleOf(String username) {
        return studies.team(studyId, username).stream().filter(m -> m.getUser().getUsername().equals(username))
                .findFirst().orElseThrow().getRole();
    }
}
