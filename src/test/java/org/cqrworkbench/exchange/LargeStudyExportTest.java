package org.cqrworkbench.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.cqrworkbench.study.StudyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A study with more core ideas, categories and cases than the database keeps in memory for one query still exports
 * whole. The database's limit is set low here so the sample study crosses it, as 30,000 core ideas do with a small heap.
 */
@SpringBootTest(properties = {"cqr.sample-study=true",
        "spring.datasource.url=jdbc:h2:mem:cqr-${random.uuid};DB_CLOSE_DELAY=-1;MAX_MEMORY_ROWS=5"})
class LargeStudyExportTest {

    @Autowired
    StudyExchange exchange;
    @Autowired
    StudyTables tables;
    @Autowired
    StudyService studies;

    @Test
    void aStudyLargerThanTheDatabasesInMemoryRowLimitExportsEveryRow() {
        long sampleId = studies.studiesOf("admin").stream().map(m -> m.getStudy().getId()).min(Long::compare).orElseThrow();
        StudyRows rows = tables.read(sampleId);
        assertThat(rows.count("core_idea")).isGreaterThan(5);
        assertThat(rows.count("category_core_idea")).isGreaterThan(5);
        assertThat(rows.count("core_idea_coding")).isGreaterThan(5);
        assertThat(Fixtures.export(exchange, sampleId, "admin")).isNotEmpty();
    }
}
