package org.cqrworkbench.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;

/**
 * Online backups of the embedded H2 database into the data folder's {@code backups} folder. H2's
 * {@code BACKUP TO} copies a consistent state of the database while the workbench goes on serving; only the
 * newest {@code cqr.backup.keep} backups are kept. On any other database (PostgreSQL on a team server) the
 * database server's own tools apply, as docs/deployment.md describes, and nothing is done here.
 */
@Service
public class DatabaseBackup {

    static final String PREFIX = "cqr-backup-";
    static final String SUFFIX = ".zip";
    private static final String UNFINISHED = ".part";
    /** UTC, and sorting by name sorts by age. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Path folder;
    private final int keep;
    private final Clock clock;

    DatabaseBackup(JdbcTemplate jdbc, DataSource dataSource, @Value("${cqr.data-dir}") Path dataDir,
            @Value("${cqr.backup.keep}") int keep, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.folder = dataDir.resolve("backups");
        this.keep = Math.max(1, keep);
        this.clock = clock;
    }

    /** Where the backups go. */
    public Path folder() {
        return folder;
    }

    /**
     * Writes a new backup and deletes those beyond the number to keep; empty when the database is not an H2
     * file database, which this does not back up.
     */
    public Optional<Path> backUp() {
        if (!embeddedFileDatabase()) {
            log.debug("No backup: the database is not an embedded H2 file database");
            return Optional.empty();
        }
        Path backup = folder.resolve(PREFIX + STAMP.format(clock.instant()) + SUFFIX);
        // Written under another name first, so a backup cut short by a crash is never taken for a whole one.
        Path unfinished = backup.resolveSibling(backup.getFileName() + UNFINISHED);
        try {
            Files.createDirectories(folder);
            jdbc.execute("BACKUP TO '" + unfinished.toAbsolutePath().toString().replace("'", "''") + "'");
            Files.move(unfinished, backup, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup " + backup, e);
        }
        log.info("Database backed up to {}", backup);
        deleteOld();
        return Optional.of(backup);
    }

    /** The backups in the folder, newest first. */
    public List<Path> backups() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> isBackup(f.getFileName().toString()))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the backups in " + folder, e);
        }
    }

    private void deleteOld() {
        List<Path> old = new ArrayList<>(backups());
        old = old.subList(Math.min(keep, old.size()), old.size());
        try (Stream<Path> files = Files.list(folder)) {
            // Left behind by a backup that a crash cut short; only one backup runs at a time.
            files.filter(f -> f.getFileName().toString().endsWith(SUFFIX + UNFINISHED)).forEach(old::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the backups in " + folder, e);
        }
        for (Path file : old) {
            try {
                Files.deleteIfExists(file);
                log.info("Old backup {} deleted", file);
            } catch (IOException e) {
                log.warn("Could not delete the old backup {}", file, e);
            }
        }
    }

    private static boolean isBackup(String name) {
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    private boolean embeddedFileDatabase() {
        try {
            String url = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
            return url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                    && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Could not tell which database is in use", e);
        }
    }
}
