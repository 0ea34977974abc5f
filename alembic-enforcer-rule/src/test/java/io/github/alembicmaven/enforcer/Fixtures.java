package io.github.alembicmaven.enforcer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    static void independentBranches(Path dir) throws IOException {
        ini(dir);
        revision(dir, "7a8b9c0d1e2f", null, "create account table", null);
        revision(dir, "8b9c0d1e2f3a", null, "create audit log", "audit");
        revision(dir, "9c0d1e2f3a4b", "8b9c0d1e2f3a", "add actor to audit log", null);
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
                "    pass",
                "",
                "",
                "def downgrade() -> None:",
                "    pass",
                "");
        Files.writeString(versions.resolve(id + "_" + message.replace(' ', '_') + ".py"), text);
    }
}
