package org.cqrworkbench.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Imports every project in ../shared/refi-qda/fixtures, as NVivo and ATLAS.ti wrote them. */
@FlowTest
class RefiImportTest {

    @Autowired
    StudyExchange exchange;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    MessageSource messages;

    @Test
    void nvivoCodingsLandOnExactlyTheWordsNVivoMeant() throws Exception {
        String user = data.user("nvivo");
        StudyExchange.Report report = exchange.importStudy(user, "nvivo-win-12.6.qdpx", Fixtures.file("nvivo-win-12.6.qdpx"));

        assertThat(count("domain", report.studyId())).isEqualTo(152);
        assertThat(count("study_case", report.studyId())).isEqualTo(2);
        assertThat(count("coding", report.studyId())).isEqualTo(303);

        // Every selection, read independently: NVivo counts UTF-16 units of the text without its BOM, CRLF as two.
        Map<String, byte[]> entries = Fixtures.unzip(Fixtures.file("nvivo-win-12.6.qdpx"));
        String project = new String(entries.get("project.qde"), StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        for (String source : project.split("<TextSource ")) {
            Matcher guid = Pattern.compile("^guid=\"([^\"]+)\"").matcher(source);
            if (!guid.find()) {
                continue;
            }
            String raw = new String(entries.get("Sources/" + guid.group(1) + ".txt"), StandardCharsets.UTF_8).substring(1);
            Matcher selection = Pattern.compile("startPosition=\"(\\d+)\" endPosition=\"(\\d+)\"").matcher(source);
            while (selection.find()) {
                expected.add(raw.substring(Integer.parseInt(selection.group(1)), Integer.parseInt(selection.group(2)))
                        .replace("\r\n", "\n"));
            }
        }
        List<String> imported = codedWords(report.studyId());
        assertThat(imported).hasSize(303).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(imported).contains("tudatos hal äl reklám, hatalmas árulás", "@@szilagyitamas2823 És milyen igazad lett!☝️👌👍👍👍\n");
        assertThat(jdbc.queryForList("select t.body from transcript t join study_case c on c.id = t.case_id where c.study_id = ?",
                String.class, report.studyId())).hasSize(2).noneMatch(body -> body.contains("\r") || body.startsWith("\uFEFF"));
    }

    @Test
    void aStudyImportedFromNVivoGoesOutAgainAsAValidProjectWithTheSameWords() throws Exception {
        String user = data.user("again");
        long studyId = exchange.importStudy(user, "nvivo-win-12.6.qdpx", Fixtures.file("nvivo-win-12.6.qdpx")).studyId();
        Map<String, byte[]> out = Fixtures.unzip(Fixtures.export(exchange, studyId, user));
        javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Fixtures.SCHEMAS.resolve("Project-mrt2019.xsd").toFile()).newValidator()
                .validate(new javax.xml.transform.stream.StreamSource(new java.io.ByteArrayInputStream(out.get("project.qde"))));
        // Without the backup entry the file is what another program would send: it must come back the same.
        out.remove(StudyBackup.ENTRY);
        long again = exchange.importStudy(user, "again.qdpx", Fixtures.zip(out)).studyId();
        assertThat(codedWords(again)).containsExactlyInAnyOrderElementsOf(codedWords(studyId));
    }

    @Test
    void nvivoCodesBecomeNestedDomainsWithTheirDescriptions() {
        String user = data.user("nesting");
        long studyId = exchange.importStudy(user, "nvivo-win-12.6.qdpx", Fixtures.file("nvivo-win-12.6.qdpx")).studyId();
        assertThat(jdbc.queryForObject("select p.name from domain d join domain p on p.id = d.parent_id where d.study_id = ? and d.name = 'COVID'",
                String.class, studyId)).isEqualTo("1. Oltás típusa");
        assertThat(jdbc.queryForObject("select definition from domain where study_id = ? and name = '1. Oltás típusa'", String.class, studyId))
                .isEqualTo("COVID vay nem COVID");
    }

    @Test
    void theCoderOfEachNVivoCodingIsKept() {
        String user = data.user("coders");
        StudyExchange.Report report = exchange.importStudy(user, "nvivo-win-12.6.qdpx", Fixtures.file("nvivo-win-12.6.qdpx"));
        assertThat(jdbc.queryForList("select distinct u.username from coding c join user_account u on u.id = c.decided_by where c.study_id = ?",
                String.class, report.studyId())).containsExactly("Gergo");
    }

    @Test
    void peopleNewToThisInstallationJoinTheTeamWithDisabledAccountsAndKnownPeopleAreOnlyCredited() {
        String user = data.user("team");
        String known = data.user("known");
        String stranger = "Ann " + known.substring(known.indexOf('-') + 1);
        String project = """
                <Project xmlns="urn:QDA-XML:project:1.0" name="Team" origin="Tests">
                  <Users><User guid="11111111-1111-1111-1111-111111111111" name="%s"/>
                    <User guid="22222222-2222-2222-2222-222222222222" name="%s"/></Users>
                  <CodeBook><Codes><Code guid="33333333-3333-3333-3333-333333333333" name="Event" isCodable="true"/></Codes></CodeBook>
                  <Sources><TextSource guid="44444444-4444-4444-4444-444444444444" name="P01">
                    <PlainTextContent>I cried with her.</PlainTextContent>
                    <PlainTextSelection guid="55555555-5555-5555-5555-555555555555" startPosition="2" endPosition="7">
                      <Coding guid="66666666-6666-6666-6666-666666666666" creatingUser="11111111-1111-1111-1111-111111111111">
                        <CodeRef targetGUID="33333333-3333-3333-3333-333333333333"/></Coding>
                      <Coding guid="77777777-7777-7777-7777-777777777777" creatingUser="22222222-2222-2222-2222-222222222222">
                        <CodeRef targetGUID="33333333-3333-3333-3333-333333333333"/></Coding>
                    </PlainTextSelection></TextSource></Sources>
                </Project>""".formatted(known, stranger);
        StudyExchange.Report report = exchange.importStudy(user, "team.qde", project.getBytes(StandardCharsets.UTF_8));
        String strangerUsername = stranger.replace(' ', '.');
        assertThat(report.accountsCreated()).containsExactly(strangerUsername);
        assertThat(jdbc.queryForObject("select enabled from user_account where username = ?", Boolean.class, strangerUsername)).isFalse();
        assertThat(jdbc.queryForList("select u.username || ':' || m.role from study_member m join user_account u on u.id = m.user_id"
                + " where m.study_id = ?", String.class, report.studyId()))
                .containsExactlyInAnyOrder(user + ":LEAD", strangerUsername + ":JUDGE");
        assertThat(codedWords(report.studyId())).containsExactly("cried");
        assertThat(jdbc.queryForList("select u.username from coding c join user_account u on u.id = c.decided_by where c.study_id = ?",
                String.class, report.studyId())).containsExactly(known);
    }

    @Test
    void nvivoMacCodesWithTheSameNameAreRenamedAndSaidSo() {
        String user = data.user("mac");
        StudyExchange.Report report = exchange.importStudy(user, "nvivo-mac-15.qdpx", Fixtures.file("nvivo-mac-15.qdpx"));
        assertThat(count("domain", report.studyId())).isEqualTo(262);
        assertThat(count("transcript", report.studyId())).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from domain where study_id = ? and name = 'programming (2)'", Long.class,
                report.studyId())).isEqualTo(1);
        assertThat(texts(report)).anyMatch(w -> w.contains("“programming”") && w.contains("programming (2)"));
    }

    @Test
    void atlasTiProjectWithMissingSourcesImportsTheRestAndNamesWhatWasLeftOut() {
        String user = data.user("atlas");
        StudyExchange.Report report = exchange.importStudy(user, "atlasti-testproject.qdpx", Fixtures.file("atlasti-testproject.qdpx"));
        assertThat(count("domain", report.studyId())).isEqualTo(14);
        assertThat(count("transcript", report.studyId())).isZero();
        assertThat(count("study_case", report.studyId())).isEqualTo(6);
        assertThat(count("study_note", report.studyId())).isEqualTo(2);
        assertThat(jdbc.queryForObject("select definition from domain where study_id = ? and name = 'Coke::diet Coke'", String.class,
                report.studyId())).isEqualTo("non sucré");
        List<String> warnings = texts(report);
        assertThat(warnings).anyMatch(w -> w.startsWith("The text of “Simon.docx” is not in the file") && w.contains("3 codings"));
        assertThat(warnings).anyMatch(w -> w.startsWith("PDF source"));
        assertThat(warnings).anyMatch(w -> w.startsWith("Picture source"));
        assertThat(warnings).anyMatch(w -> w.startsWith("Audio source"));
        assertThat(warnings).anyMatch(w -> w.startsWith("Video source"));
    }

    @Test
    void aBareAtlasTiProjectFileImportsItsCodesAndNotes() {
        String user = data.user("bare");
        StudyExchange.Report report = exchange.importStudy(user, "atlasti-mac-8.4-project.qde", Fixtures.file("atlasti-mac-8.4-project.qde"));
        assertThat(count("domain", report.studyId())).isGreaterThan(0);
        assertThat(count("study_note", report.studyId())).isGreaterThan(0);
        assertThat(report.studyName()).isEqualTo("ATLAS.ti standard project");
    }

    @Test
    void apiImportAnswers201WithTheNewStudyAndItsWarnings() throws Exception {
        String user = data.user("api");
        mvc.perform(multipart("/api/studies/import").file(new MockMultipartFile("file", "atlasti-testproject.qdpx",
                        "application/zip", Fixtures.file("atlasti-testproject.qdpx"))).with(httpBasic(user, TestData.PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.warnings").isArray())
                .andExpect(jsonPath("$.warnings[0]").isString());
    }

    /** The words under each coding, cut in Java: offsets count UTF-16 units, which SQL's substring does not on every database. */
    private List<String> codedWords(long studyId) {
        return jdbc.query("select t.body, c.start_offset, c.end_offset from coding c join transcript t on t.case_id = c.case_id"
                + " where c.study_id = ?", (rs, i) -> rs.getString(1).substring(rs.getInt(2), rs.getInt(3)), studyId);
    }

    private List<String> texts(StudyExchange.Report report) {
        return report.warnings().stream().map(w -> messages.getMessage(w, java.util.Locale.ENGLISH)).toList();
    }

    private long count(String table, long studyId) {
        String where = switch (table) {
            case "transcript" -> "case_id in (select id from study_case where study_id = ?)";
            default -> "study_id = ?";
        };
        return jdbc.queryForObject("select count(*) from " + table + " where " + where, Long.class, studyId);
    }
}
