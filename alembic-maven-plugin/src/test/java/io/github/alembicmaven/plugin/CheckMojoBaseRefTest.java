package io.github.alembicmaven.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alembic:check} with {@code baseRef} on a real git repository built with JGit ({@link GitFixture}). */
@MojoTest
class CheckMojoBaseRefTest extends MojoTestSupport {
    @TempDir
    Path repo;

    /** Points the injected mojo at the repository (project directory and report). */
    private RecordingLog inRepo(CheckMojo mojo) throws Exception {
        mojo.basedir = repo.toFile();
        mojo.reportDirectory = repo.resolve("target/alembic").toFile();
        return prepare(mojo);
    }

    @Test
    @Basedir("/projects/not-configured")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "baseRef", value = "main")
    void aParallelRevisionFailsWithTheBaseBlockAndTheReportRecordsTheBase(CheckMojo mojo) throws Exception {
        String main = GitFixture.parallelRevision(repo);
        RecordingLog log = inRepo(mojo);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        String file = "migrations/versions/" + GitFixture.NEW + "_rev.py";
        assertThat(e.getMessage()).isEqualTo("Compared with main (" + main + "): 1 problem in the merge result:\n"
                + "  - [head-after-merge] " + file + ":6: New revision '4d5e6f7a8b9c' does not descend from"
                + " '3c4d5e6f7a8b', the head of main: after merging, the migration graph has 2 heads (3c4d5e6f7a8b,"
                + " 4d5e6f7a8b9c) and 'alembic upgrade head' fails. It is new (only on this branch: " + file + ") and"
                + " has down_revision = '2b3c4d5e6f7a', which is published (present at main). main has '3c4d5e6f7a8b'"
                + " (main:migrations/versions/3c4d5e6f7a8b_rev.py) on top of '2b3c4d5e6f7a'.\n"
                + "    Fix: re-parent the new, unpublished revision onto main's head: bring in main (git rebase main,"
                + " or git merge main) and set down_revision = '3c4d5e6f7a8b' in " + file + " (safe while"
                + " '4d5e6f7a8b9c' exists on no shared branch or database); or merge main into this branch and run"
                + " 'mvn alembic:converge', which writes a merge revision over 3c4d5e6f7a8b, 4d5e6f7a8b9c.\n"
                + "Why: each branch is green on its own, but the merge into main breaks 'alembic upgrade' for"
                + " everyone.");
        assertThat(log.info()).isEmpty();
        assertThat(log.warn()).isEmpty();
        JsonNode report = readReport(mojo);
        assertThat(report.path("status").asText()).isEqualTo("failed");
        assertThat(report.path("baseRef").path("ref").asText()).isEqualTo("main");
        assertThat(report.path("baseRef").path("commitId").asText()).startsWith(main).hasSize(40);
        assertThat(strings(report.path("baseRef").path("headsAfterMerge")))
                .containsExactly(GitFixture.MAIN_HEAD, GitFixture.NEW);
        assertThat(report.path("baseRef").path("findings").findValuesAsText("code"))
                .containsExactly("head-after-merge");
    }

    @Test
    @Basedir("/projects/not-configured")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "baseRef", value = "main")
    void aRevisionReparentedOntoTheBaseHeadPassesWithTheMergeResultInTheSummary(CheckMojo mojo) throws Exception {
        String main = GitFixture.parallelRevision(repo);
        GitFixture.reparent(repo);
        RecordingLog log = inRepo(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).containsExactly("Alembic revision graph OK: 3 revisions, 2 heads (2b3c4d5e6f7a,"
                + " 4d5e6f7a8b9c) in migrations/versions; merged with main (" + main + "): 4 revisions, 1 head"
                + " (4d5e6f7a8b9c)");
        assertThat(readReport(mojo).path("status").asText()).isEqualTo("passed");
    }

    @Test
    @Basedir("/projects/not-configured")
    @InjectMojo(goal = "check")
    void withoutBaseRefTheBranchPassesAlone(CheckMojo mojo) throws Exception {
        GitFixture.parallelRevision(repo);
        RecordingLog log = inRepo(mojo);

        assertDoesNotThrow(mojo::execute);

        assertThat(log.info()).containsExactly("Alembic revision graph OK: 3 revisions, 1 head (4d5e6f7a8b9c) in"
                + " migrations/versions");
    }

    @Test
    @Basedir("/projects/not-configured")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "baseRef", value = "origin/develop")
    void aMissingRefIsAMojoExecutionExceptionNamingTheRef(CheckMojo mojo) throws Exception {
        GitFixture.parallelRevision(repo);
        inRepo(mojo);

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertThat(e.getMessage()).isEqualTo("Base ref 'origin/develop' not found in " + repo.toRealPath() + ": no"
                + " branch, remote-tracking branch, tag or commit of that name. In a shallow clone, fetch it with 'git"
                + " fetch --depth=50 origin develop' (in CI, fetch the base branch before the build, e.g."
                + " actions/checkout with fetch-depth: 0).");
        assertThat(readReport(mojo).path("status").asText()).isEqualTo("error");
    }
}
