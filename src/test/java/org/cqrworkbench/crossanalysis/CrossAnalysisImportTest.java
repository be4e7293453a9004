package org.cqrworkbench.crossanalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cqrworkbench.FlowTest;
import org.cqrworkbench.TestData;
import org.cqrworkbench.cases.CaseService;
import org.cqrworkbench.cases.StudyCase;
import org.cqrworkbench.cases.StudyDesign.SubsampleInfo;
import org.cqrworkbench.coding.Domain;
import org.cqrworkbench.coding.DomainService;
import org.cqrworkbench.coreidea.CoreIdeaRepository;
import org.cqrworkbench.web.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

@FlowTest
class CrossAnalysisImportTest {

    @Autowired
    CrossAnalysisImport importer;
    @Autowired
    TestData data;
    @Autowired
    CaseService caseService;
    @Autowired
    DomainService domainService;
    @Autowired
    CoreIdeaRepository coreIdeas;
    @Autowired
    CategoryRepository categories;
    @Autowired
    MessageSource messages;

    String lead;
    String judge;
    String auditor;
    long studyId;

    @BeforeEach
    void study() {
        lead = data.user("lead");
        judge = data.user("judge");
        auditor = data.user("auditor");
        studyId = data.studyWithTeam(lead, judge, auditor);
    }

    @Test
    void csvAsExcelWritesItImportsWithQuotesCommasAndLineBreaks() {
        String csv = "\uFEFFcore IDEA,Domain,CASE,Category,subsample\r\n"
                + "\"C said \"\"enough\"\", and P cried\",Event,P01,\"Tears, sudden\",As client\r\n"
                + "\"P felt\nrelieved\",Consequences,P02,Relief,As client\r\n"
                + "Other idea,Event,P03,\"Tears, sudden\",As therapist\r\n";
        var summary = importer.importFile(studyId, judge, "analysis.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(summary.rows()).isEqualTo(3);
        assertThat(summary.coreIdeasCreated()).isEqualTo(3);
        assertThat(coreIdeas.findByStudyId(studyId)).extracting(i -> i.getBody())
                .contains("C said \"enough\", and P cried", "P felt\nrelieved");
        // A fresh study's default subsample takes the first name; others are appended in order of appearance.
        assertThat(caseService.design(studyId, lead).subsamples()).extracting(SubsampleInfo::name)
                .containsExactly("As client", "As therapist");
        assertThat(domainService.domains(studyId, lead)).extracting(Domain::getName).containsExactly("Event", "Consequences");
        assertThat(caseService.design(studyId, lead).cases()).extracting(StudyCase::getCode).containsExactly("P01", "P02", "P03");
    }

    @Test
    void sameCaseSubsampleDomainAndTextIsOneCoreIdeaInSeveralCategories() {
        String csv = "Case,Domain,Category,Subcategory,Core idea\n"
                + "P01,Event,Tears,,P cried in session\n"
                + "P01,Event,Shame,Fear of judgement,P cried in session\n"
                + "P02,Event,Tears,,P cried in session\n";
        var summary = importer.importFile(studyId, lead, "a.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(summary.coreIdeasCreated()).isEqualTo(2);
        assertThat(summary.placements()).isEqualTo(3);
        assertThat(summary.categoriesCreated()).isEqualTo(3);
        List<Category> all = categories.findByStudyIdOrderByPositionAscIdAsc(studyId);
        Category shame = all.stream().filter(c -> c.getName().equals("Shame")).findFirst().orElseThrow();
        Category fear = all.stream().filter(c -> c.getName().equals("Fear of judgement")).findFirst().orElseThrow();
        assertThat(fear.getParentId()).isEqualTo(shame.getId());
        // With no Subsample column every case lands in the study's one default subsample.
        assertThat(caseService.design(studyId, lead).subsamples()).singleElement().extracting(SubsampleInfo::n).isEqualTo(2L);
    }

    @Test
    void aBadRowImportsNothingAndTheMessageNamesLineAndColumn() {
        String csv = "Case,Domain,Category,Core idea\n"
                + "P01,Event,Tears,P cried\n"
                + "P02,Event,,P did not cry\n";
        assertThatThrownBy(() -> importer.importFile(studyId, lead, "a.csv", csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.localizedMessage(messages, Locale.ENGLISH))
                        .isEqualTo("Line 3, column Category: the cell is empty. Nothing was imported."));
        assertNothingImported();
    }

    @Test
    void anInvalidCaseCodeDeepInTheFileRollsBackEverything() {
        StringBuilder csv = new StringBuilder("Case,Domain,Category,Core idea\n");
        for (int i = 1; i <= 50; i++) {
            csv.append("P").append(i).append(",Event,Tears,Idea ").append(i).append('\n');
        }
        csv.append("Jane Doe,Event,Tears,Named participant\n");
        assertThatThrownBy(() -> importer.importFile(studyId, lead, "a.csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.localizedMessage(messages, Locale.ENGLISH))
                        .startsWith("Line 52: A case code has"));
        assertNothingImported();
    }

    @Test
    void missingRequiredColumnWrongTypeAndBadEncodingAreRefused() {
        assertThatThrownBy(() -> importer.importFile(studyId, lead, "a.csv", "Case,Domain,Core idea\nP1,E,x\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("import.missingColumn");
        assertThatThrownBy(() -> importer.importFile(studyId, lead, "a.txt", "Case".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("import.type");
        assertThatThrownBy(() -> importer.importFile(studyId, lead, "a.csv", new byte[] {(byte) 0xff, (byte) 0xfe, 0x43, 0}))
                .hasMessage("import.encoding");
        assertThatThrownBy(() -> importer.importFile(studyId, lead, "a.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("import.xlsx.unreadable");
        assertNothingImported();
    }

    @Test
    void firstSheetOfAnXlsxWorkbookImports() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet("Analysis");
            String[][] rows = {{"Subsample", "Case", "Domain", "Category", "Core idea"},
                    {"As client", "P01", "Event", "Tears", "P cried"}, {"As client", "P02", "Event", "Tears", "P wept"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.createSheet("Ignored").createRow(0).createCell(0).setCellValue("Case");
            workbook.write(out);
        }
        var summary = importer.importFile(studyId, judge, "analysis.xlsx", out.toByteArray());
        assertThat(summary.coreIdeasCreated()).isEqualTo(2);
        assertThat(caseService.design(studyId, lead).subsamples()).singleElement().extracting(SubsampleInfo::n).isEqualTo(2L);
    }

    @Test
    void auditorsCannotImport() {
        assertThatThrownBy(() -> importer.importFile(studyId, auditor, "a.csv", "Case,Domain,Category,Core idea\nP1,E,C,x\n"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(org.cqrworkbench.web.ForbiddenException.class);
        assertNothingImported();
    }

    private void assertNothingImported() {
        assertThat(coreIdeas.findByStudyId(studyId)).isEmpty();
        assertThat(categories.findByStudyIdOrderByPositionAscIdAsc(studyId)).isEmpty();
        assertThat(domainService.domains(studyId, lead)).isEmpty();
        assertThat(caseService.design(studyId, lead).cases()).isEmpty();
        assertThat(caseService.design(studyId, lead).subsamples()).extracting(SubsampleInfo::name).containsExactly("All cases");
    }
}
