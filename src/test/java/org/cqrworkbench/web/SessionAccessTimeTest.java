package org.cqrworkbench.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.web.SessionAccessTime.ThrottledSessions;
import org.cqrworkbench.web.SessionAccessTime.ThrottledSessions.ThrottledSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.test.web.servlet.MockMvc;

@FlowTest
class SessionAccessTimeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesWithinAMinuteOfTheLastWriteLeaveTheStoredSessionAlone() throws Exception {
        String judge = data.user("judge");
        Cookie session = mvc.perform(formLogin().user(judge).password(TestData.PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        Object stored = lastAccess(judge);

        Thread.sleep(20);
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());

        assertThat(lastAccess(judge)).isEqualTo(stored);
    }

    @Test
    void theAccessTimeIsWrittenOnceAMinuteHasPassed() {
        MapSessionRepository map = new MapSessionRepository(new java.util.HashMap<>());
        ThrottledSessions<MapSession> sessions = ThrottledSessions.of(map);
        ThrottledSession<MapSession> created = sessions.createSession();
        Instant start = created.getLastAccessedTime();
        sessions.save(created);

        ThrottledSession<MapSession> soon = sessions.findById(created.getId());
        soon.setLastAccessedTime(start.plusSeconds(59));
        sessions.save(soon);
        assertThat(map.findById(created.getId()).getLastAccessedTime()).isEqualTo(start);

        ThrottledSession<MapSession> later = sessions.findById(created.getId());
        later.setLastAccessedTime(start.plus(SessionAccessTime.WRITE_AT_MOST_EVERY));
        sessions.save(later);
        assertThat(map.findById(created.getId()).getLastAccessedTime()).isEqualTo(start.plus(Duration.ofMinutes(1)));
    }

    private Object lastAccess(String username) {
        return jdbc.sql("select last_access_time from spring_session where principal_name = :name")
                .param("name", username).query().singleValue();
    }
}
