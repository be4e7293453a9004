package org.cqrworkbench.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Large tables leave a page at a time. Two studies whose rows were added in turns share every page of ids: the export
 * of one holds all of its own rows, in order, and none of the other's.
 */
@FlowTest
class InterleavedStudiesExportTest {

    // More rows of each study than one page holds.
    static final int ROWS = 4500;

    @Autowired
    StudyExchange exchange;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    String lead;
    long mine;
    long other;

    @BeforeEach
    void twoStudiesAddedInTurns() {
        lead = data.user("lead");
        mine = data.studyWithTeam(lead, data.user("judge"), data.user("auditor"));
        other = data.studyWithTeam(data.user("lead"), data.user("judge"), data.user("auditor"));
        List<Object[]> entries = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            for (long study : new long[] {mine, other}) {
                entries.add(new Object[] {study, i, "entry " + study + "/" + i, OffsetDateTime.now()});
            }
        }
        jdbc.batchUpdate("insert into change_entry (study_id, item_type, item_id, item_label, action, at)"
                + " values (?, 'DOMAIN', ?, ?, 'CREATED', ?)", entries);
        List<Object[]> attributes = new ArrayList<>();
        for (int c = 0; c < 2 * ROWS / 50; c++) {
            long study = c % 2 == 0 ? mine : other;
            jdbc.update("insert into study_case (study_id, code) values (?, ?)", study, "C" + c);
            long caseId = jdbc.queryForObject("select id from study_case where study_id = ? and code = ?", Long.class, study, "C" + c);
            for (int a = 0; a < 50; a++) {
                attributes.add(new Object[] {caseId, String.format("attribute %02d", a), "value " + c + "/" + a});
            }
        }
        jdbc.batchUpdate("insert into case_attribute (case_id, attr_name, attr_value) values (?, ?, ?)", attributes);
    }

    @Test
    void aTableWithIdsComesOutWholeInOrderOfIdsAndWithoutTheOtherStudysRows() {
        List<Map<String, Object>> exported = backupTable("change_entry");

        List<Long> expected = jdbc.queryForList("select id from change_entry where study_id = ? order by id", Long.class, mine);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(ROWS);
        assertThat(exported).extracting(row -> ((Number) row.get("id")).longValue()).containsExactlyElementsOf(expected);
        assertThat(exported).allMatch(row -> ((Number) row.get("study_id")).longValue() == mine);
    }

    @Test
    void aTableKeyedByItsOwnersComesOutWholeInOrderOfItsKeyAndWithoutTheOtherStudysRows() {
        List<Map<String, Object>> exported = backupTable("case_attribute");

        List<String> expected = jdbc.queryForList("select a.case_id || ' ' || a.attr_name from case_attribute a"
                + " join study_case c on c.id = a.case_id where c.study_id = ? order by a.case_id, a.attr_name", String.class, mine);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(ROWS);
        assertThat(exported).extracting(row -> row.get("case_id") + " " + row.get("attr_name")).containsExactlyElementsOf(expected);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> backupTable(String table) {
        byte[] backup = Fixtures.unzip(Fixtures.export(exchange, mine, lead)).get(StudyBackup.ENTRY);
        Map<String, Object> document = json.readValue(backup, Map.class);
        return (List<Map<String, Object>>) ((Map<String, Object>) document.get("tables")).get(table);
    }
}
