package org.cqrworkbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coreidea.CoreIdeaEditing;
import org.cqrworkbench.study.StudyRole;
import org.cqrworkbench.study.StudyService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The last two steps that finish an audit request, taken at the same instant (two auditors marking it reviewed, or
 * two threads closed): each sees the other's, so the request closes, as it does when they come one after the other.
 */
@FlowTest
class SimultaneousAuditTest {

    static final int ROUNDS = 8;

    @Autowired
    AuditService audit;
    @Autowired
    AuditRequestRepository requests;
    @Autowired
    TestData data;
    @Autowired
    StudyService studies;
    @Autowired
    CaseService caseService;
    @Autowired
    DomainService domains;
    @Autowired
    CoreIdeaEditing coreIdeaEditing;

    String lead;
    String auditor;
    String second;
    long studyId;
    StudyCase studyCase;
    long ideaId;
    ExecutorService pool = Executors.newFixedThreadPool(2);

    @BeforeEach
    void study() {
        lead = data.user("lead");
        auditor = data.user("auditor");
        studyId = data.studyWithTeam(lead, data.user("judge"), auditor);
        second = data.user("second");
        studies.addMember(studyId, lead, second, StudyRole.AUDITOR);
        studyCase = caseService.createCase(studyId, lead, new CaseService.CaseForm("P01", null, null, null));
        long domainId = domains.create(studyId, lead, "Event", null, null).getId();
        ideaId = coreIdeaEditing.add(studyId, lead, "P01", caseService.design(studyId, lead).defaultSubsample().id(), domainId,
                "P cried.", Set.of()).getId();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void twoAuditorsMarkingARequestReviewedAtOnceCloseIt() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            AuditRequest request = audit.request(studyId, lead, AuditStep.CORE_IDEAS, Set.of(studyCase.getId()),
                    Set.of(userId(auditor), userId(second)), null);
            together(() -> audit.markReviewed(studyId, auditor, request.getId()),
                    () -> audit.markReviewed(studyId, second, request.getId()));
            assertThat(requests.findById(request.getId()).orElseThrow().isClosed()).as("round " + round).isTrue();
        }
    }

    @Test
    void closingTheLastTwoThreadsAtOnceClosesTheRequest() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            AuditRequest request = audit.request(studyId, lead, AuditStep.CORE_IDEAS, Set.of(studyCase.getId()),
                    Set.of(userId(auditor)), null);
            AuditComment first = comment(request);
            AuditComment other = comment(request);
            audit.markReviewed(studyId, auditor, request.getId());
            together(() -> audit.reply(studyId, auditor, first.getId(), "Fine now.", true),
                    () -> audit.closeThread(studyId, lead, other.getId(), "Settled in our meeting."));
            assertThat(requests.findById(request.getId()).orElseThrow().isClosed()).as("round " + round).isTrue();
        }
    }

    private AuditComment comment(AuditRequest request) {
        return audit.comment(studyId, auditor, new AuditService.NewComment(ItemType.CORE_IDEA, ideaId, null, request.getId(),
                "Too close to the words of the transcript.", null, null));
    }

    private void together(Runnable one, Runnable other) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> both = new ArrayList<>();
        for (Runnable step : List.of(one, other)) {
            both.add(pool.submit((Callable<Void>) () -> {
                go.await();
                step.run();
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : both) {
            f.get(1, TimeUnit.MINUTES);
        }
    }

    private long userId(String username) {
        return studies.team(studyId, lead).stream().filter(m -> m.getUser().getUsername().equals(username)).findFirst().orElseThrow()
                .getUser().getId();
    }
}
