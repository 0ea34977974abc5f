package io.github.alembicmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alembicmaven.core.ConvergeProject.Opts;
import io.github.alembicmaven.core.ConvergeRun.Status;
import io.github.alembicmaven.core.merge.FileTreeSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ConvergeRun} on real trees: what is written (names and bytes), statuses, option validation and refusals.
 * Expected ids are SHA-256 values of the documented canonical encoding computed outside this code base (Python's
 * hashlib), e.g. {@code 243f6114da12} = merge of bbbb00000002 and cccc00000003, no label, "merge heads".
 */
class ConvergeRunTest {
    static final String MERGE_BC = "243f6114da12";

    @TempDir
    Path dir;

    ConvergeProject project() {
        return new ConvergeProject(dir);
    }

    /** Alembic's generic template rendered for a merge (spec §5.1). */
    static String stock(String id, String revises, String down, String labels, String date, String message) {
        return "\"\"\"" + message + "\n\nRevision ID: " + id + "\nRevises: " + revises + "\nCreate Date: " + date
                + "\n\n\"\"\"\nfrom typing import Sequence, Union\n\nfrom alembic import op\nimport sqlalchemy as sa\n"
                + "\n\n# revision identifiers, used by Alembic.\nrevision: str = '" + id + "'\n"
                + "down_revision: Union[str, Sequence[str], None] = " + down + "\n"
                + "branch_labels: Union[str, Sequence[str], None] = " + labels + "\n"
                + "depends_on: Union[str, Sequence[str], None] = None\n\n\n"
                + "def upgrade() -> None:\n    \"\"\"Upgrade schema.\"\"\"\n    pass\n\n\n"
                + "def downgrade() -> None:\n    \"\"\"Downgrade schema.\"\"\"\n    pass\n";
    }

    static final String MERGE_BC_TEXT = stock(MERGE_BC, "bbbb00000002, cccc00000003",
            "('bbbb00000002', 'cccc00000003')", "None", "2024-03-01 10:00:00.500000", "merge heads");

    static String read(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void twoHeadsAreMergedIntoOneFileWithDerivedIdSortedParentsAndTheNewestParentsDate() throws Exception {
        ConvergeProject p = project().ini().stockTemplate().twoHeads();

        ConvergeRun run = p.converge();

        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        assertThat(run.failed()).isFalse();
        assertThat(run.failureMessage()).isNull();
        assertThat(run.verifyResult()).isNull();
        assertThat(p.pyFiles("migrations/versions")).containsExactly(
                "243f6114da12_merge_heads.py", "aaaa00000001_rev.py", "bbbb00000002_rev.py", "cccc00000003_rev.py");
        Path merge = p.versions().resolve("243f6114da12_merge_heads.py");
        assertThat(read(merge)).isEqualTo(MERGE_BC_TEXT);
        assertThat(run.files()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(merge);
            assertThat(f.template()).isEqualTo("migrations/script.py.mako");
            assertThat(f.merge().id()).isEqualTo(MERGE_BC);
        });
        assertThat(run.warningLines()).isEmpty();
        assertThat(run.infoLines()).containsExactly(
                "1 revision to write: 'head' (bbbb00000002, cccc00000003 -> 243f6114da12).",
                "Created migrations/versions/243f6114da12_merge_heads.py (revision 243f6114da12, merge of"
                        + " bbbb00000002, cccc00000003)");
        assertThat(p.heads()).containsExactly(MERGE_BC);
    }

    @Test
    void aSecondRunFindsTheTreeConvergedAndWritesNothing() throws Exception {
        ConvergeProject p = project().ini().stockTemplate().twoHeads();
        assertThat(p.converge().status()).isEqualTo(Status.WRITTEN);
        Map<String, String> before = p.snapshot();

        ConvergeRun again = p.converge();

        assertThat(again.status()).isEqualTo(Status.CONVERGED);
        assertThat(again.failed()).isFalse();
        assertThat(again.files()).isEmpty();
        assertThat(again.infoLines())
                .containsExactly("Already converged: every line of history has one head; nothing to write.");
        assertThat(p.snapshot()).isEqualTo(before);
    }

    @Test
    void threeHeadsGetOneMergeWithThreeParents() throws Exception {
        ConvergeProject p = project().ini().stockTemplate().twoHeads().rev("dddd00000004", "2024-01-15 00:00:00",
                "aaaa00000001");

        ConvergeRun run = p.converge();

        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        // hashlib: 3 parents bbbb00000002, cccc00000003, dddd00000004, no label, "merge heads"
        assertThat(p.pyFiles("migrations/versions")).hasSize(5).contains("b6cecbead688_merge_heads.py");
        assertThat(read(p.versions().resolve("b6cecbead688_merge_heads.py"))).isEqualTo(stock("b6cecbead688",
                "bbbb00000002, cccc00000003, dddd00000004", "('bbbb00000002', 'cccc00000003', 'dddd00000004')",
                "None", "2024-03-01 10:00:00.500000", "merge heads"));
        assertThat(p.heads()).containsExactly("b6cecbead688");
    }

    @Test
    void pairwiseWritesTwoTwoParentMergesChainedInSortedOrder() throws Exception {
        ConvergeProject p = project().ini().stockTemplate().twoHeads().rev("dddd00000004", "2024-01-15 00:00:00",
                "aaaa00000001");

        ConvergeRun run = p.converge(new Opts().strategy("pairwise"));

        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        // first bbbb00000002 + cccc00000003 = 243f6114da12, then 243f6114da12 + dddd00000004 = 240c2c4483da
        assertThat(run.files()).extracting(f -> f.merge().id()).containsExactly(MERGE_BC, "240c2c4483da");
        assertThat(read(p.versions().resolve("243f6114da12_merge_heads.py"))).isEqualTo(MERGE_BC_TEXT);
        assertThat(read(p.versions().resolve("240c2c4483da_merge_heads.py"))).isEqualTo(stock("240c2c4483da",
                "243f6114da12, dddd00000004", "('243f6114da12', 'dddd00000004')", "None",
                "2024-03-01 10:00:00.500000", "merge heads"));
        assertThat(p.pyFiles("migrations/versions")).hasSize(6);
        assertThat(p.heads()).containsExactly("240c2c4483da");
    }

    @Test
    void dryRunShowsPathAndFullContentAndLeavesTheTreeByteIdentical() throws Exception {
        ConvergeProject p = project().ini().stockTemplate().twoHeads();
        Map<String, String> before = p.snapshot();

        ConvergeRun run = p.converge(new Opts().dryRun());

        assertThat(run.status()).isEqualTo(Status.DRY_RUN);
        assertThat(run.failed()).isFalse();
        assertThat(p.snapshot()).isEqualTo(before);
        assertThat(run.files()).singleElement().satisfies(f -> assertThat(f.rendered().content())
                .isEqualTo(MERGE_BC_TEXT));
        List<String> info = run.infoLines();
        assertThat(info.subList(0, 4)).containsExactly(
                "1 revision to write: 'head' (bbbb00000002, cccc00000003 -> 243f6114da12).",
                "Dry run: nothing is written. A real run ('mvn alembic:converge') writes this file:",
                "",
                "--- migrations/versions/243f6114da12_merge_heads.py (" + MERGE_BC_TEXT.length()
                        + " bytes, revision 243f6114da12, template migrations/script.py.mako) ---");
        assertThat(String.join("\n", info.subList(4, info.size() - 1)) + "\n").isEqualTo(MERGE_BC_TEXT);
        assertThat(info.get(info.size() - 1))
                .isEqualTo("--- end of migrations/versions/243f6114da12_merge_heads.py ---");
    }

    @Test
    void theSameTreeInTwoDirectoriesGivesByteIdenticalFiles(@TempDir Path other) throws Exception {
        ConvergeProject a = project().ini().twoHeads().rev("dddd00000004", "2024-01-15 00:00:00", "aaaa00000001");
        ConvergeProject b = new ConvergeProject(other).ini().twoHeads()
                .rev("dddd00000004", "2024-01-15 00:00:00", "aaaa00000001");

        assertThat(a.converge(new Opts().strategy("pairwise")).status()).isEqualTo(Status.WRITTEN);
        assertThat(b.converge(new Opts().strategy("pairwise")).status()).isEqualTo(Status.WRITTEN);

        assertThat(a.snapshot()).hasSize(b.snapshot().size()).isEqualTo(b.snapshot());
        assertThat(a.pyFiles("migrations/versions")).contains("243f6114da12_merge_heads.py",
                "240c2c4483da_merge_heads.py");
    }

    @Test
    void theTimeZoneChangesNeitherBytesNorNamesEvenWithEpochAndDateTokens(@TempDir Path other) throws Exception {
        String template = "file_template = %%(epoch)s_%%(year)d%%(month).2d%%(day).2d_%%(hour).2d%%(minute).2d"
                + "%%(second).2d_%%(rev)s";
        TimeZone saved = TimeZone.getDefault();
        Map<String, String> inTokyo;
        Map<String, String> inHonolulu;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            ConvergeProject a = project().ini(template).twoHeads();
            assertThat(a.converge().status()).isEqualTo(Status.WRITTEN);
            inTokyo = a.snapshot();
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Honolulu"));
            ConvergeProject b = new ConvergeProject(other).ini(template).twoHeads();
            assertThat(b.converge().status()).isEqualTo(Status.WRITTEN);
            inHonolulu = b.snapshot();
        } finally {
            TimeZone.setDefault(saved);
        }
        assertThat(inTokyo).isEqualTo(inHonolulu);
        // int(datetime(2024, 3, 1, 10, 0, 0, 500000, tzinfo=timezone.utc).timestamp()) == 1709287200
        assertThat(inTokyo).containsKey("migrations/versions/1709287200_20240301_100000_243f6114da12.py");
    }

    @Test
    void fromRevisionMergesOnlyTheHeadsBelowIt() throws Exception {
        // a → b → {c, d}; a → e
        ConvergeProject p = project().ini().stockTemplate()
                .rev("aaaa00000001", "2024-01-01 00:00:00")
                .rev("bbbb00000002", "2024-01-02 00:00:00", "aaaa00000001")
                .rev("cccc00000003", "2024-01-03 00:00:00", "bbbb00000002")
                .rev("dddd00000004", "2024-01-04 00:00:00", "bbbb00000002")
                .rev("eeee00000005", "2024-01-05 00:00:00", "aaaa00000001");

        ConvergeRun run = p.converge(new Opts().fromRevision("bbbb00000002"));

        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        // hashlib: cccc00000003 + dddd00000004, no label, "merge heads"
        assertThat(run.files()).singleElement().satisfies(f -> {
            assertThat(f.merge().parents()).containsExactly("cccc00000003", "dddd00000004");
            assertThat(f.file().getFileName()).hasToString("119000a6ac46_merge_heads.py");
        });
        assertThat(read(p.versions().resolve("119000a6ac46_merge_heads.py"))).isEqualTo(stock("119000a6ac46",
                "cccc00000003, dddd00000004", "('cccc00000003', 'dddd00000004')", "None", "2024-01-04 00:00:00",
                "merge heads"));
        assertThat(p.heads()).containsExactlyInAnyOrder("eeee00000005", "119000a6ac46");
    }

    @Test
    void branchLabelIsWrittenAndReadBack() throws Exception {
        ConvergeProject p = project().ini().stockTemplate().twoHeads();

        ConvergeRun run = p.converge(new Opts().branchLabel("release"));

        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        // hashlib: bbbb00000002 + cccc00000003, label "release", "merge heads"
        Path merge = p.versions().resolve("15e2474592c8_merge_heads.py");
        assertThat(read(merge)).isEqualTo(stock("15e2474592c8", "bbbb00000002, cccc00000003",
                "('bbbb00000002', 'cccc00000003')", "('release',)", "2024-03-01 10:00:00.500000", "merge heads"));
        Analysis after = GoalRun.analyze("heads", ConvergeProject.COMMON.request(dir), null).analysis();
        assertThat(after.map().declaringRevision("release")).hasValueSatisfying(r ->
                assertThat(r.id()).isEqualTo("15e2474592c8"));
    }

    @Test
    void revIdAndMessageAreHonoured() throws Exception {
        ConvergeProject p = project().ini().stockTemplate().twoHeads();

        ConvergeRun run = p.converge(new Opts().revId("000000merged").message("join the heads"));

        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        assertThat(read(p.versions().resolve("000000merged_join_the_heads.py"))).isEqualTo(stock("000000merged",
                "bbbb00000002, cccc00000003", "('bbbb00000002', 'cccc00000003')", "None",
                "2024-03-01 10:00:00.500000", "join the heads"));
        assertThat(p.heads()).containsExactly("000000merged");
    }

    @Test
    void invalidOptionsAreConfigurationErrorsAndWriteNothing() throws Exception {
        ConvergeProject p = project().ini().stockTemplate().twoHeads().rev("dddd00000004", "2024-01-15 00:00:00",
                "aaaa00000001");
        Map<String, String> before = p.snapshot();

        assertThatThrownBy(() -> p.converge(new Opts().strategy("diagonal")))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessage("Invalid alembic.strategy 'diagonal': expected 'single' (one merge of all heads, the"
                        + " default) or 'pairwise' (a chain of two-parent merges).");
        assertThatThrownBy(() -> p.converge(new Opts().revId("abc-def")))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessageStartingWith("revId: Revision id 'abc-def' contains '-'");
        assertThatThrownBy(() -> p.converge(new Opts().revId("bbbb00000002")))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessageStartingWith("revId 'bbbb00000002'");
        assertThatThrownBy(() -> p.converge(new Opts().revId("000000merged").strategy("pairwise")))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessageStartingWith("revId '000000merged' names one merge, but 2 merges are planned");
        assertThatThrownBy(() -> p.converge(new Opts().fromRevision("nope")))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessage("fromRevision: Can't locate revision identified by 'nope'.");
        Files.createDirectories(dir.resolve("elsewhere"));
        before = p.snapshot();
        assertThatThrownBy(() -> p.converge(new Opts().versionPath("elsewhere")))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessage("alembic.versionPath elsewhere is not one of the version locations (migrations/versions);"
                        + " Alembic would fail with 'Path " + dir.resolve("elsewhere") + " is not represented in"
                        + " current version locations'. Name one of them.");
        assertThatThrownBy(() -> p.converge(new Opts().verify("true").verifyTimeout("0")))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessageStartingWith("Invalid alembic.verifyTimeout '0'");
        assertThat(p.snapshot()).isEqualTo(before);
    }

    @Test
    void aMissingParentIsRefusedWithAThreePartMessageAndNothingWritten() throws Exception {
        ConvergeProject p = project().ini().stockTemplate().twoHeads()
                .rev("dddd00000004", "2024-01-15 00:00:00", "ffff0000dead");
        Map<String, String> before = p.snapshot();

        ConvergeRun run = p.converge(new Opts().message("merge it"));

        assertThat(run.status()).isEqualTo(Status.REFUSED);
        assertThat(run.failed()).isTrue();
        assertThat(run.files()).isEmpty();
        assertThat(p.snapshot()).isEqualTo(before);
        String[] parts = run.failureMessage().split("\n");
        // what: refused, and the error named
        assertThat(parts[0]).isEqualTo("alembic:converge refused: The Alembic migration graph has 1 integrity error;"
                + " converge merges only a history that loads: fix it first.");
        assertThat(parts[1]).startsWith("  - ").contains("ffff0000dead", "dddd00000004_rev.py");
        // why
        assertThat(parts[2]).contains("Alembic cannot load the history", "Nothing was written.");
        // the exact fix command, repeating the non-default option
        assertThat(parts[3]).isEqualTo("Fix the errors above, confirm with 'mvn alembic:check', then run"
                + " 'mvn alembic:converge -Dalembic.message=\"merge it\"'.");
        assertThat(parts).hasSize(4);
        assertThat(run.infoLines()).isEmpty();
    }

    @Test
    void aDuplicateRevisionIdIsRefused() throws Exception {
        ConvergeProject p = project().ini().stockTemplate().twoHeads();
        Files.writeString(p.versions().resolve("zzzz_copy.py"),
                Files.readString(p.versions().resolve("cccc00000003_rev.py")));
        Map<String, String> before = p.snapshot();

        ConvergeRun run = p.converge();

        assertThat(run.status()).isEqualTo(Status.REFUSED);
        assertThat(run.failureMessage()).startsWith("alembic:converge refused: The Alembic migration graph has 1")
                .contains("cccc00000003", "zzzz_copy.py", "'mvn alembic:converge'");
        assertThat(p.snapshot()).isEqualTo(before);
    }

    @Test
    void aProjectWithoutAlembicIsNotConfigured() throws Exception {
        ConvergeRun run = project().converge();

        assertThat(run.status()).isEqualTo(Status.NOT_CONFIGURED);
        assertThat(run.failed()).isFalse();
        assertThat(run.plan()).isNull();
        assertThat(run.infoLines()).singleElement().asString().startsWith("No Alembic migrations in ");
        assertThat(FileTreeSnapshot.of(dir)).isEmpty();
    }

    @Test
    void commandLineRepeatsNonDefaultOptionsWithShellQuoting() {
        assertThat(ConvergeRun.commandLine(new Opts().build(), false)).isEqualTo("mvn alembic:converge");
        assertThat(ConvergeRun.commandLine(new Opts().message("merge heads").strategy(" Single ").build(), true))
                .isEqualTo("mvn alembic:converge -Dalembic.dryRun");
        ConvergeParameters all = new Opts().message("say \"hi\" \\ bye").branchLabel("release-1.0")
                .fromRevision("ab12@x").strategy("pairwise").revId("000000merged").versionPath("db/v 2")
                .verify("python3 -m alembic upgrade heads").verifyTimeout("30").outputTimestamp("2024-01-01T00:00:00Z")
                .build();
        String options = " -Dalembic.message=\"say \\\"hi\\\" \\\\ bye\""
                + " -Dalembic.branchLabel=release-1.0"
                + " -Dalembic.fromRevision=ab12@x"
                + " -Dalembic.strategy=pairwise"
                + " -Dalembic.revId=000000merged"
                + " -Dalembic.versionPath=\"db/v 2\"";
        assertThat(ConvergeRun.commandLine(all, false)).isEqualTo("mvn alembic:converge" + options
                + " -Dalembic.verifyCommand=\"python3 -m alembic upgrade heads\" -Dalembic.verifyTimeout=30");
        // the common parameters that were given come first; the defaults (name alembic, timeout 600) are left out
        GoalParameters common = new GoalParameters("db/alembic.ini", "alembic", null, "db/a,db/b", null, null,
                "audit,reporting", null, null);
        assertThat(ConvergeRun.commandLine(common, new Opts().verify("true").verifyTimeout("600").build(), false))
                .isEqualTo("mvn alembic:converge -Dalembic.config=db/alembic.ini -Dalembic.versionLocations=db/a,db/b"
                        + " -Dalembic.independentBranches=audit,reporting -Dalembic.verifyCommand=true");
        assertThat(ConvergeRun.commandLine(all, true)).isEqualTo("mvn alembic:converge" + options
                + " -Dalembic.dryRun");
    }

    @Test
    void theCommandLineGivesPosixShEveryValueUnchanged() throws Exception {
        String message = "costs $HOME `id` \"quoted\" \\ 'single' !";
        String command = ConvergeRun.commandLine(new Opts().message(message).verify("echo $PWD && test -f 'x y'")
                .build(), false);
        assertThat(command).startsWith("mvn alembic:converge ");

        // $ and ` inside double quotes must be escaped, or the fix command runs something else; let /bin/sh split the arguments exactly as a terminal would, printing one per line
        Process sh = new ProcessBuilder("/bin/sh", "-c",
                "printf '%s\\n' " + command.substring("mvn alembic:converge ".length()))
                .redirectErrorStream(true).start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor()).isZero();
        assertThat(out.split("\n")).containsExactly(
                "-Dalembic.message=" + message, "-Dalembic.verifyCommand=echo $PWD && test -f 'x y'");
    }

    @Test
    void theReportRecordsTheConvergeGoalAndInvalidOptions() throws Exception {
        ConvergeProject p = project().ini().stockTemplate().twoHeads();
        Path report = dir.resolve("target/alembic/alembic-report.json");
        ObjectMapper json = new ObjectMapper();

        assertThatThrownBy(() -> ConvergeRun.converge(ConvergeProject.COMMON, new Opts().strategy("x").build(), dir,
                report)).isInstanceOf(AlembicConfigException.class);
        JsonNode failed = json.readTree(report.toFile());
        assertThat(failed.get("goal").asText()).isEqualTo("converge");
        assertThat(failed.get("status").asText()).isEqualTo("error");
        assertThat(failed.get("diagnostics").get(0).get("message").asText())
                .startsWith("Invalid alembic.strategy 'x'");
        assertThat(p.pyFiles("migrations/versions")).hasSize(3);

        ConvergeRun run = ConvergeRun.converge(ConvergeProject.COMMON, new Opts().build(), dir, report);

        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        JsonNode root = json.readTree(report.toFile());
        assertThat(root.get("goal").asText()).isEqualTo("converge");
        // the report describes the tree as read back after the merge was written
        assertThat(root.get("heads").toString()).isEqualTo("[\"243f6114da12\"]");
        assertThat(root.get("revisions")).hasSize(4);
        assertThat(root.get("converge").get("status").asText()).isEqualTo("written");
    }

    @Test
    void independentBranchesAreMergedLineByLineNeverAcross() throws Exception {
        // two independent histories, each with two heads: app_a (a → a2, a3), app_b (b → b2, b3)
        ConvergeProject p = project().ini().stockTemplate()
                .rev("a", "2024-01-01 00:00:00").rev("a2", "2024-01-02 00:00:00", "a")
                .rev("a3", "2024-01-03 00:00:00", "a")
                .rev("b", "2024-02-01 00:00:00").rev("b2", "2024-02-02 00:00:00", "b")
                .rev("b3", "2024-02-03 00:00:00", "b");
        for (String id : List.of("a", "b")) {
            Path f = p.versions().resolve(id + "_rev.py");
            Files.writeString(f, read(f).replace("branch_labels = None", "branch_labels = ('app_" + id + "',)"));
        }
        GoalParameters common = new GoalParameters(null, null, null, null, null, null, "app_a, app_b", null, null);
        Map<String, String> before = p.snapshot();
        assertThatThrownBy(() -> ConvergeRun.converge(common, new Opts().branchLabel("x").build(), dir, null))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessageStartingWith("branchLabel 'x' can label only one merge, but 2 lines of history need one");
        assertThat(p.snapshot()).isEqualTo(before);

        ConvergeRun run = ConvergeRun.converge(common, new Opts().build(), dir, null);

        assertThat(run.status()).isEqualTo(Status.WRITTEN);
        assertThat(run.files()).extracting(f -> f.merge().parents())
                .containsExactlyInAnyOrder(List.of("a2", "a3"), List.of("b2", "b3"));
        assertThat(p.heads()).hasSize(2);
        assertThat(ConvergeRun.converge(common, new Opts().build(), dir, null).status())
                .isEqualTo(Status.CONVERGED);
    }
}
