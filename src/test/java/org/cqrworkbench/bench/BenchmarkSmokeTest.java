package org.cqrworkbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.cqrworkbench.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The benchmark's smoke run against this test's application, so that bench/run cannot rot: a tiny study goes through
 * every step (imports, pages under load, saving, exports) and the figures are written. Only that it completes is
 * checked; the figures themselves mean nothing here. Needs bash, curl, python3 and wrk, as bench/run does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.web.resources.static-locations=classpath:/static/,file:target/bench-smoke/static/")
@ActiveProfiles("bench")
class BenchmarkSmokeTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;

    @Test
    void theSmokeRunOfTheBenchmarkCompletesAndWritesItsFigures() throws Exception {
        Path folder = Path.of("target/bench-smoke");
        Files.createDirectories(folder.resolve("static"));
        Path results = folder.resolve("RESULTS.md");
        Files.deleteIfExists(results);
        ProcessBuilder run = new ProcessBuilder("bash", "bench/run", "--small", "--url", "http://127.0.0.1:" + port,
                "--user", data.user("bench"), "--static-dir", folder.resolve("static").toString(), "--out", results.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("run.log").toFile());
        run.environment().put("BENCH_PASSWORD", TestData.PASSWORD);
        Process process = run.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(folder.resolve("run.log"), StandardCharsets.UTF_8);
        assertThat(finished).as("bench/run --small finished; its output:%n%s", log).isTrue();
        assertThat(process.exitValue()).as("bench/run --small succeeded; its output:%n%s", log).isZero();
        String written = Files.readString(results, StandardCharsets.UTF_8);
        assertThat(written).contains("# Benchmark results", "Coding page", "Cross-analysis page", "Saving a coding",
                "Export export.qdpx", "Targets met:");
        assertThat(new File("bench/wrk-report.lua")).exists();
    }
}
