package org.cqrworkbench.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.cqrworkbench.study.StudyAccess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The audit report for a paper's method section or an ethics board: every comment, its item, the answer, the change, the dates. */
@Controller
class AuditReport {

    static final List<String> COLUMNS = List.of("Date", "Item", "Auditor", "Comment", "Suggestion", "Answer", "Answer and change made",
            "Answered by", "Answered on", "Replies", "State", "Closed on");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final AuditView auditView;
    private final StudyAccess access;

    AuditReport(AuditView auditView, StudyAccess access) {
        this.auditView = auditView;
        this.access = access;
    }

    /** One line per comment, in the order the columns name. */
    static List<String> line(AuditView.Thread t) {
        AuditComment c = t.comment();
        var answer = t.entries().stream().filter(e -> e.kind() == ReplyKind.ACCEPTED || e.kind() == ReplyKind.NOT_ACCEPTED)
                .reduce((a, b) -> b).orElse(null);
        var closed = t.entries().stream().filter(e -> e.kind() == ReplyKind.CLOSED).reduce((a, b) -> b).orElse(null);
        String repliesText = String.join("\n", t.entries().stream().filter(e -> e.kind() == ReplyKind.REPLY)
                .map(e -> e.author() + " (" + DAY.format(e.at()) + "): " + e.body()).toList());
        return List.of(DAY.format(c.getCreatedAt()), c.getItemLabel(), t.author(), c.getBody(), nonNull(c.getSuggestion()),
                answer == null ? "" : answer.kind() == ReplyKind.ACCEPTED ? "accepted" : "not accepted",
                answer == null ? "" : nonNull(answer.body()), answer == null ? "" : answer.author(),
                answer == null ? "" : DAY.format(answer.at()), repliesText, c.getStatus().name().toLowerCase(),
                closed == null ? "" : DAY.format(closed.at()));
    }

    @GetMapping("/studies/{studyId}/audit/report.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long studyId, Principal principal) throws IOException {
        var study = access.member(studyId, principal.getName()).getStudy();
        List<AuditView.Thread> threads = auditView.all(studyId, principal.getName(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("Audit");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            sheet.createRow(0).createCell(0).setCellValue("Audit report: " + study.getName());
            sheet.getRow(0).getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(1);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i));
                header.getCell(i).setCellStyle(bold);
            }
            int r = 2;
            for (AuditView.Thread t : threads) {
                Row row = sheet.createRow(r++);
                List<String> values = line(t);
                for (int i = 0; i < values.size(); i++) {
                    row.createCell(i).setCellValue(values.get(i));
                    row.getCell(i).setCellStyle(wrap);
                }
            }
            for (int i = 0; i < COLUMNS.size(); i++) {
                sheet.setColumnWidth(i, i == 1 || i == 3 || i == 6 || i == 9 ? 50 * 256 : 16 * 256);
            }
            sheet.createFreezePane(0, 2);
            workbook.write(out);
        }
        return download(out.toByteArray(), "audit-report-study-" + studyId + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @GetMapping("/studies/{studyId}/audit/report.docx")
    ResponseEntity<byte[]> docx(@PathVariable long studyId, Principal principal) throws IOException {
        var study = access.member(studyId, principal.getName()).getStudy();
        List<AuditView.Thread> threads = auditView.all(studyId, principal.getName(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            run(document.createParagraph(), "Audit report: " + study.getName(), true, 16);
            run(document.createParagraph(), threads.size() + " comments.", false, 11);
            int n = 1;
            for (AuditView.Thread t : threads) {
                List<String> values = line(t);
                run(document.createParagraph(), "Comment " + n++ + ": " + values.get(1), true, 12);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    if (i != 1 && !values.get(i).isEmpty()) {
                        XWPFParagraph p = document.createParagraph();
                        p.setIndentationLeft(360);
                        run(p, COLUMNS.get(i) + ": ", true, 11);
                        run(p, values.get(i), false, 11);
                    }
                }
            }
            document.write(out);
        }
        return download(out.toByteArray(), "audit-report-study-" + studyId + ".docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    private static void run(XWPFParagraph paragraph, String text, boolean bold, int size) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(size);
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, String type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.parseMediaType(type)).body(body);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
