package org.cqrworkbench.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The real files other QDA programs wrote, kept beside the project in ../shared/refi-qda, and small archives made here. */
final class Fixtures {

    static final Path FOLDER = Path.of("../shared/refi-qda/fixtures");
    static final Path SCHEMAS = Path.of("../shared/refi-qda/schema");

    private Fixtures() {
    }

    static byte[] file(String name) {
        try {
            return Files.readAllBytes(FOLDER.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An archive with the given entries, text written as UTF-8. */
    static byte[] zip(Map<String, ?> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                Object value = entry.getValue();
                zip.write(value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The study as its lead downloads it, caught in memory. */
    static byte[] export(StudyExchange exchange, long studyId, String lead) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        exchange.export(studyId, lead, () -> bytes);
        return bytes.toByteArray();
    }

    /** The entries of an archive, by name. */
    static Map<String, byte[]> unzip(byte[] archive) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
