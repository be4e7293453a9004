package org.cqrworkbench.crossanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workbench as it runs on a server, in a process of its own on a file database, killed outright (SIGKILL, as
 * the out-of-memory killer or a crashed process would) and started again on the same data folder: it keeps every
 * save it has answered, and nothing of an import that had not finished.
 */
class KilledServerTest {

    static final String PASSWORD = "killed-import-test-password";
    static final int CASES = 600;
    static final int ROWS = 30_000;

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private Process server;
    private int port;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void killingTheServerDuringALargeImportLeavesTheStudyAsItWas() throws Exception {
        long studyId = startWithStudy("Study before the crash");
        send("POST", "/api/studies/" + studyId + "/cases", "{\"code\": \"K01\", \"attributes\": {\"age\": \"31\"}}", 201);
        send("POST", "/api/studies/" + studyId + "/domains", "{\"name\": \"Antecedents\"}", 201);
        HttpResponse<String> small = upload(studyId, "Case,Domain,Category,Core idea\nK01,Antecedents,Tears,K cried before the session.\n"
                + "K02,Reactions,Relief,K felt relieved.\n").join();
        assertThat(small.statusCode()).as(small.body()).isEqualTo(201);
        Map<String, JsonNode> before = snapshot(studyId);

        Path database = dataDir.resolve("cqr.mv.db");
        long sizeBefore = Files.size(database);
        CompletableFuture<HttpResponse<String>> largeImport = upload(studyId, largeCrossAnalysis());
        awaitLogLine("first", "Importing " + ROWS + " rows", largeImport);
        // Busy with it: give the import time to write part of its work into the database file before the kill.
        Instant until = Instant.now().plusSeconds(3);
        while (Instant.now().isBefore(until) && Files.size(database) <= sizeBefore && !largeImport.isDone()) {
            Thread.sleep(50);
        }
        assertThat(largeImport).as("the import must still be running when the server is killed").isNotDone();
        server.destroyForcibly().waitFor();

        server = start("second");
        assertThat(snapshot(studyId)).isEqualTo(before);
        assertThat(send("GET", "/api/studies/" + studyId + "/cases", null, 200)).doesNotContain("C0001");
    }

    @Test
    void aSaveThatWasAnsweredSurvivesAKillRightAfter() throws Exception {
        long studyId = startWithStudy("Study saved just in time");
        send("POST", "/api/studies/" + studyId + "/domains", "{\"name\": \"Antecedents\"}", 201);
        server.destroyForcibly().waitFor();

        server = start("second");
        assertThat(send("GET", "/api/studies/" + studyId + "/domains", null, 200)).contains("Antecedents");
    }

    /** Starts the first server on a fresh data folder and creates a study in it. */
    private long startWithStudy(String name) throws Exception {
        port = freePort();
        server = start("first");
        return json.readTree(send("POST", "/api/studies", "{\"name\": \"" + name + "\"}", 201)).get("id").asLong();
    }

    /** Everything the study holds, as the API shows it. */
    private Map<String, JsonNode> snapshot(long studyId) throws Exception {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        for (String part : List.of("cases", "subsamples", "domains", "tables")) {
            all.put(part, json.readTree(send("GET", "/api/studies/" + studyId + "/" + part, null, 200)));
        }
        for (JsonNode studyCase : all.get("cases")) {
            String code = studyCase.get("code").asString();
            all.put("core ideas of " + code,
                    json.readTree(send("GET", "/api/studies/" + studyId + "/cases/" + code + "/core-ideas", null, 200)));
        }
        return all;
    }

    /** A cross-analysis of new cases, subsamples, domains and categories, one core idea a row, as large studies have. */
    private static String largeCrossAnalysis() {
        StringBuilder csv = new StringBuilder("Case,Subsample,Domain,Category,Subcategory,Core idea\n");
        for (int row = 0; row < ROWS; row++) {
            int caseNumber = row % CASES + 1;
            int domain = row % 10;
            int category = (row / 10) % 30;
            csv.append(String.format("C%04d,Event %d,Domain %d,Category %d of domain %d,%s,Core idea %d: the participant talked"
                            + " about what happened in the session and afterwards%n", caseNumber, caseNumber % 3, domain, category,
                    domain, row % 4 == 0 ? "Subcategory " + (row % 3) : "", row));
        }
        return csv.toString();
    }

    private CompletableFuture<HttpResponse<String>> upload(long studyId, String csv) {
        String boundary = "----cqr" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cross-analysis.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = request("/api/studies/" + studyId + "/cross-analysis/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private String send(String method, String path, String body, int expectedStatus) throws Exception {
        HttpRequest.Builder request = request(path);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return response.body();
    }

    private HttpRequest.Builder request(String path) {
        String credentials = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .timeout(Duration.ofMinutes(5));
    }

    /** Starts the application from the tests' class path with only its shipped settings, and waits until it is ready. */
    private Process start(String name) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.cqrworkbench.CqrWorkbenchApplication",
                // Only the shipped configuration: the tests' own file, which swaps in a memory database, is left out.
                "--spring.config.location=classpath:/application.properties",
                "--server.port=" + port,
                "--cqr.sample-study=false"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log(name).toFile());
        builder.environment().put("CQR_DATA_DIR", dataDir.toString());
        builder.environment().put("CQR_ADMIN_PASSWORD", PASSWORD);
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the application stopped; see " + log(name)).isTrue();
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notListeningYet) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The application did not start within three minutes; see " + log(name));
    }

    private void awaitLogLine(String name, String text, CompletableFuture<?> request) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log(name), StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            assertThat(request).as("the import answered before it was seen to start").isNotDone();
            Thread.sleep(20);
        }
        throw new AssertionError("The import was not seen to start; see " + log(name));
    }

    private Path log(String name) {
        return dataDir.resolve("server-" + name + ".log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
