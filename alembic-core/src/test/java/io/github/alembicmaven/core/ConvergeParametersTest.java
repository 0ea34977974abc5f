package io.github.alembicmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alembicmaven.core.ConvergeProject.Opts;
import io.github.alembicmaven.core.merge.ConvergePlannerOptions;
import io.github.alembicmaven.core.merge.ConvergePlannerOptions.Strategy;
import io.github.alembicmaven.core.merge.VerifyCommand;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvergeParametersTest {
    static final GoalParameters COMMON = ConvergeProject.COMMON;

    @TempDir
    Path dir;

    @Test
    void unsetOptionsGiveThePlannerDefaults() throws Exception {
        ConvergePlannerOptions o = new Opts().build().plannerOptions(COMMON, dir);

        assertThat(o).isEqualTo(ConvergePlannerOptions.defaults());
        assertThat(o.message()).isEqualTo("merge heads");
        assertThat(o.strategy()).isEqualTo(Strategy.SINGLE);
        assertThat(o.policy().maxHeads()).isEqualTo(1);
        assertThat(new Opts().message(" ").branchLabel(" ").fromRevision("").revId("\t").versionPath("  ")
                .strategy(" ").outputTimestamp(" ").build().plannerOptions(COMMON, dir))
                .isEqualTo(ConvergePlannerOptions.defaults().withMessage(" "));
    }

    @Test
    void givenOptionsArePassedOnWithVersionPathResolvedAgainstTheBasedir() throws Exception {
        GoalParameters common = new GoalParameters(null, null, null, null, null, "2", "app_a,app_b", null, null);

        ConvergePlannerOptions o = new Opts().message("join").branchLabel("release").fromRevision("ab12")
                .strategy(" PairWise ").revId("000000merged").versionPath(" db/one/../two/ ")
                .outputTimestamp("2024-01-02T03:04:05Z").build().plannerOptions(common, dir);

        assertThat(o.message()).isEqualTo("join");
        assertThat(o.branchLabel()).isEqualTo("release");
        assertThat(o.fromRevision()).isEqualTo("ab12");
        assertThat(o.strategy()).isEqualTo(Strategy.PAIRWISE);
        assertThat(o.revId()).isEqualTo("000000merged");
        assertThat(o.versionPath()).isEqualTo(dir.resolve("db/two").toAbsolutePath());
        assertThat(o.fallbackCreateDate()).hasToString("2024-01-02 03:04:05+00:00");
        assertThat(o.policy().maxHeads()).isEqualTo(2);
        assertThat(o.policy().independentBranches()).containsExactlyInAnyOrder("app_a", "app_b");
    }

    @Test
    void outputTimestampInEpochSecondsIsAUtcDate() throws Exception {
        // 1700000000 = 2023-11-14T22:13:20Z
        assertThat(new Opts().outputTimestamp("1700000000").build().fallbackCreateDate())
                .hasToString("2023-11-14 22:13:20+00:00");
    }

    @Test
    void invalidOptionsAreConfigurationErrors() {
        assertThatThrownBy(() -> new Opts().strategy("both").build().plannerOptions(COMMON, dir))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessage("Invalid alembic.strategy 'both': expected 'single' (one merge of all heads, the default)"
                        + " or 'pairwise' (a chain of two-parent merges).");
        assertThatThrownBy(() -> new Opts().outputTimestamp("last tuesday").build().plannerOptions(COMMON, dir))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessageStartingWith("project.build.outputTimestamp 'last tuesday' is neither ISO-8601")
                .hasMessageEndingWith("; converge uses it as the create date of a merge whose parents have none.");
        GoalParameters badCommon = new GoalParameters(null, null, null, null, null, "0", null, null, null);
        assertThatThrownBy(() -> new Opts().build().plannerOptions(badCommon, dir))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessageStartingWith("Invalid alembic.maxHeads '0'");
    }

    @Test
    void verifyCommandIsStrippedWithTheDefaultOrTheGivenTimeout() throws Exception {
        assertThat(new Opts().build().verify()).isEmpty();
        assertThat(new Opts().verify("  ").verifyTimeout("abc").build().verify()).isEmpty();
        assertThat(new Opts().verify("  alembic upgrade heads ").build().verify())
                .contains(new VerifyCommand("alembic upgrade heads", Duration.ofMinutes(10)));
        assertThat(new Opts().verify("true").verifyTimeout(" 30 ").build().verify())
                .contains(new VerifyCommand("true", Duration.ofSeconds(30)));
        assertThat(new Opts().verify("true").verifyTimeout(" ").build().verify())
                .contains(new VerifyCommand("true", VerifyCommand.DEFAULT_TIMEOUT));
    }

    @Test
    void invalidVerifyTimeoutsAreConfigurationErrors() {
        for (String bad : new String[] {"0", "-5", "1.5", "ten", "99999999999999999999"}) {
            assertThatThrownBy(() -> new Opts().verify("true").verifyTimeout(bad).build().verify())
                    .isInstanceOf(AlembicConfigException.class)
                    .hasMessage("Invalid alembic.verifyTimeout '" + bad
                            + "': expected a whole number of seconds >= 1 (default 600).");
        }
    }
}
