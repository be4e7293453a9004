package org.cqrworkbench.crossanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.changelog.Change;
import org.cqrworkbench.changelog.ChangeAction;
import org.cqrworkbench.changelog.ChangeLog;
import org.cqrworkbench.changelog.ItemType;
import org.cqrworkbench.coding.CodingRepository;
import org.cqrworkbench.coding.CodingService;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coreidea.CoreIdeaEditing;
import org.cqrworkbench.coreidea.CoreIdeaRepository;
import org.cqrworkbench.transcript.TranscriptService;
import org.cqrworkbench.web.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many judges saving the same core idea, category or coding at the same instant, through the real services: each
 * save either lands or is refused as a conflict, the item ends as the last save that landed, the change log has one
 * entry for each save that landed, and no link or placement is stored twice.
 */
@FlowTest
class SimultaneousEditsTest {

    static final int THREADS = 12;
    static final int ROUNDS = 4;
    static final String TEXT = "Participant: " + "I cried in the session and my client saw it. ".repeat(40);

    /** What one attempt came to: the value it tried to save, and whether it landed or what refused it. */
    record Attempt(String value, Throwable refusal) {
        boolean landed() {
            return refusal == null;
        }
    }

    @FunctionalInterface
    interface Save {
        /** One thread's attempt number `n`: read the item as a page would show it, then save a value of its own. */
        String attempt(int thread, int round) throws Exception;
    }

    @Autowired
    TestData data;
    @Autowired
    CaseService caseService;
    @Autowired
    TranscriptService transcripts;
    @Autowired
    DomainService domainService;
    @Autowired
    CodingService codingService;
    @Autowired
    CodingRepository codings;
    @Autowired
    CoreIdeaEditing coreIdeaEditing;
    @Autowired
    CoreIdeaRepository coreIdeas;
    @Autowired
    CategoryService categoryService;
    @Autowired
    CategoryRepository categories;
    @Autowired
    ChangeLog changeLog;
    @Autowired
    JdbcTemplate jdbc;

    String lead;
    String judge;
    long studyId;
    long codingId;
    List<Long> otherCodingIds;
    long coreIdeaId;
    List<Long> otherIdeaIds;
    long categoryId;
    ExecutorService pool;

    @BeforeEach
    void study() {
        lead = data.user("lead");
        judge = data.user("judge");
        studyId = data.studyWithTeam(lead, judge, data.user("auditor"));
        StudyCase studyCase = caseService.createCase(studyId, lead, new CaseService.CaseForm("P01", null, null, null));
        transcripts.store(studyCase.getId(), TEXT, "P01.txt");
        long domainId = domainService.create(studyId, lead, "Event", null, null).getId();
        codingId = codingService.code(studyId, lead, "P01", domainId, 13, 20, false).getId();
        otherCodingIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            otherCodingIds.add(codingService.code(studyId, lead, "P01", domainId, 100 + 10 * i, 105 + 10 * i, false).getId());
        }
        coreIdeaId = coreIdeaEditing.add(studyId, lead, "P01", caseService.design(studyId, lead).defaultSubsample().id(),
                domainId, "P cried in session.", Set.of()).getId();
        otherIdeaIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            otherIdeaIds.add(coreIdeaEditing.add(studyId, lead, "P01", caseService.design(studyId, lead).defaultSubsample().id(),
                    domainId, "Idea " + i, Set.of()).getId());
        }
        categoryId = categoryService.create(studyId, lead, domainId, null, "Tears").getId();
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void concurrentEditsOfOneCoreIdeaEitherLandOrConflict() throws Exception {
        long versionBefore = coreIdeas.findById(coreIdeaId).orElseThrow().getVersion();
        List<Attempt> attempts = race((thread, round) -> {
            long shown = coreIdeas.findById(coreIdeaId).orElseThrow().getVersion();
            String text = "Core idea written by " + thread + " in round " + round;
            coreIdeaEditing.rewrite(studyId, judge, coreIdeaId, shown, text);
            return text;
        });

        List<String> landed = landed(attempts);
        var idea = coreIdeas.findById(coreIdeaId).orElseThrow();
        assertThat(landed).isNotEmpty();
        assertThat(idea.getVersion() - versionBefore).isEqualTo(landed.size());
        List<String> logged = changed(ItemType.CORE_IDEA, coreIdeaId, "text: ");
        assertThat(logged).containsExactlyInAnyOrderElementsOf(landed);
        assertThat(idea.getBody()).isEqualTo(logged.get(logged.size() - 1));
    }

    @Test
    void concurrentEditsOfOneCategoryEitherLandOrConflict() throws Exception {
        long versionBefore = categories.findById(categoryId).orElseThrow().getVersion();
        List<Attempt> attempts = race((thread, round) -> {
            long shown = categories.findById(categoryId).orElseThrow().getVersion();
            String name = "Tears of " + thread + " in round " + round;
            categoryService.describe(studyId, judge, categoryId, shown, name, "Said by " + thread);
            return name;
        });

        List<String> landed = landed(attempts);
        Category category = categories.findById(categoryId).orElseThrow();
        assertThat(landed).isNotEmpty();
        assertThat(category.getVersion() - versionBefore).isEqualTo(landed.size());
        List<String> logged = changed(ItemType.CATEGORY, categoryId, "name: ");
        assertThat(logged).containsExactlyInAnyOrderElementsOf(landed);
        assertThat(category.getName()).isEqualTo(logged.get(logged.size() - 1));
        assertThat(jdbc.queryForObject("select count(*) from category where study_id = ?", Long.class, studyId)).isOne();
    }

    @Test
    void concurrentEditsOfOneCodingEitherLandOrConflict() throws Exception {
        long versionBefore = codings.findById(codingId).orElseThrow().getVersion();
        List<Attempt> attempts = race((thread, round) -> {
            long shown = codings.findById(codingId).orElseThrow().getVersion();
            // Every attempt marks a span of its own, so each landed save is told apart in the change log.
            int start = 200 + 20 * (thread * ROUNDS + round);
            codingService.adjust(studyId, judge, codingId, shown, start, start + 10, null);
            return start + "–" + (start + 10);
        });

        List<String> landed = landed(attempts);
        var coding = codings.findById(codingId).orElseThrow();
        assertThat(landed).isNotEmpty();
        assertThat(coding.getVersion() - versionBefore).isEqualTo(landed.size());
        List<String> logged = changed(ItemType.CODING, codingId, "span: ");
        assertThat(logged).containsExactlyInAnyOrderElementsOf(landed);
        assertThat(coding.getStart() + "–" + coding.getEnd()).isEqualTo(logged.get(logged.size() - 1));
        assertThat(jdbc.queryForObject("select count(*) from coding where study_id = ?", Long.class, studyId)).isEqualTo(4);
    }

    @Test
    void concurrentLinksAndPlacementsAreNeitherLostNorDuplicated() throws Exception {
        List<Attempt> attempts = race((thread, round) -> {
            // Half the threads add, half take away, the same links and placements; each one twice over.
            long idea = otherIdeaIds.get(round % otherIdeaIds.size());
            long coding = otherCodingIds.get(round % otherCodingIds.size());
            if ((thread + round) % 2 == 0) {
                categoryService.place(studyId, judge, categoryId, Set.of(idea, coreIdeaId));
                coreIdeaEditing.link(studyId, judge, coreIdeaId, Set.of(coding, codingId));
                return "added";
            }
            categoryService.remove(studyId, judge, categoryId, Set.of(idea));
            coreIdeaEditing.unlink(studyId, judge, coreIdeaId, coding);
            return "removed";
        });
        assertThat(landed(attempts)).hasSize(THREADS * ROUNDS);

        assertThat(jdbc.queryForObject("select count(*) from category_core_idea where category_id = ? and core_idea_id = ?",
                Long.class, categoryId, coreIdeaId)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from core_idea_coding where core_idea_id = ? and coding_id = ?",
                Long.class, coreIdeaId, codingId)).isOne();
        // A placement of the core idea is in both histories; each entry counts once.
        var entries = new java.util.TreeMap<Long, Change>();
        changeLog.historyOf(studyId, lead, ItemType.CATEGORY, categoryId).forEach(c -> entries.put(c.id(), c));
        changeLog.historyOf(studyId, lead, ItemType.CORE_IDEA, coreIdeaId).forEach(c -> entries.put(c.id(), c));
        List<Change> history = List.copyOf(entries.values());
        for (long idea : otherIdeaIds) {
            agreesWithItsLog(history, ItemType.PLACEMENT, idea, jdbc.queryForObject(
                    "select count(*) from category_core_idea where category_id = ? and core_idea_id = ?", Long.class, categoryId, idea));
        }
        for (long coding : otherCodingIds) {
            agreesWithItsLog(history, ItemType.CODING_LINK, coding, jdbc.queryForObject(
                    "select count(*) from core_idea_coding where core_idea_id = ? and coding_id = ?", Long.class, coreIdeaId, coding));
        }
        agreesWithItsLog(history, ItemType.PLACEMENT, coreIdeaId, 1L);
        agreesWithItsLog(history, ItemType.CODING_LINK, codingId, 1L);
    }

    /**
     * A link's entries alternate, made and undone, each change once; the link is stored (once) exactly when the
     * last entry made it.
     */
    private static void agreesWithItsLog(List<Change> history, ItemType type, long otherId, long rows) {
        List<ChangeAction> actions = history.stream()
                .filter(c -> c.itemType() == type && c.otherId() != null && c.otherId() == otherId)
                .sorted(java.util.Comparator.comparingLong(Change::id))
                .map(Change::action).toList();
        boolean made = false;
        for (ChangeAction action : actions) {
            boolean makes = action == ChangeAction.PLACED || action == ChangeAction.LINKED;
            assertThat(makes).as("%s %s after %s", type, otherId, actions).isNotEqualTo(made);
            made = makes;
        }
        assertThat(rows).as("%s %s after %s", type, otherId, actions).isEqualTo(made ? 1L : 0L);
    }

    /** Runs every thread's rounds at once, released together; every refusal must be a conflict. */
    private List<Attempt> race(Save save) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            running.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                for (int round = 0; round < ROUNDS; round++) {
                    String value = "thread " + thread + " round " + round;
                    try {
                        value = save.attempt(thread, round);
                        attempts.add(new Attempt(value, null));
                    } catch (Exception e) {
                        attempts.add(new Attempt(value, e));
                    }
                }
                return null;
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        for (Future<?> f : running) {
            f.get(2, TimeUnit.MINUTES);
        }
        List<Attempt> all = new ArrayList<>(attempts);
        assertThat(all).hasSize(THREADS * ROUNDS);
        assertThat(all.stream().filter(a -> !a.landed()).map(Attempt::refusal))
                .allSatisfy(refusal -> assertThat(refusal).isInstanceOf(ConflictException.class));
        return all;
    }

    private static List<String> landed(List<Attempt> attempts) {
        return attempts.stream().filter(Attempt::landed).map(Attempt::value).toList();
    }

    /** The values one field took in the item's CHANGED entries, in the order they were committed. */
    private List<String> changed(ItemType type, long itemId, String field) {
        List<Change> entries = new ArrayList<>(changeLog.historyOf(studyId, lead, type, itemId).stream()
                .filter(c -> c.itemType() == type && c.action() == ChangeAction.CHANGED).toList());
        entries.sort(java.util.Comparator.comparingLong(Change::id));
        List<String> values = new ArrayList<>();
        for (Change c : entries) {
            values.add(c.after().lines().filter(l -> l.startsWith(field)).map(l -> l.substring(field.length()))
                    .findFirst().orElseThrow());
        }
        return Collections.unmodifiableList(values);
    }
}
