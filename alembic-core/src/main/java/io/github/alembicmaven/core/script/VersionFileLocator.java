package io.github.alembicmaven.core.script;

import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.config.AlembicSettings;
import io.github.alembicmaven.core.config.PythonText;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists version files exactly as Alembic (&ge; 1.10, {@code ScriptDirectory._load_revisions},
 * {@code Script._list_py_dir}, {@code Script._from_path}) does, without reading them:
 *
 * <ul>
 *   <li>locations in config order; missing ones are skipped (Alembic &ge; 1.10; 1.8.1 fails on a missing default
 *       {@code versions} directory);
 *   <li>per directory the files sorted by Python's {@code str} order (code points), then the sub-directories in sorted
 *       order, entered only with {@code recursive_version_locations}; files of directories whose name ends with
 *       {@code __pycache__} are skipped;
 *   <li>names matching {@code re.match(r"(?!\.\#|__init__)(.*\.py)$", name)} (with {@code sourceless}:
 *       {@code (.*\.py)(c|o)?$}, plus files of {@code __pycache__} whose stem has no source);
 *   <li>the same file reached twice (by real path) is loaded once, with Alembic's warning.
 * </ul>
 *
 * Compiled-only revisions ({@code .pyc}/{@code .pyo} without a {@code .py}) cannot be read statically: with
 * {@code sourceless = true} (Alembic would load them) they are {@link DiagnosticCode#SOURCELESS_UNSUPPORTED} errors;
 * without it Alembic ignores them, and so do we, unless the whole tree consists of compiled files only (then the
 * same error says why nothing was found). Deviations: duplicates are detected
 * among revision candidates only (Alembic also dedupes README and friends, warning for them too); a symbolic link to a
 * directory is neither entered nor listed; sub-directories below a {@code __pycache__} directory are visited in sorted
 * order (Python: arbitrary); a version location that is itself named {@code *__pycache__} is not walked further
 * without recursion (Python would).
 */
public final class VersionFileLocator {
    /** {@code _only_source_rev_file}; UNIX_LINES makes {@code .} and {@code $} behave like Python's. */
    private static final Pattern SOURCE_REV_FILE = Pattern.compile("(?!\\.#|__init__)(.*\\.py)$", Pattern.UNIX_LINES);
    /** {@code _sourceless_rev_file}. */
    private static final Pattern SOURCELESS_REV_FILE =
            Pattern.compile("(?!\\.#|__init__)(.*\\.py)(c|o)?$", Pattern.UNIX_LINES);
    private static final int MAX_NAMED_FILES = 10;

    private VersionFileLocator() {}

    /** Lists the version files of {@code settings} in load order. */
    public static VersionFiles locate(AlembicSettings settings) throws AlembicConfigException {
        Walk walk = new Walk(settings.recursiveVersionLocations(), settings.sourceless());
        for (Path location : settings.versionLocations()) {
            if (Files.isDirectory(location)) {
                walk.directory(location);
            }
        }
        if (walk.files.isEmpty()) {
            walk.diagnostics.addAll(walk.compiledOnlyWithoutSourceless); // a tree of compiled files only
        }
        return new VersionFiles(walk.files, walk.diagnostics);
    }

    /**
     * Whether a file of this name is a revision file with Python source (Alembic's {@code _only_source_rev_file}):
     * {@code SOURCE_REV_FILE.matcher(name).lookingAt()} without a regex: not starting with {@code .#} or
     * {@code __init__}, and {@code <no \n>.py} optionally followed by one final {@code \n} (Python's {@code $}).
     * Shared with readers of other trees (a git commit), so that both list the same files.
     *
     * @param name a file name (no directory)
     */
    public static boolean isSourceRevFile(String name) {
        if (name.startsWith(".#") || name.startsWith("__init__")) {
            return false;
        }
        int end = name.length();
        if (end > 0 && name.charAt(end - 1) == '\n') {
            end--;
        }
        if (end < 3 || !name.startsWith(".py", end - 3)) {
            return false;
        }
        int nl = name.indexOf('\n');
        return nl < 0 || nl >= end;
    }

    /**
     * Whether the files of a directory of this name are revision candidates: Alembic skips the files of directories
     * whose name ends with {@code __pycache__} (their sub-directories are still entered with recursion).
     *
     * @param directoryName a directory name (no parent)
     */
    public static boolean scansFilesOf(String directoryName) {
        return !directoryName.endsWith("__pycache__");
    }

    private static final class Walk {
        final boolean recursive;
        final boolean sourceless;
        final List<Path> files = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        final Set<Path> seen = new HashSet<>();
        /** Without sourceless Alembic ignores compiled files; they are reported only if the tree has no source. */
        final List<Diagnostic> compiledOnlyWithoutSourceless = new ArrayList<>();

        Walk(boolean recursive, boolean sourceless) {
            this.recursive = recursive;
            this.sourceless = sourceless;
        }

        void directory(Path dir) throws AlembicConfigException {
            Listing listing = Listing.of(dir, recursive || sourceless);
            if (scansFilesOf(dir.getFileName().toString())) {
                scanFiles(dir, listing);
            }
            if (recursive) {
                for (String sub : listing.dirs) {
                    directory(dir.resolve(sub));
                }
            }
        }

        private void scanFiles(Path dir, Listing listing) throws AlembicConfigException {
            List<String> names = new ArrayList<>(listing.files);
            List<Path> candidates = new ArrayList<>(listing.files.size());
            for (String name : listing.files) {
                candidates.add(dir.resolve(name));
            }
            int inDir = candidates.size(); // candidates before this index are dir/<name>; the rest are in __pycache__
            if (sourceless) {
                Path pycache = dir.resolve("__pycache__");
                if (Files.isDirectory(pycache)) {
                    Set<String> stems = new HashSet<>();
                    for (String name : listing.files) {
                        stems.add(stem(name));
                    }
                    for (String name : Listing.of(pycache, true).files) {
                        if (!stems.contains(stem(name))) {
                            candidates.add(pycache.resolve(name));
                            names.add(name);
                        }
                    }
                }
            }
            Path realDir = realPath(dir);
            List<String> compiledOnly = new ArrayList<>();
            boolean anySource = false;
            for (int c = 0; c < candidates.size(); c++) {
                Path candidate = candidates.get(c);
                String name = names.get(c);
                Matcher m = null;
                if (sourceless) {
                    m = SOURCELESS_REV_FILE.matcher(name);
                    if (!m.lookingAt()) {
                        continue;
                    }
                } else if (!isSourceRevFile(name)) {
                    if (isCompiledOnly(candidate, name)) {
                        compiledOnly.add(name);
                    }
                    continue;
                }
                boolean compiled = sourceless && m.group(2) != null;
                if (compiled) {
                    Path parent = candidate.getParent();
                    boolean pyExists = Files.exists(parent.resolve(m.group(1)));
                    boolean pycExists = Files.exists(parent.resolve(m.group(1) + "c"));
                    if (pyExists || (m.group(2).equals("o") && pycExists)) {
                        continue;
                    }
                }
                Path real = c < inDir && !listing.symlinks.contains(name)
                        ? realDir.resolve(name)
                        : realPath(candidate);
                if (!seen.add(real)) {
                    diagnostics.add(Diagnostic.warning(DiagnosticCode.FILE_LOADED_TWICE, real, 0,
                            "File " + real + " loaded twice! ignoring. Please ensure version_locations is unique.",
                            "list each directory only once in version_locations"));
                    continue;
                }
                if (compiled) {
                    compiledOnly.add(dir.relativize(candidate).toString());
                } else {
                    anySource = true;
                    files.add(candidate);
                }
            }
            if (!compiledOnly.isEmpty() && sourceless) {
                diagnostics.add(compiledOnlyError(dir, compiledOnly));
            } else if (!compiledOnly.isEmpty() && !anySource) {
                compiledOnlyWithoutSourceless.add(compiledOnlyError(dir, compiledOnly));
            }
        }

        /** Without {@code sourceless}: a {@code x.pyc}/{@code x.pyo} revision file next to no {@code x.py}. */
        private static boolean isCompiledOnly(Path candidate, String name) {
            Matcher m = SOURCELESS_REV_FILE.matcher(name);
            return m.lookingAt() && m.group(2) != null
                    && !Files.exists(candidate.resolveSibling(m.group(1)))
                    && Files.isRegularFile(candidate);
        }

        private Diagnostic compiledOnlyError(Path dir, List<String> names) {
            String listed = String.join(", ", names.subList(0, Math.min(MAX_NAMED_FILES, names.size())))
                    + (names.size() > MAX_NAMED_FILES ? " and " + (names.size() - MAX_NAMED_FILES) + " more" : "");
            return Diagnostic.error(DiagnosticCode.SOURCELESS_UNSUPPORTED, dir, 0,
                    names.size() + " compiled-only revision file(s) without a .py source: " + listed
                            + "; compiled-only revision files cannot be read statically"
                            + (sourceless ? "" : " (and Alembic ignores them unless sourceless = true)"),
                    "keep the .py sources in the repository");
        }

        private static String stem(String name) {
            int dot = name.indexOf('.');
            return dot < 0 ? name : name.substring(0, dot);
        }

        private static Path realPath(Path p) {
            try {
                return p.toRealPath();
            } catch (IOException e) {
                return p.toAbsolutePath().normalize();
            }
        }
    }

    /**
     * One directory's entries, Python-sorted: files (non-directories) and sub-directories; {@code symlinks} are the
     * files that are symbolic links (their real path is not the directory's real path plus their name).
     */
    private record Listing(List<String> files, List<String> dirs, Set<String> symlinks) {
        /**
         * @param statAll whether every entry's type is needed; otherwise only names that can be revision files are
         *     checked (a directory named {@code x.py} is not a file), which keeps huge flat directories cheap
         */
        static Listing of(Path dir, boolean statAll) throws AlembicConfigException {
            List<String> files = new ArrayList<>();
            List<String> dirs = new ArrayList<>();
            Set<String> symlinks = new HashSet<>();
            // the names in one native call (no Path per entry); when that fails, the stream says why
            String[] names = dir.getFileSystem() == FileSystems.getDefault() ? dir.toFile().list() : null;
            if (names != null) {
                for (String name : names) {
                    classify(dir, name, statAll, files, dirs, symlinks);
                }
            } else {
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                    for (Path entry : stream) {
                        classify(dir, entry.getFileName().toString(), statAll, files, dirs, symlinks);
                    }
                } catch (IOException e) {
                    throw new AlembicConfigException("Cannot list version directory " + dir + ": " + e, e);
                }
            }
            files.sort(PythonText.CODE_POINT_ORDER);
            dirs.sort(PythonText.CODE_POINT_ORDER);
            return new Listing(files, dirs, symlinks);
        }

        private static void classify(Path dir, String name, boolean statAll, List<String> files, List<String> dirs,
                Set<String> symlinks) {
            if (!statAll && !name.endsWith(".py") && !name.endsWith(".pyc") && !name.endsWith(".pyo")
                    && !name.endsWith(".py\n")) {
                return;
            }
            Path entry = dir.resolve(name);
            // one lstat per entry; only a symbolic link needs a second look (is its target a directory?)
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                files.add(name); // vanished or unreadable: neither a directory nor a link; reading reports it
                return;
            }
            if (attributes.isDirectory()) {
                dirs.add(name);
            } else if (!attributes.isSymbolicLink()) {
                files.add(name);
            } else if (!Files.isDirectory(entry)) {
                files.add(name);
                symlinks.add(name);
            }
        }
    }
}
