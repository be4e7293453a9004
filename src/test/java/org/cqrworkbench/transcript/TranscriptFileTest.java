package org.cqrworkbench.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.cqrworkbench.web.InvalidInputException;
import org.junit.jupiter.api.Test;

class TranscriptFileTest {

    private static final String TEXT = "Interviewer: Wie war es für dich? 😢\r\n\r\nParticipant: Schwer. Ça m’a touchée.\r\n";
    private static final String STORED = "Interviewer: Wie war es für dich? 😢\n\nParticipant: Schwer. Ça m’a touchée.\n";

    @Test
    void utf8WithAndWithoutByteOrderMarkIsKeptExactlyButForLineEnds() {
        byte[] plain = TEXT.getBytes(StandardCharsets.UTF_8);
        assertThat(TranscriptFile.read("P01.txt", plain)).isEqualTo(STORED);
        assertThat(TranscriptFile.read("P01.TXT", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain)))
                .isEqualTo(STORED);
    }

    @Test
    void utf16LittleAndBigEndianWithByteOrderMarkAreRead() {
        assertThat(TranscriptFile.read("P01.txt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                TEXT.getBytes(StandardCharsets.UTF_16LE)))).isEqualTo(STORED);
        assertThat(TranscriptFile.read("P01.txt", concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                TEXT.getBytes(StandardCharsets.UTF_16BE)))).isEqualTo(STORED);
    }

    @Test
    void invalidUtf8IsRefusedNotGuessed() {
        byte[] truncated = {'o', 'k', (byte) 0xE2, (byte) 0x82};
        assertRefused("P01.txt", truncated, "transcript.encoding");
    }

    @Test
    void latin1BytesThatAreNotUtf8AreRefused() {
        assertRefused("P01.txt", "Participant: Ça m'a touchée, très émue.".getBytes(StandardCharsets.ISO_8859_1),
                "transcript.encoding");
    }

    @Test
    void utf16WithoutByteOrderMarkIsRefusedRatherThanGuessed() {
        assertRefused("P01.txt", "Interviewer: hello".getBytes(StandardCharsets.UTF_16LE), "transcript.binary");
    }

    @Test
    void binaryFilesRenamedTxtAreRefused() {
        byte[] withNul = {'P', 'K', 3, 4, 0, 0, 'x'};
        assertRefused("P01.txt", withNul, "transcript.binary");
        byte[] controls = new byte[200];
        for (int i = 0; i < controls.length; i++) {
            controls[i] = (byte) (i % 2 == 0 ? 0x01 + i % 7 : 'a');
        }
        assertRefused("P01.txt", controls, "transcript.binary");
    }

    @Test
    void emptyAndBlankFilesAreRefused() {
        assertRefused("P01.txt", new byte[0], "transcript.empty");
        assertRefused("P01.txt", " \r\n\t\n".getBytes(StandardCharsets.UTF_8), "transcript.empty");
        assertRefused("P01.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "transcript.empty");
    }

    @Test
    void otherFileTypesAreRefused() {
        assertRefused("P01.rtf", "{\\rtf1 hello}".getBytes(StandardCharsets.UTF_8), "transcript.type");
        assertRefused("P01.doc", "hello".getBytes(StandardCharsets.UTF_8), "transcript.type");
    }

    @Test
    void docxParagraphsAndTableParagraphsBecomeTurnsInDocumentOrder() throws IOException {
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Interviewer: How did it start?");
            document.createParagraph();
            var answer = document.createParagraph();
            answer.createRun().setText("Participant: I was ");
            answer.createRun().setText("in session 😢 with her.");
            XWPFTable table = document.createTable(1, 2);
            table.getRow(0).getCell(0).setText("Interviewer: And then?");
            table.getRow(0).getCell(1).setText("Participant: Then I cried.");
            document.createParagraph().createRun().setText("Interviewer: Thank you.");
            document.write(out);
            docx = out.toByteArray();
        }
        String text = TranscriptFile.read("P07.docx", docx);
        assertThat(text).isEqualTo("Interviewer: How did it start?\n\nParticipant: I was in session 😢 with her.\n\n"
                + "Interviewer: And then?\n\nParticipant: Then I cried.\n\nInterviewer: Thank you.");
        assertThat(TranscriptText.turns(text)).extracting(TranscriptText.Turn::speaker)
                .containsExactly("Interviewer", "Participant", "Interviewer", "Participant", "Interviewer");
    }

    @Test
    void brokenOrForeignDocxIsRefused() throws IOException {
        assertRefused("P01.docx", "just text, renamed".getBytes(StandardCharsets.UTF_8), "transcript.docx.unreadable");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write("not a Word document".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused("P01.docx", zip.toByteArray(), "transcript.docx.unreadable");
        byte[] truncated = java.util.Arrays.copyOf(zip.toByteArray(), zip.size() / 2);
        assertRefused("P01.docx", truncated, "transcript.docx.unreadable");
    }

    private static void assertRefused(String name, byte[] content, String key) {
        assertThatThrownBy(() -> TranscriptFile.read(name, content))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
