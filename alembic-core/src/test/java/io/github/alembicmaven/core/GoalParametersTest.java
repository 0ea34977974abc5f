package io.github.alembicmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alembicmaven.core.conflict.ConflictPolicy;
import io.github.alembicmaven.core.conflict.ConflictPolicyTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoalParametersTest {
    @TempDir
    Path dir;

    @Test
    void buildsTheRequestRelativeToTheBasedir() throws Exception {
        AnalysisRequest r = new GoalParameters("conf/alembic.ini", "app", null, "db/a, db/b", "cli.X=x", null, null, null, null)
                .request(dir);
        assertThat(r.configFile()).isEqualTo(dir.resolve("conf/alembic.ini"));
        assertThat(r.iniSection()).isEqualTo("app");
        assertThat(r.versionLocations()).containsExactly("db/a", "db/b");
        assertThat(r.constants()).isEqualTo(Map.of("cli.X", "x"));
        assertThat(r.explicitlyConfigured()).isTrue();
    }

    @Test
    void headPolicyDefaultsToOneHead() throws Exception {
        var policy = new GoalParameters(null, null, null, null, null, null, " app_a, app_b ", null, null).headPolicy();
        assertThat(policy.maxHeads()).isEqualTo(1);
        assertThat(policy.independentBranches()).containsExactlyInAnyOrder("app_a", "app_b");
        assertThat(new GoalParameters(null, null, null, null, null, " 3 ", null, null, null).headPolicy().maxHeads()).isEqualTo(3);
    }

    @Test
    void invalidMaxHeadsIsAConfigurationError() {
        for (String bad : new String[] {"0", "-1", "two"}) {
            assertThatThrownBy(() -> new GoalParameters(null, null, null, null, null, bad, null, null, null).headPolicy())
                    .isInstanceOf(AlembicConfigException.class)
                    .hasMessage("Invalid alembic.maxHeads '" + bad + "': expected a whole number >= 1 (default 1).");
        }
    }

    @Test
    void conflictPolicyDefaultsToWarn() throws Exception {
        assertThat(new GoalParameters(null, null, null, null, null, null, null, null, null).conflictPolicy())
                .isEqualTo(ConflictPolicy.WARN);
        assertThat(new GoalParameters(null, null, null, null, null, null, null, " ", null).conflictPolicy())
                .isEqualTo(ConflictPolicy.WARN);
        assertThat(new GoalParameters(null, null, null, null, null, null, null, "Fail", null).conflictPolicy())
                .isEqualTo(ConflictPolicy.FAIL);
        assertThat(new GoalParameters(null, null, null, null, null, null, null, "IGNORE", null).conflictPolicy())
                .isEqualTo(ConflictPolicy.IGNORE);
    }

    @Test
    void invalidConflictPolicyIsAConfigurationErrorRecordedInTheReport() throws Exception {
        Path report = dir.resolve("target/alembic/alembic-report.json");
        GoalParameters bad = new GoalParameters(null, null, null, "db", null, null, null, "strict", null);

        assertThatThrownBy(bad::conflictPolicy)
                .isInstanceOf(AlembicConfigException.class)
                .hasMessage(ConflictPolicyTest.invalid("strict"));
        assertThatThrownBy(() -> GoalRun.check("check", bad, dir, report))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessage(ConflictPolicyTest.invalid("strict"));

        var root = new ObjectMapper().readTree(report.toFile());
        assertThat(root.get("status").asText()).isEqualTo("error");
        assertThat(root.get("diagnostics").get(0).get("message").asText())
                .isEqualTo(ConflictPolicyTest.invalid("strict"));
    }

    @Test
    void invalidParametersAreRecordedInTheReport() throws Exception {
        Path report = dir.resolve("target/alembic/alembic-report.json");
        GoalParameters bad = new GoalParameters(null, null, null, "db", null, "zero", null, null, null);

        assertThatThrownBy(() -> GoalRun.check("check", bad, dir, report)).isInstanceOf(AlembicConfigException.class);

        var root = new ObjectMapper().readTree(report.toFile());
        assertThat(root.get("status").asText()).isEqualTo("error");
        assertThat(root.get("diagnostics").get(0).get("message").asText()).startsWith("Invalid alembic.maxHeads 'zero'");
    }
}
