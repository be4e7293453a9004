package org.cqrworkbench;

import org.cqrworkbench.account.AccountService;
import org.cqrworkbench.study.Study;
import org.cqrworkbench.study.StudyRole;
import org.cqrworkbench.study.StudyService;
import org.cqrworkbench.study.StudyService.StudyDetails;
import org.springframework.stereotype.Component;

/** Builds accounts and studies for flow tests through the real services. */
@Component
public class TestData {

    public static final String PASSWORD = "correct horse battery";

    private final AccountService accounts;
    private final StudyService studies;

    TestData(AccountService accounts, StudyService studies) {
        this.accounts = accounts;
        this.studies = studies;
    }

    private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE = new java.util.concurrent.atomic.AtomicInteger();

    /** A new account whose name starts with `prefix`; unique, because flow tests share one database. */
    public String user(String prefix) {
        String username = prefix + "-" + SEQUENCE.incrementAndGet();
        accounts.createUser(username, PASSWORD, prefix.toUpperCase());
        return username;
    }

    /** A study led by `lead`, with a judge and an auditor; returns its id. */
    public long studyWithTeam(String lead, String judge, String auditor) {
        Study study = studies.create(lead, new StudyDetails("Study of " + lead, null, null, null));
        studies.addMember(study.getId(), lead, judge, StudyRole.JUDGE);
        studies.addMember(study.getId(), lead, auditor, StudyRole.AUDITOR);
        return study.getId();
    }
}
