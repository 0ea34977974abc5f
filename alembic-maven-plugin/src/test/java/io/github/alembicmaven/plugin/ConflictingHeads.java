package io.github.alembicmaven.plugin;

/**
 * The {@code conflicting-heads} fixture: {@code 0a1b2c3d4e5f} creates {@code account}, then {@code 1b2c3d4e5f6a} and
 * {@code 2c3d4e5f6a7b} (both children of it) each add the column {@code account.email}: one schema-conflict error.
 */
final class ConflictingHeads {
    static final String PROJECT = "/projects/conflicting-heads";
    static final String BASE = "0a1b2c3d4e5f";
    static final String LEFT = "1b2c3d4e5f6a";
    static final String RIGHT = "2c3d4e5f6a7b";
    static final String LEFT_FILE = "migrations/versions/" + LEFT + "_add_email_to_account.py";
    static final String RIGHT_FILE = "migrations/versions/" + RIGHT + "_add_contact_email_to_account.py";
    static final String LEFT_OPERATION = "add_column account.email [type=sa.String(255), nullable=True]";
    static final String RIGHT_OPERATION = "add_column account.email [type=sa.String(320), nullable=True]";

    static final String FINDING = "[error column-added-twice] column account.email is added on both lines: "
            + LEFT_FILE + ":20 " + LEFT_OPERATION + " (line of " + LEFT + ") / " + RIGHT_FILE + ":20 "
            + RIGHT_OPERATION + " (line of " + RIGHT + ")";

    private ConflictingHeads() {}

    /** The failure block for the one error, ending in {@code fix}. */
    static String errors(String fix) {
        return "Schema conflicts between lines of history: 1 error (both lines change the same schema object):\n"
                + "  Heads " + LEFT + ", " + RIGHT + " forking from " + BASE + ":\n"
                + "  - " + FINDING + "\n"
                + "Why: a merge revision only joins the graph; 'alembic upgrade' then runs both lines' migrations,"
                + " which fails (or leaves the wrong schema) when both create, drop, rename or alter the same object.\n"
                + "Fix: reconcile the migrations (remove the duplicate change from the revision that is not deployed"
                + " yet, or make one revision build on the other), then " + fix + ".";
    }
}
