package io.github.alembicmaven.enforcer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** Writes small Alembic projects (alembic.ini plus revision files as {@code alembic revision} generates them). */
final class Fixtures {
    private Fixtures() {}

    static void linear(Path dir) throws IOException {
        ini(dir);
        revision(dir, "1a2b3c4d5e6f", null, "create account table", null);
        revision(dir, "2b3c4d5e6f7a", "1a2b3c4d5e6f", "add email to account", null);
        revision(dir, "3c4d5e6f7a8b", "2b3c4d5e6f7a", "index account name", null);
    }

    static void twoHeads(Path dir) throws IOException {
        ini(dir);
        revision(dir, "4d5e6f7a8b9c", null, "create account table", null);
        revision(dir, "5e6f7a8b9c0d", "4d5e6f7a8b9c", "add email to account", null);
        revision(dir, "6f7a8b9c0d1e", "4d5e6f7a8b9c", "add phone to account", null);
    }

    /**
     * {@code 0a1b2c3d4e5f} creates {@code account}; {@code 1b2c3d4e5f6a} and {@code 2c3d4e5f6a7b}, both children of it,
     * each add {@code account.email} (line 20 of their files): a schema-conflict error between the two heads.
     */
    static void conflictingHeads(Path dir) throws IOException {
        ini(dir);
        revision(dir, "0a1b2c3d4e5f", null, "create account table", null,
                "    op.create_table('account', sa.Column('id', sa.Integer, primary_key=True))");
        revision(dir, "1b2c3d4e5f6a", "0a1b2c3d4e5f", "add email to account", null,
                "    op.add_column('account', sa.Column('email', sa.String(255), nullable=True))");
        revision(dir, "2c3d4e5f6a7b", "0a1b2c3d4e5f", "add contact email to account", null,
                "    op.add_column('account', sa.Column('email', sa.String(320), nullable=True))");
    }

    static void independentBranches(Path dir) throws IOException {
        ini(dir);
        revision(dir, "7a8b9c0d1e2f", null, "create account table", null);
        revision(dir, "8b9c0d1e2f3a", null, "create audit log", "audit");
        revision(dir, "9c0d1e2f3a4b", "8b9c0d1e2f3a", "add actor to audit log", null);
    }

    /**
     * A real git repository (JGit): main has {@code 1a2b3c4d5e6f ← 2b3c4d5e6f7a ← 3c4d5e6f7a8b}; the branch
     * {@code feature}, checked out, adds {@code 4d5e6f7a8b9c} on {@code 2b3c4d5e6f7a} instead: one head on each side,
     * two after merging.
     *
     * @return main's commit id
     */
    static String parallelRevisionRepository(Path dir) throws IOException, GitAPIException {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            ini(dir);
            revision(dir, "1a2b3c4d5e6f", null, "create account table", null);
            revision(dir, "2b3c4d5e6f7a", "1a2b3c4d5e6f", "add email to account", null);
            commit(git, "two revisions");
            git.checkout().setCreateBranch(true).setName("feature").call();
            revision(dir, "4d5e6f7a8b9c", "2b3c4d5e6f7a", "add phone to account", null);
            commit(git, "a revision on the branch");
            git.checkout().setName("main").call();
            revision(dir, "3c4d5e6f7a8b", "2b3c4d5e6f7a", "index account name", null);
            String main = commit(git, "a revision on main");
            git.checkout().setName("feature").call();
            return main;
        }
    }

    private static String commit(Git git, String message) throws GitAPIException {
        PersonIdent who = new PersonIdent("Test", "test@example.com");
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().name();
    }

    private static void ini(Path dir) throws IOException {
        Files.writeString(dir.resolve("alembic.ini"), String.join("\n",
                "# A generic, single database configuration.",
                "",
                "[alembic]",
                "script_location = migrations",
                "prepend_sys_path = .",
                "version_path_separator = os",
                "sqlalchemy.url = driver://user:pass@localhost/dbname",
                "",
                "[formatter_generic]",
                "format = %%(levelname)-5.5s [%%(name)s] %%(message)s",
                ""));
    }

    private static void revision(Path dir, String id, String down, String message, String branchLabel)
            throws IOException {
        revision(dir, id, down, message, branchLabel, "    pass");
    }

    private static void revision(Path dir, String id, String down, String message, String branchLabel,
            String upgradeBody) throws IOException {
        Path versions = Files.createDirectories(dir.resolve("migrations/versions"));
        String text = String.join("\n",
                "\"\"\"" + message,
                "",
                "Revision ID: " + id,
                "Revises: " + (down == null ? "" : down),
                "Create Date: 2026-03-02 10:15:00.000000",
                "",
                "\"\"\"",
                "from alembic import op",
                "import sqlalchemy as sa",
                "",
                "",
                "# revision identifiers, used by Alembic.",
                "revision = '" + id + "'",
                "down_revision = " + (down == null ? "None" : "'" + down + "'"),
                "branch_labels = " + (branchLabel == null ? "None" : "('" + branchLabel + "',)"),
                "depends_on = None",
                "",
                "",
                "def upgrade() -> None:",
                upgradeBody,
                "",
                "",
                "def downgrade() -> None:",
                "    pass",
                "");
        Files.writeString(versions.resolve(id + "_" + message.replace(' ', '_') + ".py"), text);
    }
}
