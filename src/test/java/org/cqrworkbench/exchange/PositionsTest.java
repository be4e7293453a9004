package org.cqrworkbench.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Positions follow the writer in, and leave as the standard says: Unicode code points. */
@FlowTest
class PositionsTest {

    // "🙂" is one code point but two UTF-16 units; the line ends are CRLF.
    static final String TEXT = "I: How was it?\r\nP: 🙂 I cried 🙂 twice.\r\n";

    @Autowired
    StudyExchange exchange;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void codePointPositionsOfTheStandardComeInOnTheSameWordsAndGoOutUnchanged() {
        // "cried" starts at code point 23 of the text as written: 16 for the first line with its CRLF, then "P: 🙂 I ".
        byte[] project = project("Tests", 23, 28);
        long studyId = exchange.importStudy(data.user("points"), "p.qdpx", project).studyId();
        assertThat(codedWords(studyId)).containsExactly("cried");

        String exported = new String(Fixtures.unzip(Fixtures.export(exchange, studyId, lead(studyId))).get("project.qde"), StandardCharsets.UTF_8);
        // The workbench keeps one \n per line end, so the same word sits one code point earlier.
        assertThat(positions(exported)).containsExactly(List.of(22, 27));
    }

    @Test
    void nvivoPositionsCountUtf16UnitsAndCrlfAsTwo() {
        long studyId = exchange.importStudy(data.user("nvivo"), "n.qdpx", project("NVivo for Windows 12.6", 24, 29)).studyId();
        assertThat(codedWords(studyId)).containsExactly("cried");
    }

    @Test
    void atlasTiPositionsCountALineEndAsOne() {
        long studyId = exchange.importStudy(data.user("atlas"), "a.qdpx", project("ATLAS.ti 9.1", 22, 27)).studyId();
        assertThat(codedWords(studyId)).containsExactly("cried");
    }

    private byte[] project(String origin, int start, int end) {
        String xml = """
                <Project xmlns="urn:QDA-XML:project:1.0" name="Positions" origin="%s">
                  <CodeBook><Codes><Code guid="33333333-3333-3333-3333-333333333333" name="Event" isCodable="true"/></Codes></CodeBook>
                  <Sources><TextSource guid="44444444-4444-4444-4444-444444444444" name="P01" plainTextPath="internal://p01.txt">
                    <PlainTextSelection guid="55555555-5555-5555-5555-555555555555" startPosition="%d" endPosition="%d">
                      <Coding guid="66666666-6666-6666-6666-666666666666"><CodeRef targetGUID="33333333-3333-3333-3333-333333333333"/></Coding>
                    </PlainTextSelection></TextSource></Sources>
                </Project>""".formatted(origin, start, end);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(text, 0, withBom, 3, text.length);
        return Fixtures.zip(java.util.Map.of("project.qde", xml, "Sources/P01.TXT", withBom));
    }

    private List<String> codedWords(long studyId) {
        return jdbc.query("select t.body, c.start_offset, c.end_offset from coding c join transcript t on t.case_id = c.case_id"
                + " where c.study_id = ?", (rs, i) -> rs.getString(1).substring(rs.getInt(2), rs.getInt(3)), studyId);
    }

    private String lead(long studyId) {
        return jdbc.queryForObject("select u.username from study_member m join user_account u on u.id = m.user_id"
                + " where m.study_id = ? and m.role = 'LEAD'", String.class, studyId);
    }

    private static List<List<Integer>> positions(String project) {
        Matcher m = Pattern.compile("startPosition=\"(\\d+)\" endPosition=\"(\\d+)\"").matcher(project);
        List<List<Integer>> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        return found;
    }
}
