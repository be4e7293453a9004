package org.cqrworkbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cqrworkbench.CqrWorkbenchApplication;
import org.cqrworkbench.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the workbench, started together with the postgres profile on one PostgreSQL database, as
 * behind a load balancer: whichever instance a request reaches, the user is the same signed-in user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamServerTest {

    private static final String ADMIN_PASSWORD = "team-server-test-password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    /** Keeps cookies like a browser; cookies are not told apart by port, so both instances get the session cookie. */
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void twoInstancesStartTogetherOnOneDatabase() {
        String url = EmbeddedPostgres.get().newDatabase();
        // Both start at once, so both try to migrate the empty database and create the administrator.
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<ConfigurableApplicationContext> one = CompletableFuture.supplyAsync(() -> start(url), starting);
            CompletableFuture<ConfigurableApplicationContext> two = CompletableFuture.supplyAsync(() -> start(url), starting);
            CompletableFuture.allOf(one, two).exceptionally(failed -> null).join();
            first = one.exceptionally(failed -> null).join();
            second = two.exceptionally(failed -> null).join();
            // Either failure is reported only now, once an instance that did start can be stopped afterwards.
            one.join();
            two.join();
        } finally {
            starting.shutdown();
        }
    }

    @AfterAll
    void stop() {
        Stream.of(first, second).filter(Objects::nonNull).forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void theSchemaIsMigratedOnceAndTheAdministratorCreatedOnce() {
        JdbcTemplate database = first.getBean(JdbcTemplate.class);
        assertThat(database.queryForList("select version from flyway_schema_history where version is not null", String.class))
                .doesNotHaveDuplicates().contains("1", "10");
        assertThat(database.queryForObject("select count(*) from user_account where site_admin", Long.class)).isEqualTo(1);
    }

    @Test
    void sessionStartedOnOneInstanceServesTheOther() throws Exception {
        assertThat(get(second, "/").statusCode()).as("not signed in yet").isEqualTo(302);

        String loginForm = get(first, "/login").body();
        HttpResponse<String> signedIn = post(first, "/login",
                Map.of("username", "admin", "password", ADMIN_PASSWORD, "_csrf", csrfToken(loginForm)));
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("/login"));

        HttpResponse<String> home = get(second, "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<span class=\"who\">admin</span>");

        // The form's token was issued by the first instance and is checked by the second, against the shared session.
        String token = csrfToken(get(first, "/").body());
        HttpResponse<String> created = post(second, "/studies", Map.of("name", "Made on the second instance", "_csrf", token));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/studies/"));
        assertThat(get(first, "/").body()).contains("Made on the second instance");
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(CqrWorkbenchApplication.class).profiles("postgres").run(
                "--CQR_DB_URL=" + url, "--CQR_DB_USER=" + EmbeddedPostgres.USER, "--CQR_DB_PASSWORD=" + EmbeddedPostgres.PASSWORD,
                "--CQR_ADMIN_PASSWORD=" + ADMIN_PASSWORD, "--cqr.sample-study=false", "--server.port=0");
    }

    private HttpResponse<String> get(ConfigurableApplicationContext instance, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(address(instance, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ConfigurableApplicationContext instance, String path, Map<String, String> form)
            throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(address(instance, path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI address(ConfigurableApplicationContext instance, String path) {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrfToken(String page) {
        Matcher found = CSRF.matcher(page);
        assertThat(found.find()).as("a form with a CSRF token").isTrue();
        return found.group(1);
    }
}
