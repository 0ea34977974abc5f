package io.github.alembicmaven.core.report;

import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.GoalParameters;
import io.github.alembicmaven.core.GoalRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An Alembic project on disk for the report tests: {@code alembic.ini} and revision files as {@code alembic revision}
 * writes them, {@code down_revision} on line {@value #DOWN_REVISION_LINE}.
 */
final class Tree {
    static final int DOWN_REVISION_LINE = 8;
    static final String VERSIONS = "migrations/versions/";

    final Path dir;

    Tree(Path dir) throws IOException {
        this.dir = dir;
        Files.writeString(dir.resolve("alembic.ini"), "[alembic]\nscript_location = migrations\n");
    }

    /** {@code migrations/versions/<id>_rev.py} with {@code upgrade()} running {@code upgrade}. */
    Tree rev(String id, String down, String upgrade) throws IOException {
        Path versions = Files.createDirectories(dir.resolve(VERSIONS));
        Files.writeString(versions.resolve(id + "_rev.py"),
                "\"\"\"rev " + id + "\n\nRevision ID: " + id + "\n\"\"\"\n"
                        + "from alembic import op\n\n"
                        + "revision = '" + id + "'\n"
                        + "down_revision = " + (down == null ? "None" : "'" + down + "'") + "\n"
                        + "branch_labels = None\ndepends_on = None\n\n"
                        + "import sqlalchemy as sa\n\n"
                        + "def upgrade():\n    " + upgrade + "\n",
                StandardCharsets.UTF_8);
        return this;
    }

    Tree rev(String id, String down) throws IOException {
        return rev(id, down, "pass");
    }

    /**
     * {@code aaaa00000001} creates {@code users}; its children {@code bbbb00000002} and {@code cccc00000003} both add
     * {@code users.email} (line 15): a {@code column-added-twice} error between two heads.
     */
    Tree sameColumnOnBothLines() throws IOException {
        return rev("aaaa00000001", null, "op.create_table('users', sa.Column('id', sa.Integer()))")
                .rev("bbbb00000002", "aaaa00000001", "op.add_column('users', sa.Column('email', sa.String(255)))")
                .rev("cccc00000003", "aaaa00000001", "op.add_column('users', sa.Column('email', sa.String(100)))");
    }

    static String file(String id) {
        return VERSIONS + id + "_rev.py";
    }

    Path report() {
        return dir.resolve("target/alembic/alembic-report.json");
    }

    Path sarif() {
        return dir.resolve("target/alembic/" + SarifReport.FILE_NAME);
    }

    Path junit() {
        return dir.resolve("target/alembic/" + JUnitReport.FILE_NAME);
    }

    /** {@code alembic:check} with {@code alembic.maxHeads} and {@code alembic.conflicts} ({@code null}: defaults). */
    GoalRun check(String maxHeads, String conflicts) throws AlembicConfigException {
        return GoalRun.check("check",
                new GoalParameters(null, null, null, null, null, maxHeads, null, conflicts, null), dir, report());
    }
}
