package io.github.alembicmaven.core.merge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Creates new revision files all-or-nothing: every file is written to a temporary file in its own directory, flushed
 * to disk and then given its final name with a hard link, which is atomic and fails when the name exists (a rename
 * without replacing where hard links are not supported). When any step fails, every file and directory created by the
 * run is removed again, so the tree is as before. Existing files are never opened for writing, never replaced and
 * never deleted.
 */
public final class MergeWriter {
    private static final String TEMP_SUFFIX = ".alembic-maven.tmp";

    private MergeWriter() {}

    /**
     * A file to create.
     *
     * @param file the absolute path of the new file
     * @param bytes its content
     */
    public record Target(Path file, byte[] bytes) {
        public Target {
            Objects.requireNonNull(file, "file");
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** Writing failed; nothing created by the run is left behind (unless {@link #leftBehind()} says otherwise). */
    public static final class WriteException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Path file;
        private final transient List<Path> leftBehind;

        WriteException(String message, Path file, List<Path> leftBehind, Throwable cause) {
            super(message, cause);
            this.file = file;
            this.leftBehind = List.copyOf(leftBehind);
        }

        /** The file that could not be created. */
        public Path file() {
            return file;
        }

        /**
         * Whether the file system refused the write itself (permissions, an immutable or read-only directory), so
         * making the directory writable is the fix.
         */
        public boolean notWritable() {
            Throwable c = getCause();
            if (c instanceof java.nio.file.AccessDeniedException) {
                return true;
            }
            String reason = c instanceof java.nio.file.FileSystemException fse ? fse.getReason() : null;
            return reason != null && (reason.contains("not permitted") || reason.contains("Read-only file system"));
        }

        /** Paths the run created but could not remove again (normally empty). */
        public List<Path> leftBehind() {
            return leftBehind;
        }
    }

    /** The files and directories created by one {@link #writeAll} call, which {@link #rollback()} removes. */
    public static final class Written {
        private final List<Path> files;
        private final List<Path> directories;
        private final List<PycacheSnapshot> pycaches;

        Written(List<Path> files, List<Path> directories, List<PycacheSnapshot> pycaches) {
            this.files = List.copyOf(files);
            this.directories = List.copyOf(directories);
            this.pycaches = new ArrayList<>(pycaches);
        }

        /**
         * Remembers the bytecode in the {@code __pycache__} of each directory, so that {@link #rollback()} also
         * removes what a command run after writing compiled there (a {@code verifyCommand} running Alembic compiles
         * {@code env.py} and every revision file). Call it before running such a command.
         *
         * @param directories the script location and the version locations, for example
         */
        public void watchBytecode(List<Path> directories) {
            for (Path d : directories) {
                pycaches.add(PycacheSnapshot.of(d.resolve("__pycache__"), "*.pyc"));
            }
        }

        /** The files created, in write order. */
        public List<Path> files() {
            return files;
        }

        /** The directories created (for a {@code file_template} with sub-directories), parents first. */
        public List<Path> directories() {
            return directories;
        }

        /**
         * Removes every file and directory this run created, and the bytecode Python compiled from them in the
         * meantime (a {@code verifyCommand} that imports the new revisions writes {@code __pycache__/<name>.*.pyc}),
         * so the tree is byte-for-byte as before the run.
         *
         * @return the paths that could not be removed (empty on success)
         */
        public List<Path> rollback() {
            List<Path> failed = new ArrayList<>();
            for (PycacheSnapshot s : pycaches) {
                s.removeNew(failed);
            }
            List<Path> reversed = new ArrayList<>(files);
            Collections.reverse(reversed);
            for (Path f : reversed) {
                delete(f, failed);
            }
            removeDirectories(directories, failed);
            return failed;
        }
    }

    /** The {@code __pycache__} entries of one new file before it existed. */
    private record PycacheSnapshot(Path pycacheDir, String glob, boolean dirExisted, Set<Path> before) {
        /** The bytecode of one new file ({@code __pycache__/<stem>.*.pyc}). */
        static PycacheSnapshot of(Path file) {
            String name = file.getFileName().toString();
            String stem = name.endsWith(".py") ? name.substring(0, name.length() - 3) : name;
            return of(file.getParent().resolve("__pycache__"), stem + ".*.pyc");
        }

        static PycacheSnapshot of(Path pycacheDir, String glob) {
            boolean existed = Files.isDirectory(pycacheDir, LinkOption.NOFOLLOW_LINKS);
            return new PycacheSnapshot(pycacheDir, glob, existed, existed ? compiled(pycacheDir, glob) : Set.of());
        }

        static Set<Path> compiled(Path dir, String glob) {
            Set<Path> out = new HashSet<>();
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return out;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
                ds.forEach(out::add);
            } catch (IOException e) {
                // unreadable __pycache__: nothing of ours can be found there either
            }
            return out;
        }

        void removeNew(List<Path> failed) {
            for (Path p : compiled(pycacheDir, glob)) {
                if (!before.contains(p)) {
                    delete(p, failed);
                }
            }
            if (!dirExisted && Files.isDirectory(pycacheDir, LinkOption.NOFOLLOW_LINKS)) {
                removeDirectories(List.of(pycacheDir), failed);
            }
        }
    }

    /**
     * Creates every target, or none.
     *
     * @param targets the files to create (absolute paths, none of which may exist)
     * @return what was created, for {@link Written#rollback()}
     * @throws WriteException when a target exists or cannot be written; everything created so far has been removed
     */
    public static Written writeAll(List<Target> targets) throws WriteException {
        Set<Path> seen = new HashSet<>();
        for (Target t : targets) {
            Path f = t.file().toAbsolutePath().normalize();
            if (!seen.add(f)) {
                throw new WriteException("Two new revisions would be written to the same file " + f
                        + " (file_template gives them one name).", f, List.of(), null);
            }
            if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                throw new WriteException("File " + f + " already exists; converge never replaces a file.", f,
                        List.of(), null);
            }
        }
        List<Path> files = new ArrayList<>();
        List<Path> directories = new ArrayList<>();
        List<PycacheSnapshot> pycaches = new ArrayList<>();
        for (Target t : targets) {
            Path f = t.file().toAbsolutePath().normalize();
            Path tmp = null;
            Path name = null;
            try {
                createDirectories(f.getParent(), directories);
                pycaches.add(PycacheSnapshot.of(f));
                name = f.resolveSibling("." + f.getFileName() + "." + Long.toHexString(System.nanoTime()) + TEMP_SUFFIX);
                try (FileChannel ch = FileChannel.open(name, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    tmp = name; // only a file this run created is deleted (and reported if it cannot be)
                    ByteBuffer buffer = ByteBuffer.wrap(t.bytes());
                    while (buffer.hasRemaining()) {
                        ch.write(buffer);
                    }
                    ch.force(true);
                }
                if (publish(tmp, f)) {
                    files.add(f);
                    Files.delete(tmp); // the hard link's other name
                } else {
                    files.add(f);
                }
                tmp = null;
            } catch (IOException | RuntimeException e) {
                String why = describe(e, f, name);
                List<Path> failed = new ArrayList<>();
                if (tmp != null) {
                    delete(tmp, failed);
                }
                failed.addAll(new Written(files, directories, pycaches).rollback());
                throw new WriteException("Could not create " + f + ": " + why, f, failed, e);
            }
        }
        return new Written(files, directories, pycaches);
    }

    /**
     * Gives the complete temporary file its final name without ever replacing a file: a hard link is created
     * atomically and fails when the name exists (then the caller removes the temporary name); where hard links are not
     * supported, a rename without {@code REPLACE_EXISTING} (the JDK checks for the name, then renames).
     *
     * @return true when a hard link was created (the temporary name still exists), false after a rename
     */
    private static boolean publish(Path tmp, Path f) throws IOException {
        try {
            Files.createLink(f, tmp);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            Files.move(tmp, f);
            return false;
        }
    }

    private static String describe(Exception e, Path target, Path tmp) {
        String type = e.getClass().getSimpleName();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "the file already exists (created by someone else meanwhile)";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null && fse.getFile() != null) {
            // The OS's reason ("Operation not permitted", "No space left on device") without the absolute name of the
            // temporary file, which the user never sees and which differs on every run; any other path is kept.
            Path p = Path.of(fse.getFile());
            return p.equals(tmp) || p.equals(target) ? fse.getReason() : p + ": " + fse.getReason();
        }
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }

    /** Creates the missing directories of {@code dir}, recording each one created (parents first). */
    private static void createDirectories(Path dir, List<Path> created) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path d = dir; d != null && !Files.exists(d, LinkOption.NOFOLLOW_LINKS); d = d.getParent()) {
            missing.add(0, d);
        }
        for (Path d : missing) {
            Files.createDirectory(d);
            created.add(d);
        }
    }

    private static void delete(Path p, List<Path> failed) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            leftBehind(p, failed);
        }
    }

    /** Removes the given directories deepest first, each only when empty. */
    private static void removeDirectories(List<Path> dirs, List<Path> failed) {
        List<Path> order = new ArrayList<>(new LinkedHashSet<>(dirs));
        Collections.reverse(order);
        for (Path d : order) {
            try {
                Files.deleteIfExists(d);
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // someone else put a file there: leave it
            } catch (IOException e) {
                leftBehind(d, failed);
            }
        }
    }

    /** Records a path that could not be removed, unless it does not exist (a parent that is not a directory). */
    private static void leftBehind(Path p, List<Path> failed) {
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            failed.add(p);
        }
    }
}
