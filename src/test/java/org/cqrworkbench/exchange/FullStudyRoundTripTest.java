package org.cqrworkbench.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.cqrworkbench.PostgresTestDatabases;
import org.cqrworkbench.study.StudyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The sample study out as a .qdpx and back in: valid REFI-QDA for other programs, and identical for the workbench. */
@SpringBootTest(properties = "cqr.sample-study=true")
@AutoConfigureMockMvc
@Tag(PostgresTestDatabases.TAG)
class FullStudyRoundTripTest {

    @Autowired
    StudyExchange exchange;
    @Autowired
    StudyTables tables;
    @Autowired
    StudyService studies;
    @Autowired
    MockMvc mvc;

    long sampleId;
    byte[] qdpx;

    @BeforeEach
    void exportSample() {
        sampleId = studies.studiesOf("admin").stream().map(m -> m.getStudy().getId()).min(Long::compare).orElseThrow();
        qdpx = Fixtures.export(exchange, sampleId, "admin");
    }

    @Test
    void exportedProjectIsValidAgainstTheRefiQdaSchema() throws Exception {
        byte[] project = Fixtures.unzip(qdpx).get("project.qde");
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Fixtures.SCHEMAS.resolve("Project-mrt2019.xsd").toFile());
        schema.newValidator().validate(new StreamSource(new java.io.ByteArrayInputStream(project)));
    }

    @Test
    void everyExportedSelectionCountsCodePointsOfItsSourceFile() {
        Map<String, byte[]> entries = Fixtures.unzip(qdpx);
        String project = new String(entries.get("project.qde"), StandardCharsets.UTF_8);
        List<String> selected = new ArrayList<>();
        for (String source : project.split("<TextSource ")) {
            Matcher path = Pattern.compile("plainTextPath=\"internal://([^\"]+)\"").matcher(source);
            if (!path.find()) {
                continue;
            }
            String text = new String(entries.get("sources/" + path.group(1)), StandardCharsets.UTF_8);
            Matcher selection = Pattern.compile("startPosition=\"(\\d+)\" endPosition=\"(\\d+)\"").matcher(source);
            while (selection.find()) {
                int start = text.offsetByCodePoints(0, Integer.parseInt(selection.group(1)));
                int end = text.offsetByCodePoints(0, Integer.parseInt(selection.group(2)));
                selected.add(text.substring(start, end));
            }
        }
        StudyRows rows = tables.read(sampleId);
        List<String> consensus = new ArrayList<>();
        for (Map<String, Object> coding : rows.table("coding")) {
            if ("CONSENSUS".equals(coding.get("layer"))) {
                String body = rows.table("transcript").stream().filter(t -> t.get("case_id").equals(coding.get("case_id")))
                        .map(t -> (String) t.get("body")).findFirst().orElseThrow();
                consensus.add(body.substring(((Number) coding.get("start_offset")).intValue(), ((Number) coding.get("end_offset")).intValue()));
            }
        }
        assertThat(selected).isNotEmpty().containsExactlyInAnyOrderElementsOf(consensus);
    }

    @Test
    void importingTheExportRestoresTheStudyWithIdenticalTables() throws Exception {
        StudyExchange.Report report = exchange.importStudy("admin", "sample.qdpx", qdpx);
        assertThat(report.restoredBackup()).isTrue();

        assertThat(csvTables(report.studyId())).isEqualTo(csvTables(sampleId)).contains("General");
        StudyRows before = tables.read(sampleId);
        StudyRows after = tables.read(report.studyId());
        for (StudyTables.Table table : StudyTables.TABLES) {
            if (table.name().equals("study_member")) {
                continue;
            }
            assertThat(signature(after, table)).as(table.name()).isEqualTo(signature(before, table));
        }
        assertThat(after.count("core_idea")).isGreaterThan(100);
        assertThat(after.table("coding")).anyMatch(c -> "DRAFT".equals(c.get("layer")));
        assertThat(after.count("audit_comment")).isPositive();
        assertThat(after.count("change_entry")).isPositive();
    }

    @Test
    void aRestoredStudyNamesTheSameAuthorsAndLinksTheSameItems() {
        long restored = exchange.importStudy("admin", "sample.qdpx", qdpx).studyId();
        StudyRows before = tables.read(sampleId);
        StudyRows after = tables.read(restored);
        assertThat(links(after)).isEqualTo(links(before));
        assertThat(authors(after)).isEqualTo(authors(before));
    }

    /** The rows' own values (no ids), sorted, so two copies of a study compare equal. */
    private static List<String> signature(StudyRows rows, StudyTables.Table table) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> row : rows.table(table.name())) {
            StringBuilder line = new StringBuilder();
            for (StudyTables.Column column : table.columns()) {
                if (column.kind() == StudyTables.Kind.VALUE || column.kind() == StudyTables.Kind.TIME) {
                    line.append(column.name()).append('=').append(row.get(column.name())).append(';');
                }
            }
            lines.add(line.toString());
        }
        lines.sort(null);
        return lines;
    }

    /** Core idea → the words of its codings, and category → its core ideas, spelled in words. */
    private static List<String> links(StudyRows rows) {
        Map<Object, Map<String, Object>> codings = byId(rows, "coding");
        Map<Object, Map<String, Object>> ideas = byId(rows, "core_idea");
        Map<Object, Map<String, Object>> categories = byId(rows, "category");
        List<String> lines = new ArrayList<>();
        rows.table("core_idea_coding").forEach(l -> lines.add(ideas.get(l.get("core_idea_id")).get("body") + " ← "
                + codings.get(l.get("coding_id")).get("start_offset")));
        rows.table("category_core_idea").forEach(l -> lines.add(categories.get(l.get("category_id")).get("name") + " ∋ "
                + ideas.get(l.get("core_idea_id")).get("body")));
        lines.sort(null);
        return lines;
    }

    private static List<String> authors(StudyRows rows) {
        List<String> lines = new ArrayList<>();
        rows.table("audit_comment").forEach(c -> lines.add(c.get("body") + " by " + rows.people().get(((Number) c.get("author_id")).longValue()).username()));
        rows.table("change_entry").forEach(c -> lines.add(c.get("action") + " " + c.get("item_label") + " by "
                + (c.get("who") == null ? "-" : rows.people().get(((Number) c.get("who")).longValue()).username())));
        lines.sort(null);
        return lines;
    }

    private static Map<Object, Map<String, Object>> byId(StudyRows rows, String table) {
        Map<Object, Map<String, Object>> index = new java.util.HashMap<>();
        rows.table(table).forEach(r -> index.put(r.get("id"), r));
        return index;
    }

    private String csvTables(long studyId) throws Exception {
        return mvc.perform(get("/studies/" + studyId + "/tables.csv").with(user("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
