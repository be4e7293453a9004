package org.cqrworkbench.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.cqrworkbench.PostgresTestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

@DataJpaTest
@Tag(PostgresTestDatabases.TAG)
class StudyCaseRepositoryTest {

    @Autowired
    StudyCaseRepository cases;
    @Autowired
    SubsampleRepository subsamples;
    @Autowired
    TestEntityManager entities;

    @BeforeEach
    void twoStudies() {
        for (long id : new long[] {1L, 2L}) {
            entities.getEntityManager()
                    .createNativeQuery("insert into study (id, name, created_at) values (?1, 'study', current_timestamp)")
                    .setParameter(1, id)
                    .executeUpdate();
        }
    }

    @Test
    void countsDistinctCasesPerSubsampleWithinOneStudyOnly() {
        Subsample asClient = subsamples.save(new Subsample(1L, "as client", 0));
        Subsample asTherapist = subsamples.save(new Subsample(1L, "as therapist", 1));
        Subsample elsewhere = subsamples.save(new Subsample(2L, "other study", 0));
        save(1L, "P01", asClient, asTherapist);
        save(1L, "P02", asClient);
        save(1L, "P03", asClient);
        save(2L, "P01", elsewhere);
        entities.flush();
        entities.clear();

        Map<Long, Long> n = new HashMap<>();
        cases.countCasesPerSubsample(1L).forEach(row -> n.put((Long) row[0], (Long) row[1]));
        assertThat(n).containsExactlyInAnyOrderEntriesOf(Map.of(asClient.getId(), 3L, asTherapist.getId(), 1L));
    }

    @Test
    void attributesAndSubsamplesComeBackWithTheCase() {
        Subsample only = subsamples.save(new Subsample(1L, "all", 0));
        StudyCase saved = save(1L, "P09", only);
        entities.flush();
        entities.clear();
        StudyCase loaded = cases.findByStudyIdAndCode(1L, "P09").orElseThrow();
        assertThat(loaded.getAttributes()).containsEntry("age", "30");
        assertThat(loaded.getSubsampleIds()).containsExactly(only.getId());
        assertThat(loaded.getId()).isEqualTo(saved.getId());
    }

    private StudyCase save(long studyId, String code, Subsample... in) {
        StudyCase c = new StudyCase(studyId, code);
        c.describe(Map.of("age", "30"), null);
        Set<Long> ids = new java.util.HashSet<>();
        for (Subsample s : in) {
            ids.add(s.getId());
        }
        c.placeIn(ids);
        return cases.save(c);
    }
}
