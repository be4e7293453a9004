package org.cqrworkbench.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.web.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** An uploaded archive is untrusted: each of these is refused with a clear message and creates nothing. */
@FlowTest
@TestPropertySource(properties = {"cqr.exchange.max-entries=20", "cqr.exchange.max-entry-bytes=2000000",
        "cqr.exchange.max-unpacked-bytes=3000000"})
class HostileFilesTest {

    static final String PROJECT = """
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="Small" origin="Tests">
              <CodeBook><Codes><Code guid="33333333-3333-3333-3333-333333333333" name="Event" isCodable="true"/></Codes></CodeBook>
              <Sources><TextSource guid="44444444-4444-4444-4444-444444444444" name="P01" plainTextPath="internal://p01.txt"/></Sources>
            </Project>""";

    @Autowired
    StudyExchange exchange;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path folder;

    String user;
    long studiesBefore;

    @BeforeEach
    void countStudies() {
        user = data.user("hostile");
        studiesBefore = jdbc.queryForObject("select count(*) from study", Long.class);
    }

    @Test
    void aWellFormedSmallProjectIsAccepted() {
        exchange.importStudy(user, "small.qdpx", Fixtures.zip(Map.of("project.qde", PROJECT, "sources/p01.txt", "I cried.")));
        assertThat(jdbc.queryForObject("select count(*) from study", Long.class)).isEqualTo(studiesBefore + 1);
    }

    @Test
    void externalEntitiesAreNeverRead() throws Exception {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "confidential");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Project [<!ENTITY leak SYSTEM "%s">]>
                <Project xmlns="urn:QDA-XML:project:1.0" name="&leak;"/>""".formatted(secret.toUri());
        refused(Fixtures.zip(Map.of("project.qde", xxe)), "exchange.xml.malformed");
        assertThat(jdbc.queryForList("select name from study", String.class)).noneMatch(n -> n.contains("confidential"));
    }

    @Test
    void entityExpansionIsRefused() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>""";
        refused(bomb.getBytes(StandardCharsets.UTF_8), "exchange.xml.malformed");
    }

    @Test
    void anEntryWhosePathLeavesTheFolderIsRefused() {
        refused(Fixtures.zip(Map.of("project.qde", PROJECT, "../../etc/cron.d/evil", "x")), "exchange.archive.path");
        refused(Fixtures.zip(Map.of("project.qde", PROJECT, "/etc/passwd", "x")), "exchange.archive.path");
        refused(Fixtures.zip(Map.of("project.qde", PROJECT, "sources\\..\\..\\evil.txt", "x")), "exchange.archive.path");
    }

    @Test
    void tooManyEntriesAreRefused() {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("project.qde", PROJECT);
        for (int i = 0; i < 25; i++) {
            entries.put("sources/" + i + ".txt", "x");
        }
        refused(Fixtures.zip(entries), "exchange.archive.tooManyEntries");
    }

    @Test
    void anEntryThatUnpacksTooLargeIsRefusedWhateverItsHeaderSays() {
        // Zeros compress to almost nothing: a small upload that would unpack to 2.5 MB.
        refused(Fixtures.zip(Map.of("project.qde", PROJECT, "sources/p01.txt", new byte[2_500_000])), "exchange.archive.entryTooLarge");
    }

    @Test
    void anArchiveThatUnpacksTooLargeInAllIsRefused() {
        refused(Fixtures.zip(Map.of("project.qde", PROJECT, "sources/a.txt", new byte[1_500_000], "sources/b.txt",
                new byte[1_500_000], "sources/c.txt", new byte[1_500_000])), "exchange.archive.tooLarge");
    }

    @Test
    void malformedXmlIsRefusedWithWhereItBreaks() {
        assertThatThrownBy(() -> exchange.importStudy(user, "broken.qdpx", Fixtures.zip(Map.of("project.qde", "<Project name=\"x\"><Users>"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("exchange.xml.malformed");
                    assertThat(e.resolvable().getArguments()).contains("project.qde");
                });
        assertNothingCreated();
    }

    @Test
    void anArchiveWithoutAProjectIsRefused() {
        refused(Fixtures.zip(Map.of("word/document.xml", "<w/>")), "exchange.noProject");
    }

    @Test
    void filesOfTheWrongKindAreRefused() {
        refused("Interviewer: hello".getBytes(StandardCharsets.UTF_8), "exchange.type");
        refused(new byte[0], "exchange.empty");
        refused(Fixtures.zip(Map.of("project.qde", "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"/>")), "exchange.notProject");
        refused(new byte[] {'P', 'K', 3, 4, 1, 2, 3}, "exchange.archive.damaged");
    }

    @Test
    void aDamagedBackupRestoresNothing() {
        String backup = "{\"format\":\"cqr-workbench-study\",\"version\":1,\"people\":[],\"tables\":{"
                + "\"study\":[{\"id\":1,\"name\":\"S\",\"created_at\":\"2026-01-01T00:00:00Z\"}],"
                + "\"study_case\":[{\"id\":5,\"study_id\":1,\"code\":\"P01\",\"coding_mode\":\"TOGETHER\"}],"
                + "\"case_attribute\":[{\"case_id\":99,\"attr_name\":\"Age\",\"attr_value\":\"30\"}]}}";
        refused(Fixtures.zip(Map.of("project.qde", PROJECT, StudyBackup.ENTRY, backup)), "exchange.backup.damaged");
    }

    @Test
    void aBackupNamingAnUnknownKindOfValueRestoresNothing() {
        String backup = "{\"format\":\"cqr-workbench-study\",\"version\":1,\"people\":[],\"tables\":{"
                + "\"study\":[{\"id\":1,\"name\":\"S\",\"created_at\":\"2026-01-01T00:00:00Z\"}],"
                + "\"study_case\":[{\"id\":5,\"study_id\":1,\"code\":\"P01\",\"coding_mode\":\"ROOT\"}]}}";
        refused(Fixtures.zip(Map.of("project.qde", PROJECT, StudyBackup.ENTRY, backup)), "exchange.backup.damaged");
    }

    @Test
    void aBackupWhoseCodingLiesOutsideItsTranscriptRestoresNothing() {
        String backup = "{\"format\":\"cqr-workbench-study\",\"version\":1,\"people\":[],\"tables\":{"
                + "\"study\":[{\"id\":1,\"name\":\"S\",\"created_at\":\"2026-01-01T00:00:00Z\"}],"
                + "\"study_case\":[{\"id\":5,\"study_id\":1,\"code\":\"P01\",\"coding_mode\":\"TOGETHER\"}],"
                + "\"transcript\":[{\"id\":7,\"case_id\":5,\"body_entry\":\"sources/p01.txt\",\"imported_at\":\"2026-01-01T00:00:00Z\"}],"
                + "\"domain\":[{\"id\":3,\"study_id\":1,\"name\":\"Event\",\"sort_order\":0}],"
                + "\"coding\":[{\"id\":9,\"study_id\":1,\"case_id\":5,\"domain_id\":3,\"start_offset\":2,\"end_offset\":500,"
                + "\"layer\":\"CONSENSUS\",\"created_at\":\"2026-01-01T00:00:00Z\"}]}}";
        refused(Fixtures.zip(Map.of("project.qde", PROJECT, "sources/p01.txt", "I cried.", StudyBackup.ENTRY, backup)),
                "exchange.backup.damaged");
    }

    private void refused(byte[] file, String messageKey) {
        assertThatThrownBy(() -> exchange.importStudy(user, "hostile.qdpx", file))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo(messageKey));
        assertNothingCreated();
    }

    private void assertNothingCreated() {
        assertThat(jdbc.queryForObject("select count(*) from study", Long.class)).isEqualTo(studiesBefore);
    }
}
