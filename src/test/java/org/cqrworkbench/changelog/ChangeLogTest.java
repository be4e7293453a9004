package org.cqrworkbench.changelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

@FlowTest
class ChangeLogTest {

    @Autowired
    ChangeLog changeLog;
    @Autowired
    DomainService domainService;
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

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void creatingRenamingAndDeletingADomainIsLoggedWithWhoBeforeAndAfter() {
        Domain domain = as(judge, () -> domainService.create(studyId, judge, "Antecedents", "What came before", null));
        as(lead, () -> domainService.describe(studyId, lead, domain.getId(), domain.getVersion(), "Before the event", "What came before"));
        as(judge, () -> domainService.delete(studyId, judge, domain.getId(), null));

        List<Change> history = changeLog.historyOf(studyId, auditor, ItemType.DOMAIN, domain.getId());
        assertThat(history).extracting(Change::action).containsExactly(ChangeAction.DELETED, ChangeAction.CHANGED, ChangeAction.CREATED);
        Change rename = history.get(1);
        assertThat(rename.who()).isEqualTo("LEAD");
        assertThat(rename.before()).isEqualTo("name: Antecedents");
        assertThat(rename.after()).isEqualTo("name: Before the event");
        assertThat(history.get(2).who()).isEqualTo("JUDGE");
        assertThat(history.get(2).after()).isEqualTo("name: Antecedents\ndefinition: What came before\norder: 1");
        assertThat(history.get(0).before()).contains("name: Before the event");
        assertThat(history.get(0).after()).isNull();
    }

    private <T> T as(String username, Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }
}
