package org.cqrworkbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.cqrworkbench.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Over real HTTP: the test support of MockMvc keeps form tokens outside the session, where this happens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cqr.sample-study=false")
@Import(TestData.class)
class SignInFormTokenTest {

    private static final Pattern FORM_TOKEN_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("SESSION=([^;]+)");

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesOpenedAtOnceJustAfterSigningInAllOpenAndKeepTheTokenStoredAtSignIn() throws Exception {
        String judge = data.user("judge");
        HttpResponse<String> loginPage = http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(loginPage);
        Matcher field = FORM_TOKEN_FIELD.matcher(loginPage.body());
        assertThat(field.find()).isTrue();
        String form = "username=" + encode(judge) + "&password=" + encode(TestData.PASSWORD) + "&_csrf=" + encode(field.group(1));
        HttpResponse<String> signedIn = http.send(request("/login").header("Cookie", "SESSION=" + cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String session = "SESSION=" + sessionCookie(signedIn);
        byte[] storedAtSignIn = storedFormToken(judge);
        assertThat(storedAtSignIn).isNotNull();

        ExecutorService browser = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> pages = IntStream.range(0, 8).<Callable<Integer>>mapToObj(i -> () -> http.send(
                    request(i % 2 == 0 ? "/" : "/account").header("Cookie", session).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).toList();
            for (Future<Integer> page : browser.invokeAll(pages)) {
                assertThat(page.get()).isEqualTo(200);
            }
        } finally {
            browser.shutdownNow();
        }
        assertThat(storedFormToken(judge)).isEqualTo(storedAtSignIn);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static String sessionCookie(HttpResponse<?> response) {
        Matcher cookie = SESSION_COOKIE.matcher(String.join(";", response.headers().allValues("Set-Cookie")));
        assertThat(cookie.find()).isTrue();
        return cookie.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private byte[] storedFormToken(String username) {
        return jdbc.sql("""
                select a.attribute_bytes from spring_session_attributes a
                join spring_session s on s.primary_id = a.session_primary_id
                where s.principal_name = :name and a.attribute_name like '%CSRF_TOKEN'""")
                .param("name", username).query(byte[].class).optional().orElse(null);
    }
}
