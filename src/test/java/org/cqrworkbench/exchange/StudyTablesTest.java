package org.cqrworkbench.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.cqrworkbench.FlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The backup cannot fall behind the schema: every study table and every column in it is written out. */
@FlowTest
class StudyTablesTest {

    // Tables that hold no part of any one study.
    static final Set<String> NOT_STUDY_DATA = Set.of("user_account", "flyway_schema_history", "spring_session",
            "spring_session_attributes", "shedlock");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyTableOfTheSchemaIsInTheBackupOrHoldsNoStudyData() {
        Set<String> listed = new TreeSet<>(StudyTables.TABLES.stream().map(StudyTables.Table::name).toList());
        Set<String> schema = new TreeSet<>(names("select table_name from information_schema.tables where lower(table_schema) = 'public'"
                + " and table_type = 'BASE TABLE'"));
        schema.removeAll(NOT_STUDY_DATA);
        assertThat(listed).isEqualTo(schema);
    }

    @Test
    void everyColumnOfEveryStudyTableIsInTheBackupButBookkeeping() {
        for (StudyTables.Table table : StudyTables.TABLES) {
            Set<String> columns = new TreeSet<>(names("select column_name from information_schema.columns where lower(table_schema) = 'public'"
                    + " and lower(table_name) = '" + table.name() + "'"));
            columns.remove("version");
            // A restored study is a new study: its analysis revision starts again, with nothing kept for it yet.
            columns.remove("analysis_revision");
            assertThat(StudyTables.columnsOf(table)).as(table.name()).isEqualTo(columns);
        }
    }

    private List<String> names(String sql) {
        return jdbc.queryForList(sql, String.class).stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
