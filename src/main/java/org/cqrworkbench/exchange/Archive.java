package org.cqrworkbench.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.cqrworkbench.web.InvalidInputException;

/**
 * The entries of an uploaded archive, held in memory and found without regard to letter case ("Sources/" or
 * "sources/"). Sizes are counted while inflating, not taken from the archive's own headers, which a hostile file
 * can fake.
 */
final class Archive {

    private final Map<String, byte[]> entries;

    private Archive(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    static Archive read(byte[] content, ExchangeLimits limits) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        int count = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++count > limits.maxEntries()) {
                    throw new InvalidInputException("exchange.archive.tooManyEntries", limits.maxEntries());
                }
                String name = checkedPath(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] data = inflate(zip, name, limits, limits.maxTotalBytes() - total);
                total += data.length;
                entries.putIfAbsent(name.toLowerCase(Locale.ROOT), data);
            }
        } catch (ZipException e) {
            throw new InvalidInputException("exchange.archive.damaged");
        } catch (IOException e) {
            throw new InvalidInputException("exchange.archive.damaged");
        }
        if (count == 0) {
            throw new InvalidInputException("exchange.archive.damaged");
        }
        return new Archive(entries);
    }

    /** A path that would leave the folder the archive is unpacked into is refused, and with it the archive. */
    static String checkedPath(String raw) {
        String name = raw.replace('\\', '/');
        boolean absolute = name.startsWith("/") || name.matches("^[A-Za-z]:.*");
        boolean climbs = false;
        for (String segment : name.split("/")) {
            climbs |= segment.equals("..");
        }
        if (absolute || climbs || name.indexOf('\0') >= 0) {
            throw new InvalidInputException("exchange.archive.path", raw);
        }
        return name.startsWith("./") ? name.substring(2) : name;
    }

    private static byte[] inflate(InputStream in, String name, ExchangeLimits limits, long totalLeft) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
            size += read;
            if (size > limits.maxEntryBytes()) {
                throw new InvalidInputException("exchange.archive.entryTooLarge", name, limits.maxEntryBytes() / (1024 * 1024));
            }
            if (size > totalLeft) {
                throw new InvalidInputException("exchange.archive.tooLarge", limits.maxTotalBytes() / (1024 * 1024));
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** The entry at this path, in any letter case. */
    Optional<byte[]> entry(String path) {
        return Optional.ofNullable(entries.get(path.toLowerCase(Locale.ROOT)));
    }

    /**
     * The file a source points to: "internal://a.txt" lives in the sources folder; "relative://" paths are tried
     * there too; an "absolute://" path is on the writer's own disk and never in the archive.
     */
    Optional<byte[]> source(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String path = reference.strip();
        if (path.startsWith("internal://")) {
            path = path.substring("internal://".length());
        } else if (path.startsWith("relative://")) {
            path = path.substring("relative://".length());
        } else {
            return Optional.empty();
        }
        String file = path.replace('\\', '/');
        return entry("sources/" + file).or(() -> entry(file))
                .or(() -> entry("sources/" + file.substring(file.lastIndexOf('/') + 1)));
    }
}
