package org.cqrworkbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cqrworkbench.account.UserAccountRepository;
import org.cqrworkbench.study.StudyService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs the application as shipped, on a file database in a data folder, and restarts it. */
class DataFolderTest {

    @TempDir
    Path dataDir;

    @Test
    void databaseLivesInTheDataFolderAndARestartLosesNothing() {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(StudyService.class).studiesOf("admin")).hasSize(1);
            app.getBean(StudyService.class).create("admin", new StudyService.StudyDetails("Second study", null, null, null));
        }
        assertThat(Files.exists(dataDir.resolve("cqr.mv.db"))).isTrue();
        try (ConfigurableApplicationContext app = start()) {
            // The sample study is not loaded twice, and the administrator is not created again.
            assertThat(app.getBean(StudyService.class).studiesOf("admin"))
                    .extracting(m -> m.getStudy().getName())
                    .containsExactly("Crying in psychotherapy: trainee therapists' experiences", "Second study");
            assertThat(app.getBean(UserAccountRepository.class).findAll())
                    .filteredOn(a -> a.isSiteAdmin()).hasSize(1);
        }
    }

    private ConfigurableApplicationContext start() {
        // Only the shipped configuration: the tests' own file, which swaps in a memory database, is left out.
        return new SpringApplicationBuilder(CqrWorkbenchApplication.class).run(
                "--spring.config.location=classpath:/application.properties",
                "--cqr.data-dir=" + dataDir, "--server.port=0", "--CQR_ADMIN_PASSWORD=data-folder-test-password");
    }
}
