package org.cqrworkbench.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.cqrworkbench.CqrWorkbenchApplication;

@ExtendWith(OutputCaptureExtension.class)
class AdministratorBootstrapTest {

    @Test
    void withoutAConfiguredPasswordARandomOneIsPrintedOnceAndWorks(CapturedOutput output) {
        String url = "jdbc:h2:mem:bootstrap-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        String password;
        try (ConfigurableApplicationContext app = start(url, "")) {
            Matcher printed = Pattern.compile("password: (\\S+)").matcher(output.getOut());
            assertThat(printed.find()).isTrue();
            password = printed.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(AccountService.MIN_PASSWORD_LENGTH);
            UserAccount admin = app.getBean(UserAccountRepository.class).findByUsername("admin").orElseThrow();
            assertThat(app.getBean(PasswordEncoder.class).matches(password, admin.getPasswordHash())).isTrue();
        }
        // A second start on the same database creates nothing and prints nothing.
        int before = output.getOut().length();
        try (ConfigurableApplicationContext app = start(url, "")) {
            assertThat(output.getOut().substring(before)).doesNotContain("password:");
            assertThat(app.getBean(UserAccountRepository.class).count()).isEqualTo(1);
        }
    }

    @Test
    void aPasswordFromTheEnvironmentIsNeverPrinted(CapturedOutput output) {
        String url = "jdbc:h2:mem:bootstrap-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext app = start(url, "given-in-the-environment")) {
            assertThat(output.getOut()).doesNotContain("given-in-the-environment").doesNotContain("password: ");
            UserAccount admin = app.getBean(UserAccountRepository.class).findByUsername("admin").orElseThrow();
            assertThat(app.getBean(PasswordEncoder.class).matches("given-in-the-environment", admin.getPasswordHash())).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(String url, String adminPassword) {
        // Command-line arguments outrank the test configuration file, which sets a password of its own.
        return new SpringApplicationBuilder(CqrWorkbenchApplication.class)
                .run("--spring.datasource.url=" + url, "--server.port=0", "--cqr.sample-study=false",
                        "--CQR_ADMIN_PASSWORD=" + adminPassword);
    }
}
