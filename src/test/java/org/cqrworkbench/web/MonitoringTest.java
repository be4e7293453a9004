package org.cqrworkbench.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.cqrworkbench.FlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Monitoring reads whether the workbench is up and which build it runs; nothing else of its insides is reachable. */
@FlowTest
class MonitoringTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anyoneSeesWhetherTheWorkbenchIsUpButNotTheDetails() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health").with(user("judge")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void theSiteAdministratorSeesTheDatabaseAndDiskSpace() throws Exception {
        mvc.perform(get("/actuator/health").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.diskSpace.status").value("UP"));
    }

    @Test
    void infoNamesTheBuild() throws Exception {
        mvc.perform(get("/actuator/info"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.build.artifact").value("cqr-workbench"));
    }

    @Test
    void noOtherEndpointOfTheActuatorIsReachable() throws Exception {
        for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/mappings",
                "/actuator/loggers", "/actuator/metrics", "/actuator/threaddump", "/actuator/heapdump", "/actuator/scheduledtasks")) {
            int anonymous = mvc.perform(get(path)).andReturn().getResponse().getStatus();
            assertThat(anonymous).as(path).isEqualTo(302);
            int admin = mvc.perform(get(path).with(user("admin").roles("ADMIN"))).andReturn().getResponse().getStatus();
            assertThat(admin).as(path).isIn(403, 404);
        }
        int shutdown = mvc.perform(post("/actuator/shutdown").with(user("admin").roles("ADMIN")).with(csrf()))
                .andReturn().getResponse().getStatus();
        assertThat(shutdown).isIn(403, 404);
    }
}
