package org.cqrworkbench.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@FlowTest
class AccountFlowTest {

    static final String ADMIN_PASSWORD = "admin-password-for-tests";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UserAccountRepository accounts;

    @Test
    void administratorIsCreatedOnFirstStartWithThePasswordFromTheEnvironment() throws Exception {
        UserAccount admin = accounts.findByUsername("admin").orElseThrow();
        assertThat(admin.isSiteAdmin()).isTrue();
        assertThat(admin.getPasswordHash()).startsWith("{bcrypt}").doesNotContain(ADMIN_PASSWORD);
        mvc.perform(formLogin().user("admin").password(ADMIN_PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void repeatedFailedLoginsLockTheAccountWithAClearMessage() throws Exception {
        String judge = data.user("judge");
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(judge).password("not the password")).andExpect(redirectedUrl("/login?error"));
        }
        // Even the right password is refused while the lock lasts.
        mvc.perform(formLogin().user(judge).password(TestData.PASSWORD)).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/api/studies").with(httpBasic(judge, TestData.PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(get("/login").param("locked", "")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("locked for a while")));
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() throws Exception {
        String judge = data.user("judge");
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin().user(judge).password("not the password"));
        }
        mvc.perform(formLogin().user(judge).password(TestData.PASSWORD)).andExpect(redirectedUrl("/"));
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin().user(judge).password("not the password"));
        }
        mvc.perform(formLogin().user(judge).password(TestData.PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void administratorCreatesDisablesAndReenablesAccounts() throws Exception {
        mvc.perform(post("/admin/users").param("username", "m.chen").param("displayName", "Mei Chen")
                        .param("password", "a long enough password").with(user("admin").roles("USER", "ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        long id = accounts.findByUsername("m.chen").orElseThrow().getId();
        mvc.perform(formLogin().user("m.chen").password("a long enough password")).andExpect(redirectedUrl("/"));

        mvc.perform(post("/admin/users/" + id + "/enabled").param("enabled", "false")
                .with(user("admin").roles("USER", "ADMIN")).with(csrf()));
        mvc.perform(formLogin().user("m.chen").password("a long enough password")).andExpect(redirectedUrl("/login?disabled"));

        mvc.perform(post("/admin/users/" + id + "/enabled").param("enabled", "true")
                .with(user("admin").roles("USER", "ADMIN")).with(csrf()));
        mvc.perform(post("/admin/users/" + id + "/password").param("password", "a brand new password")
                .with(user("admin").roles("USER", "ADMIN")).with(csrf()));
        mvc.perform(formLogin().user("m.chen").password("a brand new password")).andExpect(redirectedUrl("/"));
    }

    @Test
    void shortPasswordsAreRefusedAndNoAccountIsCreated() throws Exception {
        mvc.perform(post("/admin/users").param("username", "shorty").param("displayName", "S")
                        .param("password", "elevenchars").with(user("admin").roles("USER", "ADMIN")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attribute("error", "The password must have at least 12 characters."));
        assertThat(accounts.findByUsername("shorty")).isEmpty();
    }

    @Test
    void everyoneChangesTheirOwnPasswordKnowingTheCurrentOne() throws Exception {
        String judge = data.user("judge");
        mvc.perform(post("/account/password").param("currentPassword", "wrong guess here").param("newPassword", "another good password")
                        .param("confirmPassword", "another good password").with(user(judge)).with(csrf()))
                .andExpect(model().attribute("error", "The current password is not right. Nothing was changed."));
        mvc.perform(post("/account/password").param("currentPassword", TestData.PASSWORD).param("newPassword", "another good password")
                        .param("confirmPassword", "another good password").with(user(judge)).with(csrf()))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(formLogin().user(judge).password("another good password")).andExpect(redirectedUrl("/"));
    }

    @Test
    void onlyTheAdministratorCreatesAccountsThroughTheApi() throws Exception {
        String body = "{\"username\": \"api.user\", \"password\": \"twelve chars ok\", \"displayName\": \"Api User\"}";
        String judge = data.user("judge");
        mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/users").with(httpBasic(judge, TestData.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/users").with(httpBasic("admin", ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value("api.user"));
        mvc.perform(post("/api/users").with(httpBasic("admin", ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("There is already an account named api.user."));
    }

    @Test
    void administratorSeesNoStudyDataUnlessAMember() throws Exception {
        String lead = data.user("lead");
        long studyId = data.studyWithTeam(lead, data.user("judge"), data.user("auditor"));
        mvc.perform(get("/studies/" + studyId).with(user("admin").roles("USER", "ADMIN"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/studies/" + studyId + "/cases").with(httpBasic("admin", ADMIN_PASSWORD))).andExpect(status().isNotFound());
    }
}
