package org.cqrworkbench.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageWritingTest {

    /** Letters, curly quotes, accents, a check mark and characters outside the basic plane, such as emoji. */
    private static final String[] PIECES = {"a", "Z", " ", "\n", "é", "’", "“", "✓", "—", "😀", "𝄞", "<", "&"};

    @Test
    void aPageIsEncodedToTheSameBytesHoweverItIsWritten() throws IOException {
        Random random = new Random(7);
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1}) {
            for (int round = 0; round < 50; round++) {
                StringBuilder page = new StringBuilder();
                int pieces = random.nextInt(30000);
                for (int i = 0; i < pieces; i++) {
                    page.append(PIECES[random.nextInt(PIECES.length)]);
                }
                String text = page.toString();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                PrintWriter writer = new PrintWriter(new PageWriting.EncodingWriter(bytes, charset), false);
                // Pieces of every size, cut anywhere, even between the two halves of an emoji, and single characters.
                for (int at = 0; at < text.length();) {
                    int length = Math.min(text.length() - at, random.nextBoolean() ? random.nextInt(5) : random.nextInt(20000));
                    switch (random.nextInt(3)) {
                        case 0 -> writer.write(text, at, length);
                        case 1 -> writer.write(text.toCharArray(), at, length);
                        default -> {
                            for (int i = at; i < at + length; i++) {
                                writer.print(text.charAt(i));
                            }
                        }
                    }
                    at += length;
                }
                writer.flush();
                assertThat(bytes.toByteArray()).as("%s, round %d", charset, round).isEqualTo(text.getBytes(charset));
            }
        }
    }

    @Test
    void nothingIsWrittenBeforeTheWriterIsFlushedUnlessItIsLarge() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter writer = new PrintWriter(new PageWriting.EncodingWriter(bytes, StandardCharsets.UTF_8), false);
        writer.write("<p>short</p>");
        assertThat(bytes.size()).isZero();
        writer.write("x".repeat(10000));
        assertThat(bytes.size()).isEqualTo(10012);
    }
}
