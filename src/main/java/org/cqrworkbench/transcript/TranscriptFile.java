package org.cqrworkbench.transcript;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.cqrworkbench.web.InvalidInputException;

/**
 * Turns an uploaded .txt or .docx into transcript text. The encoding of a text file is never guessed:
 * a wrongly guessed encoding would corrupt the participant's words without anyone noticing, so anything
 * that is not clearly UTF-8 or UTF-16 with a byte-order mark is refused with a message saying how to save it.
 */
final class TranscriptFile {

    /** A text file where more than one character in ten is a control character is not a transcript. */
    private static final double MAX_CONTROL_SHARE = 0.1;

    private TranscriptFile() {
    }

    /** The file's text as it will be stored: decoded, line ends normalised, leading byte-order mark removed. */
    static String read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (content.length == 0) {
            throw new InvalidInputException("transcript.empty");
        }
        String text;
        if (name.endsWith(".txt")) {
            text = decodeText(content);
        } else if (name.endsWith(".docx")) {
            text = docxText(content);
        } else {
            throw new InvalidInputException("transcript.type");
        }
        String body = TranscriptText.normalise(text);
        if (body.isBlank()) {
            throw new InvalidInputException("transcript.empty");
        }
        return body;
    }

    static String decodeText(byte[] content) {
        String text;
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            text = strictly(StandardCharsets.UTF_8, content, 3);
        } else if (startsWith(content, 0xFF, 0xFE)) {
            text = strictly(StandardCharsets.UTF_16LE, content, 2);
        } else if (startsWith(content, 0xFE, 0xFF)) {
            text = strictly(StandardCharsets.UTF_16BE, content, 2);
        } else {
            text = strictly(StandardCharsets.UTF_8, content, 0);
        }
        if (looksBinary(text)) {
            throw new InvalidInputException("transcript.binary");
        }
        return text;
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String strictly(Charset charset, byte[] content, int skip) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, skip, content.length - skip))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("transcript.encoding");
        }
    }

    // A NUL never occurs in text, but UTF-16 without a byte-order mark, UTF-32 and most binary formats are full of them.
    private static boolean looksBinary(String text) {
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == 0) {
                return true;
            }
            if (Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f') {
                control++;
            }
        }
        return control > text.length() * MAX_CONTROL_SHARE;
    }

    /**
     * Paragraphs in document order, tables' paragraphs included, each paragraph its own turn (separated by a
     * blank line). Empty paragraphs, which Word users type for spacing, are left out. POI's defences against
     * zip bombs stay at their defaults: a document that trips them is refused like any unreadable one.
     */
    static String docxText(byte[] content) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            StringBuilder text = new StringBuilder();
            appendAll(document.getBodyElements(), text);
            return text.toString();
        } catch (Exception e) {
            // POI reports a broken zip, a zip without a document and a zip bomb each in its own way; all mean the same here.
            throw new InvalidInputException("transcript.docx.unreadable");
        }
    }

    private static void appendAll(List<IBodyElement> elements, StringBuilder text) {
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph paragraph) {
                append(paragraph.getText(), text);
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        appendAll(cell.getBodyElements(), text);
                    }
                }
            } else if (element instanceof XWPFSDT control) {
                append(control.getContent().getText(), text);
            }
        }
    }

    private static void append(String paragraph, StringBuilder text) {
        if (paragraph == null || paragraph.isBlank()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
        text.append(paragraph);
    }
}
