package io.github.alembicmaven.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.config.AlembicSettings;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionFileLocatorTest {
    @TempDir
    Path dir;

    private Path touch(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "garbage that is never read (\n");
        return p;
    }

    private AlembicSettings settings(boolean recursive, boolean sourceless, Path... locations) {
        return new AlembicSettings(List.of(), dir, List.of(locations), true, recursive, sourceless,
                "%(rev)s_%(slug)s", 40, null, "utf-8", List.of(), Map.of());
    }

    private List<String> names(VersionFiles files) {
        return files.files().stream().map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
    }

    @Test
    void filesAreSortedByCodePointLikePython() throws Exception {
        // U+FF21 (fullwidth A) sorts before U+1F600 in Python; Java's UTF-16 compareTo puts the surrogate pair first
        for (String n : List.of("b.py", "B.py", "a.py", "\uFF21.py", "\uD83D\uDE00.py", "_x.py", "é.py")) {
            touch("v/" + n);
        }
        VersionFiles files = VersionFileLocator.locate(settings(false, false, dir.resolve("v")));
        assertThat(names(files)).containsExactly(
                "v/B.py", "v/_x.py", "v/a.py", "v/b.py", "v/é.py", "v/\uFF21.py", "v/\uD83D\uDE00.py");
        assertThat(files.diagnostics()).isEmpty();
    }

    @Test
    void nameFilter() throws Exception {
        for (String n : List.of("ok.py", ".hidden.py", "__init__.py", "__init__x.py", ".#lock.py", "x.pyc", "x.pyo",
                "x.py.bak", "x.PY", "README", "x_HEAD", "script.py.mako", "x.pyx")) {
            touch("v/" + n);
        }
        Files.createDirectories(dir.resolve("v/dir.py"));
        assertThat(names(VersionFileLocator.locate(settings(false, false, dir.resolve("v")))))
                .containsExactly("v/.hidden.py", "v/ok.py");
    }

    @Test
    void locationsInConfigOrderFilesBeforeSubDirectoriesAndRecursionOnlyWhenEnabled() throws Exception {
        touch("v2/z.py");
        touch("v1/m.py");
        touch("v1/b/x.py");
        touch("v1/a/y.py");
        touch("v1/a/deeper/w.py");
        touch("v1/a/__pycache__/cached.py");
        touch("v1/a/x__pycache__/cached.py");
        touch("v1/n.py");
        assertThat(names(VersionFileLocator.locate(settings(false, false, dir.resolve("v2"), dir.resolve("v1")))))
                .containsExactly("v2/z.py", "v1/m.py", "v1/n.py");
        assertThat(names(VersionFileLocator.locate(settings(true, false, dir.resolve("v2"), dir.resolve("v1")))))
                .containsExactly("v2/z.py", "v1/m.py", "v1/n.py", "v1/a/y.py", "v1/a/deeper/w.py", "v1/b/x.py");
    }

    @Test
    void missingLocationsAreSkipped() throws Exception {
        touch("v/a.py");
        VersionFiles files = VersionFileLocator.locate(
                settings(false, false, dir.resolve("missing"), dir.resolve("v"), dir.resolve("migrations/versions")));
        assertThat(names(files)).containsExactly("v/a.py");
        assertThat(files.diagnostics()).isEmpty();
    }

    @Test
    void aLocationListedTwiceLoadsEachFileOnceWithAlembicsWarning() throws Exception {
        touch("v/a.py");
        touch("v/b.py");
        touch("v/README");
        VersionFiles files = VersionFileLocator.locate(
                settings(false, false, dir.resolve("v"), dir.resolve("v/../v")));
        assertThat(names(files)).containsExactly("v/a.py", "v/b.py");
        Path realA = dir.resolve("v/a.py").toRealPath();
        assertThat(files.diagnostics()).hasSize(2).first().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.FILE_LOADED_TWICE);
            assertThat(d.isError()).isFalse();
            assertThat(d.message()).isEqualTo(
                    "File " + realA + " loaded twice! ignoring. Please ensure version_locations is unique.");
        });
    }

    @Test
    void aSymlinkedLocationIsDedupedByRealPath() throws Exception {
        touch("v/a.py");
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("v"));
        VersionFiles files = VersionFileLocator.locate(settings(false, false, dir.resolve("link"), dir.resolve("v")));
        assertThat(names(files)).containsExactly("link/a.py");
        assertThat(files.diagnostics()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.FILE_LOADED_TWICE);
    }

    @Test
    void compiledOnlyTreeWithoutSourcelessIsAnError() throws Exception {
        touch("v/aaa_first.pyc");
        touch("v/bbb_second.pyo");
        touch("v/__pycache__/stale.cpython-311.pyc");
        VersionFiles files = VersionFileLocator.locate(settings(false, false, dir.resolve("v")));
        assertThat(files.files()).isEmpty();
        assertThat(files.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.SOURCELESS_UNSUPPORTED);
            assertThat(d.isError()).isTrue();
            assertThat(d.message()).contains("aaa_first.pyc, bbb_second.pyo")
                    .contains("compiled-only revision files cannot be read statically")
                    .doesNotContain("stale");
            assertThat(d.fix()).isEqualTo("keep the .py sources in the repository");
        });
    }

    @Test
    void compiledOnlyDirectoryIsIgnoredWhenAnotherLocationHasSources() throws Exception {
        touch("v/a.py");
        touch("w/orphan.pyc");
        VersionFiles files = VersionFileLocator.locate(settings(false, false, dir.resolve("v"), dir.resolve("w")));
        assertThat(names(files)).containsExactly("v/a.py");
        assertThat(files.diagnostics()).isEmpty();
    }

    @Test
    void strayCompiledFilesNextToSourcesAreIgnored() throws Exception {
        touch("v/a.py");
        touch("v/a.pyc");
        touch("v/orphan.pyc");
        touch("v/__pycache__/a.cpython-311.pyc");
        VersionFiles files = VersionFileLocator.locate(settings(false, false, dir.resolve("v")));
        assertThat(names(files)).containsExactly("v/a.py");
        assertThat(files.diagnostics()).isEmpty();
    }

    @Test
    void sourcelessFollowsAlembicsPreferenceRules() throws Exception {
        touch("v/a.py");
        touch("v/a.pyc"); // skipped: a.py exists
        touch("v/b.pyc"); // compiled-only
        touch("v/b.pyo"); // skipped: b.pyc exists
        touch("v/c.pyo"); // compiled-only
        touch("v/__pycache__/a.cpython-311.pyc"); // stem 'a' has a source
        touch("v/__pycache__/d.cpython-311.pyc"); // compiled-only, from __pycache__
        VersionFiles files = VersionFileLocator.locate(settings(false, true, dir.resolve("v")));
        assertThat(names(files)).containsExactly("v/a.py");
        assertThat(files.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.SOURCELESS_UNSUPPORTED);
            assertThat(d.message()).startsWith("3 compiled-only revision file(s) without a .py source: b.pyc, c.pyo, "
                    + "__pycache__" + dir.getFileSystem().getSeparator() + "d.cpython-311.pyc");
        });
    }

    @Test
    void sourcelessWithSourcesOnlyIsFine() throws Exception {
        touch("v/a.py");
        touch("v/__pycache__/a.cpython-311.pyc");
        VersionFiles files = VersionFileLocator.locate(settings(true, true, dir.resolve("v")));
        assertThat(names(files)).containsExactly("v/a.py");
        assertThat(files.diagnostics()).isEmpty();
    }

    @Test
    void sourceRevFileFastPathMatchesAlembicsRegex() {
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile("(?!\\.#|__init__)(.*\\.py)$",
                java.util.regex.Pattern.UNIX_LINES);
        String[] parts = {"", "a", ".", "#", ".#", "__init__", "_", "py", ".py", ".pyc", ".pyo", "\n", "x.py\n",
            "__init", "init__", ".p", "y", "é", " "};
        java.util.Random random = new java.util.Random(7);
        for (int k = 0; k < 20000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(5); i >= 0; i--) {
                sb.append(parts[random.nextInt(parts.length)]);
            }
            String name = sb.toString();
            assertThat(VersionFileLocator.isSourceRevFile(name)).as("%s", name.replace("\n", "\\n"))
                    .isEqualTo(regex.matcher(name).lookingAt());
        }
    }

    @Test
    void symlinkedFilesAreDedupedByRealPathAndLinksToDirectoriesAreNeitherFilesNorDirectories() throws Exception {
        touch("v/a.py");
        touch("other/b.py");
        Files.createDirectories(dir.resolve("v/sub.py"));
        touch("v/sub.py/c.py");
        Files.createSymbolicLink(dir.resolve("v/alias_a.py"), dir.resolve("v/a.py"));
        Files.createSymbolicLink(dir.resolve("v/b_link.py"), dir.resolve("other/b.py"));
        Files.createSymbolicLink(dir.resolve("v/dirlink.py"), dir.resolve("other"));
        Files.createSymbolicLink(dir.resolve("v/broken.py"), dir.resolve("nowhere.py"));
        VersionFiles files = VersionFileLocator.locate(settings(false, false, dir.resolve("v"), dir.resolve("other")));
        assertThat(names(files)).containsExactly("v/a.py", "v/b_link.py", "v/broken.py");
        assertThat(files.diagnostics()).extracting(Diagnostic::code)
                .containsExactly(DiagnosticCode.FILE_LOADED_TWICE, DiagnosticCode.FILE_LOADED_TWICE);
        assertThat(files.diagnostics()).extracting(Diagnostic::message).containsExactly(
                "File " + dir.resolve("v/a.py").toRealPath() + " loaded twice! ignoring. Please ensure version_locations"
                        + " is unique.",
                "File " + dir.resolve("other/b.py").toRealPath() + " loaded twice! ignoring. Please ensure"
                        + " version_locations is unique.");
        VersionFiles recursive = VersionFileLocator.locate(settings(true, false, dir.resolve("v")));
        assertThat(names(recursive)).containsExactly("v/a.py", "v/b_link.py", "v/broken.py", "v/sub.py/c.py");
    }
}
