package io.github.alembicmaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code mvn alembic:help -Ddetail} shows comes from the generated plugin.xml: every parameter documented. */
class PluginDescriptorTest {

    private static PluginDescriptor descriptor() throws Exception {
        try (Reader r = new InputStreamReader(
                PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml"), StandardCharsets.UTF_8)) {
            return new PluginDescriptorBuilder().build(r);
        }
    }

    @Test
    void goalsAndPrefix() throws Exception {
        PluginDescriptor d = descriptor();
        assertThat(d.getGoalPrefix()).isEqualTo("alembic");
        assertThat(d.getMojos()).extracting(MojoDescriptor::getGoal).contains("check", "heads", "converge", "conflicts", "graph",
                "help");
        assertThat(d.getMojo("check").getPhase()).isEqualTo("validate");
        assertThat(d.getMojo("check").isThreadSafe()).isTrue();
        assertThat(d.getMojo("heads").isThreadSafe()).isTrue();
        assertThat(d.getMojo("heads").isProjectRequired()).isFalse();
        // converge writes files: never bound to a phase by default, only run on request
        assertThat(d.getMojo("converge").getPhase()).isNull();
        assertThat(d.getMojo("converge").isThreadSafe()).isTrue();
        assertThat(d.getMojo("converge").isProjectRequired()).isFalse();
        // conflicts only reads, like heads: usable in a plain Python project, never bound by default
        assertThat(d.getMojo("conflicts").getPhase()).isNull();
        assertThat(d.getMojo("conflicts").isThreadSafe()).isTrue();
        assertThat(d.getMojo("conflicts").isProjectRequired()).isFalse();
        assertThat(d.getMojo("conflicts").getDescription()).contains("Findings never fail this goal");
        // graph writes only below target/: usable in a plain Python project, never bound by default
        assertThat(d.getMojo("graph").getPhase()).isNull();
        assertThat(d.getMojo("graph").isThreadSafe()).isTrue();
        assertThat(d.getMojo("graph").isProjectRequired()).isFalse();
        assertThat(d.getMojo("graph").getDescription()).contains("graph.html", "graph.mmd", "graph.dot");
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "heads", "converge", "conflicts", "graph"})
    void everyUserParameterHasAUserPropertyADescriptionAndSince(String goal) throws Exception {
        List<Parameter> parameters = descriptor().getMojo(goal).getParameters();
        List<String> common = List.of(
                "config", "name", "scriptLocation", "versionLocations", "constants", "skip", "reportDirectory");
        assertThat(parameters).extracting(Parameter::getName).containsAll(common);
        for (Parameter p : parameters) {
            if (!p.isEditable()) {
                continue; // readonly basedir
            }
            assertThat(p.getExpression()).as(p.getName()).isEqualTo("${alembic." + p.getName() + "}");
            assertThat(p.getDescription()).as(p.getName()).isNotBlank();
            assertThat(p.getSince()).as(p.getName()).isEqualTo("0.1.0");
        }
    }

    @Test
    void goalSpecificParameters() throws Exception {
        PluginDescriptor d = descriptor();
        assertThat(d.getMojo("check").getParameters()).extracting(Parameter::getName)
                .contains("maxHeads", "independentBranches", "conflicts");
        assertThat(d.getMojo("heads").getParameters()).extracting(Parameter::getName)
                .contains("verbose", "resolveDependencies");
        assertThat(d.getMojo("converge").getParameters()).extracting(Parameter::getName)
                .contains("message", "branchLabel", "fromRevision", "strategy", "revId", "versionPath", "dryRun",
                        "verifyCommand", "verifyTimeout", "independentBranches", "allowConflicts");
        assertThat(d.getMojo("conflicts").getParameters()).extracting(Parameter::getName)
                .contains("independentBranches")
                .doesNotContain("maxHeads", "conflicts", "allowConflicts");
        Parameter depth = parameter(d.getMojo("graph"), "graphDepth");
        assertThat(depth.getDefaultValue()).isEqualTo("20");
        assertThat(depth.getDescription()).contains("-Dalembic.graphDepth=");
    }

    @Test
    void baseRefOnCheckAndConvergeOnly() throws Exception {
        PluginDescriptor d = descriptor();
        for (String goal : List.of("check", "converge")) {
            Parameter baseRef = parameter(d.getMojo(goal), "baseRef");
            assertThat(baseRef.getExpression()).isEqualTo("${alembic.baseRef}");
            assertThat(baseRef.getDefaultValue()).isNull();
            assertThat(baseRef.getType()).isEqualTo("java.lang.String");
            assertThat(baseRef.getDescription()).as(goal).contains("-Dalembic.baseRef=origin/main");
        }
        for (String goal : List.of("heads", "conflicts")) {
            assertThat(d.getMojo(goal).getParameters()).extracting(Parameter::getName).doesNotContain("baseRef");
        }
    }

    @Test
    void conflictParameters() throws Exception {
        PluginDescriptor d = descriptor();
        Parameter conflicts = parameter(d.getMojo("check"), "conflicts");
        assertThat(conflicts.getDefaultValue()).isEqualTo("warn");
        assertThat(conflicts.getDescription()).contains("fail", "warn", "ignore", "-Dalembic.conflicts=fail");
        Parameter allow = parameter(d.getMojo("converge"), "allowConflicts");
        assertThat(allow.getDefaultValue()).isEqualTo("false");
        assertThat(allow.getType()).isEqualTo("boolean");
        assertThat(allow.getDescription()).contains("-Dalembic.allowConflicts");
    }

    private static Parameter parameter(MojoDescriptor mojo, String name) {
        return mojo.getParameters().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }
}
