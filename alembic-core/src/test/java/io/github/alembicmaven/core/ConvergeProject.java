package io.github.alembicmaven.core;

import io.github.alembicmaven.core.merge.FileTreeSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A tiny real Alembic project on disk for {@link ConvergeRun} tests: alembic.ini, revision files, script.py.mako. */
final class ConvergeProject {
    static final GoalParameters COMMON = new GoalParameters(null, null, null, null, null, null, null, null, null);

    final Path dir;

    ConvergeProject(Path dir) {
        this.dir = dir;
    }

    /** {@code alembic.ini} with {@code script_location = %(here)s/migrations} and the given extra lines. */
    ConvergeProject ini(String... lines) throws IOException {
        StringBuilder sb = new StringBuilder("[alembic]\nscript_location = %(here)s/migrations\n");
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        Files.writeString(dir.resolve("alembic.ini"), sb.toString());
        return this;
    }

    /** A revision in {@code migrations/versions}; {@code down} is {@code null}, one id, or several ids. */
    ConvergeProject rev(String id, String date, String... down) throws IOException {
        return revIn("migrations/versions", id, date, down);
    }

    /** A revision file {@code <id>_rev.py} in {@code relDir} with a {@code Create Date:} header. */
    ConvergeProject revIn(String relDir, String id, String date, String... down) throws IOException {
        return write(relDir, id, date, "    pass\n", down);
    }

    /**
     * A revision in {@code migrations/versions} whose {@code upgrade()} body is {@code body} (lines indented by four
     * spaces, each ending in a newline); its first line is line 17 of the file.
     */
    ConvergeProject revWithUpgrade(String id, String date, String body, String... down) throws IOException {
        return write("migrations/versions", id, date, body, down);
    }

    private ConvergeProject write(String relDir, String id, String date, String body, String... down)
            throws IOException {
        Path d = Files.createDirectories(dir.resolve(relDir));
        String downLiteral = down.length == 0 ? "None"
                : down.length == 1 ? "'" + down[0] + "'"
                : "(" + String.join(", ", Arrays.stream(down).map(x -> "'" + x + "'").toList()) + ")";
        Files.writeString(d.resolve(id + "_rev.py"),
                "\"\"\"rev " + id + "\n\nRevision ID: " + id + "\nRevises: " + String.join(", ", down)
                        + "\nCreate Date: " + date + "\n\n\"\"\"\nfrom alembic import op\n\n"
                        + "revision = '" + id + "'\n"
                        + "down_revision = " + downLiteral + "\n"
                        + "branch_labels = None\ndepends_on = None\n\n\n"
                        + "def upgrade():\n" + body + "\n\ndef downgrade():\n    pass\n",
                StandardCharsets.UTF_8);
        return this;
    }

    /** a → {b, c}: b dated 2024-02-01 10:00:00, c (the newest) 2024-03-01 10:00:00.500000. */
    ConvergeProject twoHeads() throws IOException {
        return rev("aaaa00000001", "2024-01-01 10:00:00")
                .rev("bbbb00000002", "2024-02-01 10:00:00", "aaaa00000001")
                .rev("cccc00000003", "2024-03-01 10:00:00.500000", "aaaa00000001");
    }

    /** {@code migrations/script.py.mako} with the given text. */
    ConvergeProject template(String text) throws IOException {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/script.py.mako"), text, StandardCharsets.UTF_8);
        return this;
    }

    /** {@code migrations/script.py.mako} = Alembic's generic template (as {@code alembic init} writes it). */
    ConvergeProject stockTemplate() throws IOException {
        return template(stockTemplateText());
    }

    static String stockTemplateText() throws IOException {
        return resource("/io/github/alembicmaven/core/merge/script.py.mako");
    }

    /** A UTF-8 class-path resource. */
    static String resource(String name) throws IOException {
        try (InputStream in = ConvergeProject.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    Path versions() {
        return dir.resolve("migrations/versions");
    }

    Map<String, String> snapshot() {
        return FileTreeSnapshot.of(dir);
    }

    /** The {@code .py} files under {@code relDir}, relative to it, sorted. */
    List<String> pyFiles(String relDir) throws IOException {
        List<String> out = new ArrayList<>();
        Path root = dir.resolve(relDir);
        try (var s = Files.walk(root)) {
            s.filter(p -> p.toString().endsWith(".py"))
                    .forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
        }
        out.sort(null);
        return out;
    }

    ConvergeRun converge(Opts o) throws AlembicConfigException {
        return converge(o, null);
    }

    /** Converges with {@code alembic-report.json} written to {@code report} ({@code null}: none). */
    ConvergeRun converge(Opts o, Path report) throws AlembicConfigException {
        return ConvergeRun.converge(COMMON, o.build(), dir, report);
    }

    ConvergeRun converge() throws AlembicConfigException {
        return converge(new Opts());
    }

    /** The heads after re-analysing the tree from scratch. */
    List<String> heads() throws AlembicConfigException {
        return GoalRun.analyze("heads", COMMON.request(dir), null).analysis().map().heads();
    }

    /** Fluent {@link ConvergeParameters}: every option unset by default. */
    static final class Opts {
        String message;
        String branchLabel;
        String fromRevision;
        String strategy;
        String revId;
        String versionPath;
        boolean dryRun;
        String verifyCommand;
        String verifyTimeout;
        String outputTimestamp;
        boolean allowConflicts;

        Opts message(String v) { message = v; return this; }
        Opts branchLabel(String v) { branchLabel = v; return this; }
        Opts fromRevision(String v) { fromRevision = v; return this; }
        Opts strategy(String v) { strategy = v; return this; }
        Opts revId(String v) { revId = v; return this; }
        Opts versionPath(String v) { versionPath = v; return this; }
        Opts dryRun() { dryRun = true; return this; }
        Opts verify(String command) { verifyCommand = command; return this; }
        Opts verifyTimeout(String v) { verifyTimeout = v; return this; }
        Opts outputTimestamp(String v) { outputTimestamp = v; return this; }
        Opts allowConflicts() { allowConflicts = true; return this; }

        ConvergeParameters build() {
            return new ConvergeParameters(message, branchLabel, fromRevision, strategy, revId, versionPath, dryRun,
                    verifyCommand, verifyTimeout, outputTimestamp, allowConflicts);
        }
    }
}
