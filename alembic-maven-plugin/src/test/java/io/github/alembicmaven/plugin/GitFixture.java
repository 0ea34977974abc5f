package io.github.alembicmaven.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A real git repository (JGit, alembic-core's dependency) holding an Alembic project, for {@code alembic.baseRef}:
 * main has {@code 1a2b3c4d5e6f ← 2b3c4d5e6f7a ← 3c4d5e6f7a8b}; the branch {@code feature}, checked out, adds
 * {@code 4d5e6f7a8b9c} on {@code 2b3c4d5e6f7a} instead (a parallel revision: one head on each side, two after merging).
 */
final class GitFixture {
    static final String A = "1a2b3c4d5e6f";
    static final String B = "2b3c4d5e6f7a";
    static final String MAIN_HEAD = "3c4d5e6f7a8b";
    static final String NEW = "4d5e6f7a8b9c";
    private static final PersonIdent WHO = new PersonIdent("Test", "test@example.com");

    private GitFixture() {}

    /** The parallel-revision repository in {@code dir}; returns the short (12-digit) commit id of main. */
    static String parallelRevision(Path dir) throws IOException, GitAPIException {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write(dir, "alembic.ini", "[alembic]\nscript_location = migrations\n");
            revision(dir, A, null);
            revision(dir, B, A);
            commit(git, "a, b");
            git.checkout().setCreateBranch(true).setName("feature").call();
            revision(dir, NEW, B);
            commit(git, "new revision on b");
            git.checkout().setName("main").call();
            revision(dir, MAIN_HEAD, B);
            String main = commit(git, "main's head on b");
            git.checkout().setName("feature").call();
            return main.substring(0, 12);
        }
    }

    /** Re-parents the feature's revision onto main's head (in the working tree, main not merged). */
    static void reparent(Path dir) throws IOException {
        revision(dir, NEW, MAIN_HEAD);
    }

    static void revision(Path dir, String id, String down) throws IOException {
        write(dir, "migrations/versions/" + id + "_rev.py", "\"\"\"rev " + id + "\n\nRevision ID: " + id
                + "\n\"\"\"\nrevision = '" + id + "'\ndown_revision = " + (down == null ? "None" : "'" + down + "'")
                + "\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    pass\n");
    }

    private static void write(Path dir, String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String commit(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor(WHO).setCommitter(WHO).setSign(false).call().name();
    }
}
