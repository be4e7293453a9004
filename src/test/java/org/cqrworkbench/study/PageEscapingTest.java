package org.cqrworkbench.study;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.study.StudyService.StudyDetails;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@FlowTest
class PageEscapingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    StudyService studies;

    @Test
    void markupTypedByUsersIsShownAsTextNeverRun() throws Exception {
        String lead = data.user("lead");
        String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        long id = studies.create(lead, new StudyDetails(hostile, hostile, hostile, hostile)).getId();
        for (String page : new String[] {"/", "/studies/" + id, "/studies/" + id + "/settings", "/studies/" + id + "/team"}) {
            mvc.perform(get(page).with(user(lead)))
                    .andExpect(content().string(not(containsString("<script>alert"))))
                    .andExpect(content().string(not(containsString("<img src=x"))))
                    .andExpect(content().string(containsString("&lt;script&gt;")));
        }
    }
}
