package org.cqrworkbench.coreidea;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.cqrworkbench.coreidea.ConsensusVersion.CaseVersion;
import org.cqrworkbench.coreidea.ConsensusVersion.DomainPart;
import org.cqrworkbench.coreidea.ConsensusVersion.Part;

/** Writes consensus versions to Word: a heading per case, then per domain its raw data and core ideas. */
final class ConsensusVersionDocx {

    private ConsensusVersionDocx() {
    }

    static void write(String studyName, List<CaseVersion> versions, OutputStream out) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            boolean first = true;
            for (CaseVersion version : versions) {
                XWPFParagraph heading = document.createParagraph();
                if (!first) {
                    heading.setPageBreak(true);
                }
                first = false;
                run(heading, "Consensus version: " + version.code(), true, false, 16);
                run(document.createParagraph(), studyName, false, true, 11);
                for (Part part : version.parts()) {
                    if (part.subsample() != null) {
                        run(document.createParagraph(), part.subsample(), true, false, 14);
                    }
                    if (part.domains().isEmpty()) {
                        run(document.createParagraph(), "Nothing coded yet.", false, true, 11);
                    }
                    for (DomainPart domain : part.domains()) {
                        run(document.createParagraph(), domain.domain(), true, false, 13);
                        run(document.createParagraph(), "Raw data", false, true, 11);
                        for (String raw : domain.rawData()) {
                            XWPFParagraph p = document.createParagraph();
                            p.setIndentationLeft(360);
                            lines(p, raw);
                        }
                        run(document.createParagraph(), "Core ideas", false, true, 11);
                        int n = 1;
                        for (String idea : domain.coreIdeas()) {
                            XWPFParagraph p = document.createParagraph();
                            p.setIndentationLeft(360);
                            run(p, n++ + ". " + idea, false, false, 11);
                        }
                    }
                }
            }
            document.write(out);
        }
    }

    private static void run(XWPFParagraph paragraph, String text, boolean bold, boolean italic, int size) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setItalic(italic);
        run.setFontSize(size);
    }

    /** Line breaks in the transcript become line breaks in Word, not one long line. */
    private static void lines(XWPFParagraph paragraph, String text) {
        XWPFRun run = paragraph.createRun();
        run.setFontSize(11);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak(BreakType.TEXT_WRAPPING);
            }
            run.setText(lines[i], i);
        }
    }
}
