package io.github.alembicmaven.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/** What the report writers share: the all-or-nothing file write, and the version written into the CI reports. */
final class ReportFiles {
    private ReportFiles() {}

    /** Writes a report body to an output stream. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code file} through a temporary sibling that is moved into place, so readers never see half a report
     * and a failed write leaves the previous file (or none). Parent directories are created.
     */
    static void write(Path file, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its files are private (rw-------), and reports are read by CI tools and people.
        Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                body.writeTo(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The version of alembic-maven (core, plugin and rule are released together), from a resource filtered at build. */
    static String toolVersion() {
        return VersionHolder.VERSION;
    }

    private static final class VersionHolder {
        static final String VERSION = load();

        private static String load() {
            Properties p = new Properties();
            try (InputStream in = ReportFiles.class.getResourceAsStream("alembic-maven.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // the version is informative only
            }
            String v = p.getProperty("version", "");
            return v.isEmpty() || v.contains("${") ? "unknown" : v;
        }
    }
}
