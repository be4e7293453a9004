package org.cqrworkbench.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.cqrworkbench.TestData;
import org.cqrworkbench.study.StudyService;
import org.h2.tools.Restore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The backup job on a real H2 file database in a data folder of its own, as the workbench runs. */
@SpringBootTest(properties = {"cqr.sample-study=false", "cqr.backup.keep=3"})
@Import(TestData.class)
@DirtiesContext
class DatabaseBackupTest {

    static final Path DATA_DIR = temporaryFolder("cqr-backup-test");

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("cqr.data-dir", DATA_DIR::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA_DIR.resolve("cqr") + ";LOCK_TIMEOUT=10000");
    }

    @Autowired
    DatabaseBackup backup;
    @Autowired
    ScheduledBackup scheduled;
    @Autowired
    StudyService studies;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noBackupsYet() throws IOException {
        deleteAll(backup.folder());
        // Run out, not deleted: ShedLock remembers which lock rows it has made and only updates them after that.
        jdbc.update("update shedlock set lock_until = dateadd('SECOND', -1, current_timestamp)");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        deleteAll(DATA_DIR);
    }

    @Test
    void aBackupRestoresToADatabaseThatHoldsTheStudies() throws Exception {
        String lead = data.user("lead");
        studies.create(lead, new StudyService.StudyDetails("Study kept in the backup", null, null, null));

        Path zip = backup.backUp().orElseThrow();

        assertThat(zip.getParent()).isEqualTo(DATA_DIR.resolve("backups"));
        Path restored = Files.createTempDirectory("cqr-restored");
        try {
            Restore.execute(zip.toString(), restored.toString(), "cqr");
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("cqr") + ";IFEXISTS=TRUE", "sa", "");
                    ResultSet rs = c.createStatement().executeQuery("select name from study")) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                assertThat(names).contains("Study kept in the backup");
            }
        } finally {
            deleteAll(restored);
        }
    }

    @Test
    void backupsBeyondTheNumberToKeepAreDeleted() throws Exception {
        Files.createDirectories(backup.folder());
        for (String old : List.of("20240101-020000-000", "20240102-020000-000", "20240103-020000-000", "20240104-020000-000")) {
            Files.writeString(backup.folder().resolve(DatabaseBackup.PREFIX + old + DatabaseBackup.SUFFIX), "old");
        }
        Path cutShort = Files.writeString(backup.folder().resolve(DatabaseBackup.PREFIX + "20240105-020000-000.zip.part"), "cut");
        Path someoneElses = Files.writeString(backup.folder().resolve("notes.txt"), "kept");

        Path newest = backup.backUp().orElseThrow();

        assertThat(backup.backups()).containsExactly(newest,
                backup.folder().resolve(DatabaseBackup.PREFIX + "20240104-020000-000.zip"),
                backup.folder().resolve(DatabaseBackup.PREFIX + "20240103-020000-000.zip"));
        assertThat(cutShort).doesNotExist();
        assertThat(someoneElses).exists();
    }

    @Test
    void theScheduledBackupIsSkippedWhileAnotherInstanceHoldsItsLock() {
        jdbc.update("merge into shedlock (name, lock_until, locked_at, locked_by) key (name) values"
                + " ('database-backup', dateadd('HOUR', 1, current_timestamp), current_timestamp, 'another-instance')");
        scheduled.run();
        assertThat(backup.backups()).isEmpty();

        jdbc.update("update shedlock set lock_until = dateadd('SECOND', -1, current_timestamp)");
        scheduled.run();
        // The lock is held for a minute after a run, so a second instance firing at the same moment does nothing.
        scheduled.run();
        assertThat(backup.backups()).hasSize(1);
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteAll(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
