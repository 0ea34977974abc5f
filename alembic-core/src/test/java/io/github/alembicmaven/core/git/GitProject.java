package io.github.alembicmaven.core.git;

import io.github.alembicmaven.core.AlembicAnalyzer;
import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.Analysis;
import io.github.alembicmaven.core.AnalysisRequest;
import io.github.alembicmaven.core.check.HeadPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository with an Alembic project at its root ({@code migrations/versions}), built with JGit. */
final class GitProject implements AutoCloseable {
    static final String VERSIONS = "migrations/versions/";
    private static final PersonIdent WHO = new PersonIdent("Test", "test@example.com");

    final Path dir;
    final Git git;

    private GitProject(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    /** A new repository on branch {@code main} with {@code alembic.ini} committed. */
    static GitProject init(Path dir) throws Exception {
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        GitProject p = new GitProject(dir, git);
        p.write("alembic.ini", "[alembic]\nscript_location = migrations\n");
        p.commit("alembic.ini");
        return p;
    }

    /** Opens an existing checkout (a clone). */
    static GitProject open(Path dir) throws IOException {
        return new GitProject(dir, Git.open(dir.toFile()));
    }

    /** The file text of a revision as {@code alembic revision} writes it (minus the imports). */
    static String revisionText(String id, String down, String message, String extra) {
        return "\"\"\"" + message + "\n\nRevision ID: " + id + "\nRevises: " + (down == null ? "" : down)
                + "\nCreate Date: 2026-01-01 00:00:00\n\n\"\"\"\n\n"
                + "revision = '" + id + "'\n"
                + "down_revision = " + (down == null ? "None" : down.startsWith("(") ? down : "'" + down + "'") + "\n"
                + "branch_labels = None\n"
                + "depends_on = None\n" + extra + "\n\n"
                + "def upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n";
    }

    /** Writes {@code migrations/versions/<id>_m.py}. */
    GitProject revision(String id, String down) {
        return revision(id, down, "rev " + id);
    }

    GitProject revision(String id, String down, String message) {
        return write(VERSIONS + id + "_m.py", revisionText(id, down, message, ""));
    }

    /** The parallel revision: main a ← b ← c; feature (checked out) a ← b ← d. */
    GitProject parallelRevisions() throws GitAPIException {
        revision("a", null).revision("b", "a").commit("a, b");
        branch("feature").revision("d", "b").commit("d on b");
        checkout("main").revision("c", "b").commit("c on b");
        return checkout("feature");
    }

    /**
     * Revision id {@code x} added on both sides of {@code a} with different content: {@code x_add_users.py} on
     * feature (checked out), {@code x_add_orders.py} on main.
     */
    GitProject duplicateIdOnBothSides() throws GitAPIException {
        revision("a", null).commit("a");
        branch("feature").write(VERSIONS + "x_add_users.py", revisionText("x", "a", "add users", ""))
                .commit("x: users");
        checkout("main").write(VERSIONS + "x_add_orders.py", revisionText("x", "a", "add orders", ""))
                .commit("x: orders");
        return checkout("feature");
    }

    GitProject write(String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    GitProject delete(String relative) throws IOException {
        Files.delete(dir.resolve(relative));
        return this;
    }

    /** Stages everything (additions, edits, deletions) and commits. */
    RevCommit commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor(WHO).setCommitter(WHO).setSign(false).call();
    }

    GitProject branch(String name) throws GitAPIException {
        git.checkout().setCreateBranch(true).setName(name).call();
        return this;
    }

    GitProject checkout(String name) throws GitAPIException {
        git.checkout().setName(name).call();
        return this;
    }

    Analysis analyze() throws AlembicConfigException {
        return AlembicAnalyzer.analyze(AnalysisRequest.builder(dir).build());
    }

    BaseComparison compare(String ref) throws AlembicConfigException {
        Analysis working = analyze();
        return BaseComparison.compare(working, BaseRefReader.read(working, ref), HeadPolicy.defaults());
    }

    @Override
    public void close() {
        git.close();
    }
}
