package io.github.alembicmaven.core;

import static io.github.alembicmaven.core.ConflictFork.A;
import static io.github.alembicmaven.core.ConflictFork.B;
import static io.github.alembicmaven.core.ConflictFork.B_FILE;
import static io.github.alembicmaven.core.ConflictFork.C;
import static io.github.alembicmaven.core.ConflictFork.C_FILE;
import static io.github.alembicmaven.core.ConflictFork.SAME_COLUMN;
import static io.github.alembicmaven.core.ConflictFork.SAME_TABLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema conflicts in {@link GoalRun}: {@code check} under each {@code alembic.conflicts} policy, and {@code conflicts}. */
class GoalRunConflictsTest {
    static final String NOTE = "Note: these lines also have schema conflicts (the warnings above): 'mvn"
            + " alembic:converge' refuses to merge them until the migrations are reconciled; 'mvn alembic:conflicts'"
            + " lists each line's operations.";
    static final String CHECK_FIX = "check again with 'mvn alembic:check -Dalembic.conflicts=fail' ('mvn"
            + " alembic:conflicts' lists each line's operations)";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private Path report() {
        return dir.resolve("target/alembic/alembic-report.json");
    }

    private GoalRun check(String maxHeads, String conflicts) throws AlembicConfigException {
        return GoalRun.check("check", new GoalParameters(null, null, null, null, null, maxHeads, null, conflicts, null), dir,
                report());
    }

    /** The listing of the fork: the line of B (it adds users.email), then C's operation lines and the rest. */
    private static List<String> listing(String... afterLineOfC) {
        List<String> out = new ArrayList<>(List.of(
                "Heads " + B + ", " + C + " forking from " + A + ":",
                "  Line of " + B + " (1 revision: " + B + "):",
                "    " + B_FILE + ":17 add_column users.email [type=sa.String(255)]",
                "  Line of " + C + " (1 revision: " + C + "):"));
        out.addAll(List.of(afterLineOfC));
        return out;
    }

    private GoalRun conflicts() throws AlembicConfigException {
        return GoalRun.conflicts("conflicts", ConvergeProject.COMMON, dir, report());
    }

    @Test
    void warnFailsOnTheHeadsAndAddsANoteThatConvergeWouldRefuse() throws Exception {
        ConflictFork.sameColumn(dir);

        GoalRun run = check(null, null);

        assertThat(run.failed()).isTrue();
        assertThat(run.check().passed()).isFalse();
        assertThat(run.failureMessage()).isEqualTo(run.check().failureMessage() + "\n" + NOTE);
        assertThat(run.warningLines()).containsExactly("Schema conflict: " + SAME_COLUMN);
    }

    @Test
    void warnPassesWhenMaxHeadsAllowsTheForkAndLogsTheError() throws Exception {
        ConflictFork.sameColumn(dir);

        GoalRun run = check("2", "warn");

        assertThat(run.failed()).isFalse();
        assertThat(run.failureMessage()).isEmpty();
        assertThat(run.warningLines()).containsExactly("Schema conflict: " + SAME_COLUMN);
        assertThat(run.summary()).startsWith("Alembic revision graph OK: 3 revisions, 2 heads");
        assertThat(json.readTree(report().toFile()).get("status").asText()).isEqualTo("passed");
    }

    @Test
    void failFailsOnTheConflictEvenWhenMaxHeadsAllowsTheFork() throws Exception {
        ConflictFork.sameColumn(dir);

        GoalRun run = check("2", "FAIL");

        assertThat(run.failed()).isTrue();
        assertThat(run.check().passed()).isTrue();
        assertThat(run.failureMessage()).isEqualTo(ConflictFork.sameColumnErrors(CHECK_FIX));
        assertThat(run.warningLines()).as("errors are in the failure message, not repeated as warnings").isEmpty();
        JsonNode root = json.readTree(report().toFile());
        assertThat(root.get("status").asText()).as("the report agrees with the build").isEqualTo("failed");
        assertThat(root.get("headLines").get(0).get("violated").asBoolean()).isFalse();
    }

    @Test
    void failWithTooManyHeadsGivesTheHeadsMessageTheNoteThenTheConflictBlock() throws Exception {
        ConflictFork.sameColumn(dir);

        GoalRun run = check(null, "fail");

        assertThat(run.failed()).isTrue();
        assertThat(run.failureMessage()).isEqualTo(run.check().failureMessage() + "\nNote: these lines also have schema"
                + " conflicts (below): 'mvn alembic:converge' refuses to merge them until the migrations are"
                + " reconciled; 'mvn alembic:conflicts' lists each line's operations.\n"
                + ConflictFork.sameColumnErrors(CHECK_FIX));
    }

    @Test
    void ignoreReadsNoUpgradeBodies() throws Exception {
        ConflictFork.sameColumn(dir);

        GoalRun run = check(null, "ignore");

        assertThat(run.conflicts()).isEmpty();
        assertThat(run.warningLines()).isEmpty();
        assertThat(run.failureMessage()).isEqualTo(run.check().failureMessage());
        assertThat(json.readTree(report().toFile()).has("conflicts")).isFalse();

        GoalRun allowed = check("2", "ignore");

        assertThat(allowed.failed()).isFalse();
        assertThat(allowed.conflicts()).isEmpty();
    }

    @Test
    void aTreeWithIntegrityErrorsIsNotAnalysed() throws Exception {
        ConflictFork.sameColumn(dir).rev("dddd00000004", "2024-04-01 10:00:00", "ffff0000dead");

        GoalRun run = check("3", "fail");

        assertThat(run.failed()).isTrue();
        assertThat(run.conflicts()).isEmpty();
        assertThat(run.warningLines()).isEmpty();
        assertThat(run.failureMessage()).isEqualTo(run.check().failureMessage()).contains("ffff0000dead");
    }

    @Test
    void differentColumnsOfOneTableAreOnlyAWarningThatFailDoesNotFailOn() throws Exception {
        ConflictFork.sameTable(dir);

        GoalRun warn = check("2", null);
        GoalRun fail = check("2", "fail");

        assertThat(warn.failed()).isFalse();
        assertThat(warn.warningLines()).containsExactly("Schema conflict: " + SAME_TABLE);
        assertThat(fail.failed()).isFalse();
        assertThat(fail.failureMessage()).isEmpty();
        assertThat(fail.warningLines()).containsExactly("Schema conflict: " + SAME_TABLE);
    }

    @Test
    void withTooManyHeadsAWarningOnlyForkHasNoNote() throws Exception {
        ConflictFork.sameTable(dir);

        GoalRun run = check(null, null);

        assertThat(run.failed()).isTrue();
        assertThat(run.failureMessage()).isEqualTo(run.check().failureMessage());
    }

    @Test
    void conflictsGoalListsEachLineAndTheFindingsAndDoesNotFail() throws Exception {
        ConflictFork.sameColumn(dir);

        GoalRun run = conflicts();

        assertThat(run.failed()).isFalse();
        assertThat(run.failureMessage()).isEmpty();
        assertThat(run.conflictListing()).isEqualTo(listing(
                "    " + C_FILE + ":17 add_column users.email [type=sa.String(100)]",
                "  Findings:",
                "  - " + SAME_COLUMN));
        assertThat(run.warningLines()).as("the listing shows every finding already").isEmpty();
        JsonNode root = json.readTree(report().toFile());
        assertThat(root.get("goal").asText()).isEqualTo("conflicts");
        assertThat(root.get("status").asText()).isEqualTo("passed");
        assertThat(root.get("conflicts")).hasSize(1);
    }

    @Test
    void conflictsGoalSaysWhenTheLinesChangeDifferentObjects() throws Exception {
        ConflictFork.fork(dir, "    op.create_table('orders', sa.Column('id', sa.Integer))\n    pass\n");

        GoalRun run = conflicts();

        assertThat(run.conflictListing()).isEqualTo(listing(
                "    " + C_FILE + ":17 create_table orders (id)",
                "  No conflicts: the lines change different schema objects."));
    }

    @Test
    void conflictsGoalFailsOnIntegrityErrorsOnly() throws Exception {
        ConflictFork.sameColumn(dir).rev("dddd00000004", "2024-04-01 10:00:00", "ffff0000dead");

        GoalRun run = conflicts();

        assertThat(run.failed()).isTrue();
        assertThat(run.conflicts()).isEmpty();
        assertThat(run.failureMessage()).isEqualTo(run.check().failureMessage()).contains("ffff0000dead");
    }

    @Test
    void aSingleHeadHasNothingToCompare() throws Exception {
        new ConvergeProject(dir).ini()
                .revWithUpgrade(A, "2024-01-01 10:00:00", "    op.create_table('users', sa.Column('id', sa.Integer))\n")
                .revWithUpgrade(B, "2024-02-01 10:00:00",
                        "    op.add_column('users', sa.Column('email', sa.String(255)))\n", A);

        GoalRun conflicts = conflicts();
        GoalRun check = check(null, "fail");

        assertThat(conflicts.conflicts()).isEmpty();
        assertThat(conflicts.conflictListing()).isEmpty();
        assertThat(conflicts.failed()).isFalse();
        assertThat(check.conflicts()).isEmpty();
        assertThat(check.failed()).isFalse();
        assertThat(json.readTree(report().toFile()).has("conflicts")).isFalse();
    }

    @Test
    void aVersionFileWhoseUpgradeCannotBeReadIsAWarningAndAListingLine() throws Exception {
        ConflictFork.sameTable(dir);
        Path file = dir.resolve(C_FILE);
        Files.writeString(file, Files.readString(file).replace("def upgrade():", "def upgrade_later():"));

        GoalRun check = check("2", null);
        GoalRun conflicts = conflicts();

        String problem = "[unresolved-operation] " + C_FILE + ": No top-level def upgrade() (Alembic: AttributeError"
                + " when upgrading); its operations are unknown Fix: define def upgrade() -> None: at module level";
        assertThat(check.failed()).isFalse();
        assertThat(check.warningLines()).containsExactly("Schema conflicts not fully checked: " + problem);
        assertThat(conflicts.conflictListing()).isEqualTo(listing(
                "    (no schema operations)",
                "  No conflicts among the operations that could be read; the problems below leave some unchecked:",
                "  ! " + problem));
    }

    @Test
    void theReportListsEachLinesOperationsAndTheFindings() throws Exception {
        ConflictFork.sameColumn(dir);

        check("2", null);

        String b = "{\"head\":\"" + B + "\",\"path\":\"" + B_FILE + "\",\"line\":17,\"kind\":\"add_column\","
                + "\"operation\":\"add_column users.email [type=sa.String(255)]\",\"conditional\":false,"
                + "\"unresolved\":false}";
        String c = "{\"head\":\"" + C + "\",\"path\":\"" + C_FILE + "\",\"line\":17,\"kind\":\"add_column\","
                + "\"operation\":\"add_column users.email [type=sa.String(100)]\",\"conditional\":false,"
                + "\"unresolved\":false}";
        String expected = "[{\"heads\":[\"" + B + "\",\"" + C + "\"],\"forkPoints\":[\"" + A + "\"],"
                + "\"lines\":[{\"head\":\"" + B + "\",\"revisions\":[\"" + B + "\"],\"operations\":["
                + b.replace("\"head\":\"" + B + "\",", "") + "]},"
                + "{\"head\":\"" + C + "\",\"revisions\":[\"" + C + "\"],\"operations\":["
                + c.replace("\"head\":\"" + C + "\",", "") + "]}],"
                + "\"findings\":[{\"severity\":\"error\",\"rule\":\"column-added-twice\","
                + "\"message\":\"column users.email is added on both lines\",\"left\":" + b + ",\"right\":" + c + "}],"
                + "\"diagnostics\":[]}]";
        assertThat(json.readTree(report().toFile()).get("conflicts")).isEqualTo(json.readTree(expected));
    }
}
