package org.cqrworkbench.exchange;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole study as a .qdpx, written into a stream as it is read: the backup ({@link StudyBackup#ENTRY}), the REFI-QDA
 * project ({@link StudyToProject}), then the transcripts' texts. Nothing of the size of the study is held in memory.
 * <p>
 * Each transcript is read from the database once, with all its columns: the database reads a whole row even when
 * asked for part of it, and a large study's texts passing through its cache more than once would fill the old
 * generation of a small heap again and again. The texts wait in a temporary file, as the archive will hold them,
 * until the project (which needs them for the names and positions of selections) and their own entries are written.
 */
final class StudyExport {

    /** A transcript's row without its text, and where the text lies in the temporary file. */
    private record Spooled(long id, long caseId, Object bodyLength, String sourceName, OffsetDateTime importedAt, long offset,
            int size, boolean exact) {

        StudyToProject.Source source() {
            return new StudyToProject.Source(id, caseId, importedAt);
        }
    }

    private StudyExport() {
    }

    /** `jdbc` should read rows in batches (see {@link StudyTables#streaming}) inside a read-only transaction. */
    static void write(StudyTables tables, JdbcTemplate jdbc, long studyId, JsonMapper json, OutputStream out) {
        Path file = null;
        try {
            file = Files.createTempFile("cqr-export-", ".txt");
            try (FileChannel texts = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                List<Spooled> transcripts = spool(jdbc, studyId, texts);
                ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, 64 * 1024), StandardCharsets.UTF_8);
                // Text packs well even at the fastest level; the best level would triple the time of a large export.
                zip.setLevel(Deflater.BEST_SPEED);
                // The backup goes first: it reads every row anyway, and finds on the way the people the project lists
                // first.
                zip.putNextEntry(new ZipEntry(StudyBackup.ENTRY));
                Map<Long, StudyRows.Person> people = StudyBackup.write(tables, studyId, rows(transcripts), json, zip);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("project.qde"));
                // The JDK's XML writer sends a stream one character at a time; through a buffered writer it goes in blocks.
                Writer writer = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 64 * 1024);
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(writer);
                Map<Long, Spooled> byId = new LinkedHashMap<>();
                transcripts.forEach(t -> byId.put(t.id(), t));
                StudyToProject.write(jdbc, studyId, people, transcripts.stream().map(Spooled::source).toList(),
                        source -> text(jdbc, texts, byId.get(source.id())), xml);
                // Closing the XML writer leaves the archive open; its text is still in the buffer until flushed.
                xml.close();
                writer.flush();
                zip.closeEntry();
                for (Spooled transcript : transcripts) {
                    zip.putNextEntry(new ZipEntry(StudyBackup.entryOf(transcript.id())));
                    copy(texts, transcript, zip);
                    zip.closeEntry();
                }
                zip.finish();
                zip.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw StudyToProject.failed(e);
        } finally {
            delete(file);
        }
    }

    /** Reads each transcript of the study, case by case, and writes its text into the file as the archive will hold it. */
    private static List<Spooled> spool(JdbcTemplate jdbc, long studyId, FileChannel texts) throws IOException {
        List<Spooled> transcripts = new ArrayList<>();
        long[] offset = {0};
        for (long caseId : jdbc.queryForList("select id from study_case where study_id = ? order by id", Long.class, studyId)) {
            jdbc.query("select id, body_length, source_name, imported_at, body from transcript where case_id = ?", (ResultSet rs) -> {
                String body = rs.getString(5);
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                try {
                    write(texts, bytes, offset[0]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                transcripts.add(new Spooled(rs.getLong(1), caseId, rs.getObject(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), offset[0], bytes.length, !hasLoneSurrogate(body)));
                offset[0] += bytes.length;
            }, caseId);
        }
        transcripts.sort(Comparator.comparingLong(Spooled::id));
        return transcripts;
    }

    /** The transcripts' rows as the backup writes them: its columns but the text, in the order of the table. */
    private static List<Map<String, Object>> rows(List<Spooled> transcripts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Spooled transcript : transcripts) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", transcript.id());
            row.put("case_id", transcript.caseId());
            row.put("body_length", transcript.bodyLength());
            row.put("source_name", transcript.sourceName());
            row.put("imported_at", transcript.importedAt());
            rows.add(row);
        }
        return rows;
    }

    /**
     * The text of a transcript. UTF-8 cannot carry half of a surrogate pair (the file holds '?' in its place), so a
     * text with one, which no import makes, is read from the database again.
     */
    private static String text(JdbcTemplate jdbc, FileChannel texts, Spooled transcript) throws IOException {
        if (!transcript.exact()) {
            return jdbc.queryForObject("select body from transcript where id = ?", String.class, transcript.id());
        }
        ByteBuffer bytes = ByteBuffer.allocate(transcript.size());
        while (bytes.hasRemaining()) {
            if (texts.read(bytes, transcript.offset() + bytes.position()) < 0) {
                throw new IOException("The temporary file of transcripts ended early");
            }
        }
        return new String(bytes.array(), StandardCharsets.UTF_8);
    }

    private static void copy(FileChannel texts, Spooled transcript, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        for (long done = 0; done < transcript.size(); ) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), transcript.size() - done));
            int read = texts.read(buffer, transcript.offset() + done);
            if (read < 0) {
                throw new IOException("The temporary file of transcripts ended early");
            }
            out.write(buffer.array(), 0, read);
            done += read;
        }
    }

    private static void write(FileChannel file, byte[] bytes, long offset) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            file.write(buffer, offset + buffer.position());
        }
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
