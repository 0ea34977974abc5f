package io.github.alembicmaven.core;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Forked trees whose lines change the schema, for the schema-conflict tests of {@link GoalRun} and {@link ConvergeRun}:
 * {@code aaaa00000001} creates {@code users}, then {@code bbbb00000002} and {@code cccc00000003} (both children of it)
 * each add a column. The expected texts are written out here once, from the documented formats.
 */
final class ConflictFork {
    static final String A = "aaaa00000001";
    static final String B = "bbbb00000002";
    static final String C = "cccc00000003";

    static final String B_FILE = "migrations/versions/" + B + "_rev.py";
    static final String C_FILE = "migrations/versions/" + C + "_rev.py";

    /** Both lines add users.email: one error. */
    static final String SAME_COLUMN = "[error column-added-twice] column users.email is added on both lines: "
            + B_FILE + ":17 add_column users.email [type=sa.String(255)] (line of " + B + ") / "
            + C_FILE + ":17 add_column users.email [type=sa.String(100)] (line of " + C + ")";

    /** One line adds users.email, the other users.phone: one warning. */
    static final String SAME_TABLE = "[warning same-table] both lines change table users (different columns or"
            + " objects): " + B_FILE + ":17 add_column users.email [type=sa.String(255)] (line of " + B + ") / "
            + C_FILE + ":17 add_column users.phone [type=sa.String(32)] (line of " + C + ")";

    private ConflictFork() {}

    /** Both lines add the column {@code users.email}. */
    static ConvergeProject sameColumn(Path dir) throws IOException {
        return fork(dir, "    op.add_column('users', sa.Column('email', sa.String(100)))\n");
    }

    /** The lines add different columns of {@code users}. */
    static ConvergeProject sameTable(Path dir) throws IOException {
        return fork(dir, "    op.add_column('users', sa.Column('phone', sa.String(32)))\n");
    }

    /** {@code bbbb00000002} adds users.email, {@code cccc00000003} runs {@code right}. */
    static ConvergeProject fork(Path dir, String right) throws IOException {
        return new ConvergeProject(dir).ini()
                .revWithUpgrade(A, "2024-01-01 10:00:00", "    op.create_table('users', sa.Column('id', sa.Integer))\n")
                .revWithUpgrade(B, "2024-02-01 10:00:00",
                        "    op.add_column('users', sa.Column('email', sa.String(255)))\n", A)
                .revWithUpgrade(C, "2024-03-01 10:00:00", right, A);
    }

    /** The failure block for the one {@link #SAME_COLUMN} error, ending in {@code fix}. */
    static String sameColumnErrors(String fix) {
        return "Schema conflicts between lines of history: 1 error (both lines change the same schema object):\n"
                + "  Heads " + B + ", " + C + " forking from " + A + ":\n"
                + "  - " + SAME_COLUMN + "\n"
                + "Why: a merge revision only joins the graph; 'alembic upgrade' then runs both lines' migrations,"
                + " which fails (or leaves the wrong schema) when both create, drop, rename or alter the same object.\n"
                + "Fix: reconcile the migrations (remove the duplicate change from the revision that is not deployed"
                + " yet, or make one revision build on the other), then " + fix + ".";
    }
}
