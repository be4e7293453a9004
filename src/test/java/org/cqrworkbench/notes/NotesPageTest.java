package org.cqrworkbench.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@FlowTest
class NotesPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    StudyNoteRepository notes;

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
    void aJudgeWritesANoteThatTheWholeTeamReads() throws Exception {
        mvc.perform(post(page()).param("title", "Tears as relief").param("body", "Several trainees call crying a relief.")
                .with(user(judge)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(page()).with(user(auditor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tears as relief")))
                .andExpect(content().string(containsString("Several trainees call crying a relief.")))
                .andExpect(content().string(not(containsString("id=\"note-form\""))));
    }

    @Test
    void anEmptyNoteIsRefusedWithAMessageAndNothingIsSaved() throws Exception {
        mvc.perform(post(page()).param("title", "Only a title").param("body", "  ").with(user(judge)).with(csrf()))
                .andExpect(flash().attribute("error", containsString("Write the note")));
        assertThat(notes.findByStudyIdOrderByCreatedAtDescIdDesc(studyId)).isEmpty();
    }

    @Test
    void anAuditorCannotWriteOrRemoveNotes() throws Exception {
        mvc.perform(post(page()).param("body", "x").with(user(auditor)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(page()).param("body", "Mine").with(user(judge)).with(csrf()));
        long noteId = notes.findByStudyIdOrderByCreatedAtDescIdDesc(studyId).get(0).getId();
        mvc.perform(post(page() + "/" + noteId + "/delete").with(user(auditor)).with(csrf())).andExpect(status().isForbidden());
        assertThat(notes.findById(noteId)).isPresent();
    }

    @Test
    void theLeadMayRemoveAnyNoteAndAJudgeOnlyTheirOwn() throws Exception {
        mvc.perform(post(page()).param("body", "By the lead").with(user(lead)).with(csrf()));
        long leadsNote = notes.findByStudyIdOrderByCreatedAtDescIdDesc(studyId).get(0).getId();
        mvc.perform(post(page() + "/" + leadsNote + "/delete").with(user(judge)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(page()).param("body", "By the judge").with(user(judge)).with(csrf()));
        long judgesNote = notes.findByStudyIdOrderByCreatedAtDescIdDesc(studyId).get(0).getId();
        mvc.perform(post(page() + "/" + judgesNote + "/delete").with(user(lead)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(notes.findById(judgesNote)).isEmpty();
        assertThat(notes.findById(leadsNote)).isPresent();
    }

    @Test
    void someoneOutsideTheStudyIsToldItDoesNotExist() throws Exception {
        mvc.perform(get(page()).with(user(data.user("stranger")))).andExpect(status().isNotFound());
    }

    private String page() {
        return "/studies/" + studyId + "/notes";
    }
}
