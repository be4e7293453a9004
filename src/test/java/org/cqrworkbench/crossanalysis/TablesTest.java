package org.cqrworkbench.crossanalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.crossanalysis.ResultsTable.Kind;
import org.cqrworkbench.crossanalysis.ResultsTable.Row;
import org.cqrworkbench.study.StudyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Tables from an imported cross-analysis of ten cases in "As client" and three in "As therapist":
 * counts are distinct cases of the subsample, labels follow the rules, order and note follow the method.
 */
@FlowTest
class TablesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    TableExports exports;
    @Autowired
    StudyService studies;

    String lead;
    String judge;
    String auditor;
    long studyId;

    @BeforeEach
    void importedStudy() throws Exception {
        lead = data.user("lead");
        judge = data.user("judge");
        auditor = data.user("auditor");
        studyId = data.studyWithTeam(lead, judge, auditor);
        var study = studies.team(studyId, lead).get(0).getStudy();
        studies.update(studyId, lead, study.getVersion(),
                new StudyService.StudyDetails(study.getName(), null, null, "C = Client\nP = Participant"));
        StringBuilder csv = new StringBuilder("Case,Subsample,Domain,Category,Subcategory,Core idea\n");
        for (int i = 1; i <= 10; i++) {
            String c = "P" + (i < 10 ? "0" : "") + i;
            csv.append(c).append(",As client,Event,Everyone cried,,Idea a ").append(i).append('\n');
            // Two core ideas of one case in one category still count once.
            csv.append(c).append(",As client,Event,Everyone cried,,Idea b ").append(i).append('\n');
            if (i <= 7) {
                csv.append(c).append(",As client,Consequences,Felt relief,,Relief ").append(i).append('\n');
            }
            if (i <= 3) {
                csv.append(c).append(",As client,Consequences,Felt shame,Feared judgement,Shame ").append(i).append('\n');
            }
        }
        csv.append("P01,As client,Event,Only one case,,Lonely idea\n");
        csv.append("P01,As client,Other,Only one case here too,,Lonely\n");
        // Core ideas in another subsample must not count in "As client".
        for (String c : new String[] {"P11", "P12", "P13"}) {
            csv.append(c).append(",As therapist,Consequences,Felt shame,,Therapist shame ").append(c).append('\n');
        }
        mvc.perform(multipart("/api/studies/" + studyId + "/cross-analysis/import")
                        .file(new MockMultipartFile("file", "analysis.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(judge, TestData.PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.casesCreated").value(13));
    }

    @Test
    void categoriesRunByLabelThenCountAndSingleCaseCategoriesAndEmptyDomainsAreLeftOut() {
        ResultsTable table = exports.tables(studyId, auditor).get(0);
        assertThat(table.heading()).isEqualTo("Table 1");
        assertThat(table.n()).isEqualTo(10);
        assertThat(table.rows()).containsExactly(
                new Row(Kind.DOMAIN, 0, "Event", null, null),
                new Row(Kind.CATEGORY, 1, "Everyone cried", "General", 10),
                new Row(Kind.DOMAIN, 0, "Consequences", null, null),
                new Row(Kind.CATEGORY, 1, "Felt relief", "Typical", 7),
                new Row(Kind.CATEGORY, 1, "Felt shame", "Variant", 3),
                new Row(Kind.CATEGORY, 2, "Feared judgement", "Variant", 3));
        assertThat(table.note()).isEqualTo("Note. N = 10; General categories = 9–10 cases; Typical categories = 6–8 cases; "
                + "Variant categories = 2–5 cases; C = Client; P = Participant; Bold = Domain; Nonbold = Category.");
    }

    @Test
    void eachSubsampleCountsOnlyItsOwnCases() {
        ResultsTable therapist = exports.tables(studyId, lead).get(1);
        assertThat(therapist.n()).isEqualTo(3);
        assertThat(therapist.rows()).containsExactly(
                new Row(Kind.DOMAIN, 0, "Consequences", null, null),
                new Row(Kind.CATEGORY, 1, "Felt shame", "General", 3));
        assertThat(therapist.note()).startsWith("Note. N = 3; General categories = 2–3 cases;");
    }

    @Test
    void leadTightensTheRulesAndTheLabelsFollow() throws Exception {
        long subsampleId = studies.team(studyId, lead).isEmpty() ? 0 : idOfFirstSubsample();
        String body = "{\"generalRule\": \"ALL\"}";
        mvc.perform(patch("/api/studies/" + studyId + "/subsamples/" + subsampleId).with(httpBasic(judge, TestData.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(patch("/api/studies/" + studyId + "/subsamples/" + subsampleId).with(httpBasic(lead, TestData.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.generalRule").value("ALL"))
                .andExpect(jsonPath("$.rare").value("AUTO"));
        ResultsTable table = exports.tables(studyId, lead).get(0);
        assertThat(table.note()).contains("General categories = 10 cases; Typical categories = 6–9 cases");
        mvc.perform(get("/api/studies/" + studyId + "/tables").with(httpBasic(auditor, TestData.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].rows[1].label").value("General"))
                .andExpect(jsonPath("$[0].rows[3].text").value("Felt relief"));
    }

    @Test
    void exportedWorkbookHasOneBoldDomainSheetPerSubsampleAndTheNoteLast() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/studies/" + studyId + "/tables.xlsx").param("counts", "true")
                        .with(httpBasic(auditor, TestData.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Table 1");
            assertThat(workbook.getSheetName(1)).isEqualTo("Table 2");
            XSSFSheet sheet = workbook.getSheet("Table 1");
            List<String> texts = new java.util.ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                texts.add(row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue());
            }
            int event = texts.indexOf("Event");
            assertThat(event).isPositive();
            assertThat(workbook.getFontAt(sheet.getRow(event).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            org.apache.poi.ss.usermodel.Row general = sheet.getRow(event + 1);
            assertThat(general.getCell(0).getStringCellValue()).isEqualTo("Everyone cried");
            assertThat(workbook.getFontAt(general.getCell(0).getCellStyle().getFontIndex()).getBold()).isFalse();
            assertThat(general.getCell(1).getStringCellValue()).isEqualTo("General");
            assertThat(general.getCell(2).getNumericCellValue()).isEqualTo(10);
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).startsWith("Note. N = 10;");
        }
    }

    @Test
    void everyMemberDownloadsTablesButOutsidersLearnNothing() throws Exception {
        for (String format : new String[] {"tables", "tables.xlsx", "tables.docx", "tables.csv"}) {
            mvc.perform(get("/api/studies/" + studyId + "/" + format).with(httpBasic(auditor, TestData.PASSWORD)))
                    .andExpect(status().isOk());
            mvc.perform(get("/api/studies/" + studyId + "/" + format).with(httpBasic(data.user("outsider"), TestData.PASSWORD)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(multipart("/api/studies/" + studyId + "/cross-analysis/import")
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", "Case,Domain,Category,Core idea\nP1,E,C,x\n".getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(auditor, TestData.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void rulesFormOnTheTablesPageIsForTheLeadOnly() throws Exception {
        String url = "/studies/" + studyId + "/subsamples/" + idOfFirstSubsample() + "/rules";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
                        .param("generalRule", "ALL").param("rare", "ON").with(user(judge)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(exports.tables(studyId, lead).get(0).note()).contains("General categories = 9–10 cases");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
                        .param("generalRule", "ALL").param("rare", "ON").with(user(lead)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(exports.tables(studyId, lead).get(0).note())
                .contains("General categories = 10 cases; Typical categories = 6–9 cases; Variant categories = 4–5 cases; Rare categories = 2–3 cases");
    }

    @Test
    void importFormReportsABadFileInThePageAndKeepsTheAnalysis() throws Exception {
        int before = exports.tables(studyId, lead).get(0).rows().size();
        mvc.perform(multipart("/studies/" + studyId + "/cross-analysis/import")
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", "Case,Domain,Category,Core idea\nP01,Event,,x\n".getBytes(StandardCharsets.UTF_8)))
                        .with(user(judge)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("error", "Line 2, column Category: the cell is empty. Nothing was imported."));
        assertThat(exports.tables(studyId, lead).get(0).rows()).hasSize(before);
    }

    private long idOfFirstSubsample() throws Exception {
        String json = mvc.perform(get("/api/studies/" + studyId + "/subsamples").with(httpBasic(lead, TestData.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        return Long.parseLong(json.replaceAll("^\\[\\{\"id\":(\\d+).*$", "$1"));
    }
}
