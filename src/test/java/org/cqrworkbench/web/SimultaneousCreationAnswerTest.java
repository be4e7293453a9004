package org.cqrworkbench.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** When two people create the same thing at once, the one the database refuses hears 409, not a server error. */
class SimultaneousCreationAnswerTest {

    @RestController
    static class CreatesTwice {
        @PostMapping("/api/things")
        void create() {
            throw new DuplicateKeyException("uk_transcript_case");
        }
    }

    @Test
    void theRefusedCreationIsAnsweredWithAConflict() throws Exception {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("conflict.generic", java.util.Locale.getDefault(), "Someone else saved the same thing.");
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new CreatesTwice()).setControllerAdvice(new ApiErrorHandling(messages)).build();
        mvc.perform(post("/api/things"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Someone else saved the same thing."));
    }
}
