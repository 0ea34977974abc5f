package io.github.alembicmaven.enforcer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.enforcer.rule.api.EnforcerLogger;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequireSingleAlembicHeadTest {

    @TempDir
    Path basedir;

    private final Properties userProperties = new Properties();
    private final Properties projectProperties = new Properties();
    private final EnforcerLogger log = mock(EnforcerLogger.class);
    private RequireSingleAlembicHead rule;

    @BeforeEach
    void setUp() {
        MavenProject project = mock(MavenProject.class);
        MavenSession session = mock(MavenSession.class);
        Build build = new Build();
        build.setDirectory(basedir.resolve("target").toString());
        when(project.getBasedir()).thenReturn(basedir.toFile());
        when(project.getBuild()).thenReturn(build);
        when(project.getProperties()).thenReturn(projectProperties);
        when(session.getUserProperties()).thenReturn(userProperties);
        rule = new RequireSingleAlembicHead(project, session);
        rule.setLog(log);
    }

    @Test
    void linearTreePasses() throws Exception {
        Fixtures.linear(basedir);

        assertDoesNotThrow(rule::execute);

        verify(log).info(argThat((CharSequence s) -> s.toString().contains("3c4d5e6f7a8b")));
        JsonNode report = report();
        assertThat(report.path("goal").asText()).isEqualTo("requireSingleAlembicHead");
        assertThat(report.path("status").asText()).isEqualTo("passed");
    }

    @Test
    void twoHeadsFailWithTheCoreMessageAndAReport() throws Exception {
        Fixtures.twoHeads(basedir);

        EnforcerRuleException e = assertThrows(EnforcerRuleException.class, rule::execute);

        assertThat(e).isNotInstanceOf(EnforcerRuleError.class);
        assertThat(e.getMessage())
                .contains("5e6f7a8b9c0d", "6f7a8b9c0d1e", "fork", "alembic upgrade head", "mvn alembic:converge");
        assertThat(report().path("status").asText()).isEqualTo("failed");
    }

    @Test
    void explicitLocationWithoutRevisionFilesIsAnErrorNotAViolation() throws Exception {
        Files.createDirectories(basedir.resolve("db/versions"));
        rule.setVersionLocations("db/versions");

        EnforcerRuleException e = assertThrows(EnforcerRuleException.class, rule::execute);

        assertInstanceOf(EnforcerRuleError.class, e);
        assertThat(e.getMessage()).contains("db/versions");
    }

    @Test
    void invalidConstantsAreAnError() throws Exception {
        Fixtures.linear(basedir);
        rule.setConstants("cli.EXPAND_BRANCH");

        EnforcerRuleException e = assertThrows(EnforcerRuleException.class, rule::execute);

        assertInstanceOf(EnforcerRuleError.class, e);
        assertThat(e.getMessage()).contains("alembic.constants");
    }

    @Test
    void invalidMaxHeadsPropertyIsAnError() throws Exception {
        Fixtures.linear(basedir);
        projectProperties.setProperty("alembic.maxHeads", "two");

        EnforcerRuleException e = assertThrows(EnforcerRuleException.class, rule::execute);

        assertInstanceOf(EnforcerRuleError.class, e);
        assertThat(e.getMessage()).contains("alembic.maxHeads", "two");
    }

    @Test
    void projectPropertyIsTheFallbackForAnUnsetParameter() throws Exception {
        Fixtures.twoHeads(basedir);
        projectProperties.setProperty("alembic.maxHeads", "2");

        assertDoesNotThrow(rule::execute);
    }

    @Test
    void userPropertyWinsOverProjectProperty() throws Exception {
        Fixtures.twoHeads(basedir);
        projectProperties.setProperty("alembic.maxHeads", "2");
        userProperties.setProperty("alembic.maxHeads", "1");

        assertThrows(EnforcerRuleException.class, rule::execute);
    }

    @Test
    void explicitParameterWinsOverProperties() throws Exception {
        Fixtures.twoHeads(basedir);
        userProperties.setProperty("alembic.maxHeads", "1");
        rule.setMaxHeads(2);

        assertDoesNotThrow(rule::execute);
    }

    @Test
    void independentBranchesFromAProperty() throws Exception {
        Fixtures.independentBranches(basedir);
        assertThrows(EnforcerRuleException.class, rule::execute);

        projectProperties.setProperty("alembic.independentBranches", "audit");

        assertDoesNotThrow(rule::execute);
    }

    @Test
    void locationAndReportDirectoryFromProperties() throws Exception {
        Fixtures.linear(basedir);
        Files.move(basedir.resolve("alembic.ini"), basedir.resolve("unused.ini"));
        projectProperties.setProperty("alembic.scriptLocation", "migrations");
        projectProperties.setProperty("alembic.reportDirectory", "target/reports");

        assertDoesNotThrow(rule::execute);

        assertThat(basedir.resolve("target/reports/alembic-report.json")).exists();
    }

    @Test
    void warningsAreLoggedWithPathsRelativeToTheProject() throws Exception {
        Fixtures.linear(basedir);
        rule.setVersionLocations("migrations/versions,migrations/versions");

        assertDoesNotThrow(rule::execute);

        verify(log, atLeastOnce()).warn(argThat((CharSequence s) ->
                s.toString().startsWith("[file-loaded-twice] migrations/versions/")));
    }

    @Test
    void moduleWithoutAlembicConfigurationPasses() {
        assertDoesNotThrow(rule::execute);

        verify(log).info(argThat((CharSequence s) -> s.toString().contains("nothing to do")));
        verify(log, never()).warn(any(CharSequence.class));
        assertThat(basedir.resolve("target/alembic/alembic-report.json")).doesNotExist();
    }

    @Test
    void skipFromAUserProperty() throws Exception {
        Fixtures.twoHeads(basedir);
        userProperties.setProperty("alembic.skip", "true");

        assertDoesNotThrow(rule::execute);

        verify(log).info("Skipping requireSingleAlembicHead (alembic.skip=true)");
    }

    @Test
    void neverCachedAndDescribedWithTheEffectiveConfiguration() {
        projectProperties.setProperty("alembic.versionLocations", "a/versions,b/versions");
        projectProperties.setProperty("alembic.conflicts", "fail");
        rule.setMaxHeads(3);

        assertThat(rule.getCacheId()).isNull();
        assertThat(rule.toString())
                .contains("versionLocations=a/versions,b/versions")
                .contains("maxHeads=3")
                .contains("conflicts=fail")
                .contains("reportDirectory=" + basedir.resolve("target").resolve("alembic"));
    }

    /** The one finding of {@link Fixtures#conflictingHeads}. */
    private static final String FINDING = "[error column-added-twice] column account.email is added on both lines:"
            + " migrations/versions/1b2c3d4e5f6a_add_email_to_account.py:20 add_column account.email"
            + " [type=sa.String(255), nullable=True] (line of 1b2c3d4e5f6a) /"
            + " migrations/versions/2c3d4e5f6a7b_add_contact_email_to_account.py:20 add_column account.email"
            + " [type=sa.String(320), nullable=True] (line of 2c3d4e5f6a7b)";

    /** Asserts that {@code e} is a violation (not an error) whose message is the core's conflict block. */
    private static void assertConflictBlock(EnforcerRuleException e) {
        assertThat(e).isNotInstanceOf(EnforcerRuleError.class);
        assertThat(e.getMessage().lines().toList()).satisfiesExactly(
                l -> assertThat(l).isEqualTo("Schema conflicts between lines of history: 1 error (both lines change"
                        + " the same schema object):"),
                l -> assertThat(l).isEqualTo("  Heads 1b2c3d4e5f6a, 2c3d4e5f6a7b forking from 0a1b2c3d4e5f:"),
                l -> assertThat(l).isEqualTo("  - " + FINDING),
                l -> assertThat(l).startsWith("Why: a merge revision only joins the graph;"),
                l -> assertThat(l).startsWith("Fix: reconcile the migrations").endsWith(", then check again with"
                        + " 'mvn alembic:check -Dalembic.conflicts=fail' ('mvn alembic:conflicts' lists each line's"
                        + " operations)."));
    }

    @Test
    void conflictsFailFromTheRuleFailsOnASchemaConflict() throws Exception {
        Fixtures.conflictingHeads(basedir);
        rule.setMaxHeads(2);
        rule.setConflicts("fail");

        assertConflictBlock(assertThrows(EnforcerRuleException.class, rule::execute));
        verify(log, never()).warn(any(CharSequence.class));
        assertThat(report().path("status").asText()).isEqualTo("failed");
    }

    @Test
    void conflictsFailFromAProjectPropertyOrAUserPropertyThatWinsOverIt() throws Exception {
        Fixtures.conflictingHeads(basedir);
        rule.setMaxHeads(2);
        projectProperties.setProperty("alembic.conflicts", "fail");

        assertConflictBlock(assertThrows(EnforcerRuleException.class, rule::execute));

        projectProperties.setProperty("alembic.conflicts", "warn");
        userProperties.setProperty("alembic.conflicts", "FAIL");

        assertConflictBlock(assertThrows(EnforcerRuleException.class, rule::execute));
    }

    @Test
    void theRuleFieldWinsOverTheConflictsProperty() throws Exception {
        Fixtures.conflictingHeads(basedir);
        rule.setMaxHeads(2);
        userProperties.setProperty("alembic.conflicts", "fail");
        rule.setConflicts("warn");

        assertDoesNotThrow(rule::execute);
    }

    @Test
    void invalidConflictsValueIsAnError() throws Exception {
        Fixtures.conflictingHeads(basedir);
        projectProperties.setProperty("alembic.conflicts", "strict");

        EnforcerRuleException e = assertThrows(EnforcerRuleException.class, rule::execute);

        assertInstanceOf(EnforcerRuleError.class, e);
        assertThat(e.getMessage()).isEqualTo("Invalid alembic.conflicts 'strict': expected 'fail' (schema conflicts"
                + " between the heads fail the check), 'warn' (they are logged, the default) or 'ignore'.");
        assertThat(report().path("status").asText()).isEqualTo("error");
    }

    @Test
    void byDefaultASchemaConflictIsLoggedAsAWarningAndPassesWhenMaxHeadsAllows() throws Exception {
        Fixtures.conflictingHeads(basedir);
        rule.setMaxHeads(2);

        assertDoesNotThrow(rule::execute);

        verify(log).warn("Schema conflict: " + FINDING);
        verify(log).info(argThat((CharSequence s) -> s.toString().startsWith("Alembic revision graph OK: 3 revisions,"
                + " 2 heads")));
        assertThat(report().path("conflicts").get(0).path("findings").get(0).path("rule").asText())
                .isEqualTo("column-added-twice");
    }

    @Test
    void withTooManyHeadsTheWarningIsLoggedAndTheMessageNotesThatConvergeWouldRefuse() throws Exception {
        Fixtures.conflictingHeads(basedir);

        EnforcerRuleException e = assertThrows(EnforcerRuleException.class, rule::execute);

        verify(log).warn("Schema conflict: " + FINDING);
        assertThat(e.getMessage()).contains("1b2c3d4e5f6a", "2c3d4e5f6a7b", "alembic upgrade head")
                .endsWith("\nNote: these lines also have schema conflicts (the warnings above): 'mvn alembic:converge'"
                        + " refuses to merge them until the migrations are reconciled; 'mvn alembic:conflicts' lists"
                        + " each line's operations.");
    }

    @Test
    void conflictsIgnoreFromAPropertyReadsNoUpgradeBodies() throws Exception {
        Fixtures.conflictingHeads(basedir);
        rule.setMaxHeads(2);
        userProperties.setProperty("alembic.conflicts", "ignore");

        assertDoesNotThrow(rule::execute);

        verify(log, never()).warn(any(CharSequence.class));
        assertThat(report().has("conflicts")).isFalse();
    }

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(basedir.resolve("target/alembic/alembic-report.json").toFile());
    }

    // --- baseRef: a real git repository (Fixtures.parallelRevisionRepository) ---------------------------------------

    private static final String BASE_REF_FILE = "migrations/versions/4d5e6f7a8b9c_add_phone_to_account.py";

    /** The failure block of the parallel-revision repository against main (its commit id {@code main}). */
    private static String baseRefBlock(String main) {
        return "Compared with main (" + main.substring(0, 12) + "): 1 problem in the merge result:\n"
                + "  - [head-after-merge] " + BASE_REF_FILE + ":14: New revision '4d5e6f7a8b9c' does not descend"
                + " from '3c4d5e6f7a8b', the head of main: after merging, the migration graph has 2 heads (3c4d5e6f7a8b,"
                + " 4d5e6f7a8b9c) and 'alembic upgrade head' fails. It is new (only on this branch: " + BASE_REF_FILE
                + ") and has down_revision = '2b3c4d5e6f7a', which is published (present at main). main has '3c4d5e6f7a8b'"
                + " (main:migrations/versions/3c4d5e6f7a8b_index_account_name.py) on top of '2b3c4d5e6f7a'.\n"
                + "    Fix: re-parent the new, unpublished revision onto main's head: bring in main (git rebase main,"
                + " or git merge main) and set down_revision = '3c4d5e6f7a8b' in " + BASE_REF_FILE + " (safe while"
                + " '4d5e6f7a8b9c' exists on no shared branch or database); or merge main into this branch and run"
                + " 'mvn alembic:converge', which writes a merge revision over 3c4d5e6f7a8b, 4d5e6f7a8b9c.\n"
                + "Why: each branch is green on its own, but the merge into main breaks 'alembic upgrade' for"
                + " everyone.";
    }

    @Test
    void baseRefRepositoryWithoutABaseRefPassesAlone() throws Exception {
        Fixtures.parallelRevisionRepository(basedir);

        assertDoesNotThrow(rule::execute);
    }

    @Test
    void theBaseRefParameterFailsWithTheBlockAsAViolation() throws Exception {
        String main = Fixtures.parallelRevisionRepository(basedir);
        rule.setBaseRef("main");

        EnforcerRuleException e = assertThrows(EnforcerRuleException.class, rule::execute);

        assertThat(e).isNotInstanceOf(EnforcerRuleError.class);
        assertThat(e.getMessage()).isEqualTo(baseRefBlock(main));
        verify(log, never()).warn(any(CharSequence.class));
        assertThat(report().path("goal").asText()).isEqualTo("requireSingleAlembicHead");
        assertThat(report().path("baseRef").path("commitId").asText()).isEqualTo(main);
        assertThat(report().path("diagnostics").findValuesAsText("code")).containsExactly("head-after-merge");
    }

    @Test
    void theUserPropertyGivesTheBaseRef() throws Exception {
        String main = Fixtures.parallelRevisionRepository(basedir);
        userProperties.setProperty("alembic.baseRef", "main");

        EnforcerRuleException e = assertThrows(EnforcerRuleException.class, rule::execute);

        assertThat(e.getMessage()).isEqualTo(baseRefBlock(main));
    }

    @Test
    void theProjectPropertyGivesTheBaseRefAndTheParameterWins() throws Exception {
        String main = Fixtures.parallelRevisionRepository(basedir);
        projectProperties.setProperty("alembic.baseRef", "main");
        assertThat(assertThrows(EnforcerRuleException.class, rule::execute).getMessage())
                .isEqualTo(baseRefBlock(main));

        rule.setBaseRef("feature"); // against itself: nothing new, nothing wrong

        assertDoesNotThrow(rule::execute);
        assertThat(report().path("baseRef").path("ref").asText()).isEqualTo("feature");
    }

    @Test
    void aMissingBaseRefIsAnErrorAtAnyLevel() throws Exception {
        Fixtures.parallelRevisionRepository(basedir);
        userProperties.setProperty("alembic.baseRef", "origin/main");

        EnforcerRuleException e = assertThrows(EnforcerRuleException.class, rule::execute);

        assertInstanceOf(EnforcerRuleError.class, e);
        assertThat(e.getMessage()).isEqualTo("Base ref 'origin/main' not found in " + basedir.toRealPath() + ": no"
                + " branch, remote-tracking branch, tag or commit of that name. In a shallow clone, fetch it with 'git"
                + " fetch --depth=50 origin main' (in CI, fetch the base branch before the build, e.g."
                + " actions/checkout with fetch-depth: 0).");
        assertThat(report().path("status").asText()).isEqualTo("error");
    }

    @Test
    void describedWithTheEffectiveBaseRef() {
        userProperties.setProperty("alembic.baseRef", "origin/main");

        assertThat(rule.toString()).contains("baseRef=origin/main");
    }
}
