package io.github.alembicmaven.core.git;

import static io.github.alembicmaven.core.git.GitProject.VERSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.script.ScriptReadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BaseRefReader} on real repositories: ref resolution, listing, clear errors, shallow clones, worktrees. */
class BaseRefReaderTest {
    @TempDir
    Path dir;

    @Test
    void listsTheBaseFilesInAlembicOrderWithDisplayPaths() throws Exception {
        try (GitProject p = GitProject.init(dir.resolve("repo"))) {
            p.revision("b", "a").revision("a", null).write(VERSIONS + "__init__.py", "")
                    .write(VERSIONS + "README", "x").write(VERSIONS + "sub/c_m.py", GitProject.revisionText("c", "b",
                            "c", ""))
                    .commit("files");
            p.branch("feature").delete(VERSIONS + "a_m.py").commit("a gone");

            BaseSnapshot base = BaseRefReader.read(p.analyze(), "main");

            assertThat(base.files()).extracting(BaseFile::gitPath)
                    .containsExactly(VERSIONS + "a_m.py", VERSIONS + "b_m.py");
            assertThat(base.files().get(0).displayPath()).isEqualTo(Path.of("main:" + VERSIONS + "a_m.py"));
            assertThat(base.files().get(0).checkoutPath())
                    .isEqualTo(dir.resolve("repo").toRealPath().resolve(VERSIONS + "a_m.py"));
            assertThat(base.reads()).extracting(ScriptReadResult::path)
                    .containsExactly(Path.of("main:" + VERSIONS + "a_m.py"), Path.of("main:" + VERSIONS + "b_m.py"));
            assertThat(base.scripts()).extracting(s -> s.revision()).containsExactly("a", "b");
            assertThat(base.shallow()).isFalse();
        }
    }

    @Test
    void recursiveVersionLocationsAreListedFilesFirst() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.write("alembic.ini", "[alembic]\nscript_location = migrations\nrecursive_version_locations = true\n")
                    .write(VERSIONS + "sub/c_m.py", GitProject.revisionText("c", "b", "c", ""))
                    .write(VERSIONS + "__pycache__/x.py", GitProject.revisionText("x", "c", "x", ""))
                    .revision("b", "a").revision("a", null).commit("files");

            BaseSnapshot base = BaseRefReader.read(p.analyze(), "HEAD");

            assertThat(base.files()).extracting(BaseFile::gitPath)
                    .containsExactly(VERSIONS + "a_m.py", VERSIONS + "b_m.py", VERSIONS + "sub/c_m.py");
        }
    }

    @Test
    void missingRefIsAClearError() throws Exception {
        try (GitProject p = GitProject.init(dir)) {
            p.revision("a", null).commit("a");

            assertThatThrownBy(() -> p.compare("origin/main"))
                    .isInstanceOf(BaseRefException.class)
                    .hasMessage("Base ref 'origin/main' not found in " + dir.toRealPath() + ": no branch,"
                            + " remote-tracking branch, tag or commit of that name. In a shallow clone, fetch it with"
                            + " 'git fetch --depth=50 origin main' (in CI, fetch the base branch before the build,"
                            + " e.g. actions/checkout with fetch-depth: 0).")
                    .satisfies(e -> {
                        assertThat(((BaseRefException) e).code()).isEqualTo(DiagnosticCode.BASE_REF_MISSING);
                        assertThat(((BaseRefException) e).ref()).isEqualTo("origin/main");
                    });
            assertThatThrownBy(() -> p.compare("develop"))
                    .hasMessage("Base ref 'develop' not found in " + dir.toRealPath() + ": no branch,"
                            + " remote-tracking branch, tag or commit of that name. Fetch it with 'git fetch"
                            + " --depth=50 origin develop' and pass the remote-tracking branch"
                            + " (-Dalembic.baseRef=origin/develop), or a commit id that is present.");
            assertThatThrownBy(() -> p.compare("main^^^"))
                    .isInstanceOf(BaseRefException.class).hasMessageStartingWith("Base ref 'main^^^' not found in ");
        }
    }

    @Test
    void notAGitRepositoryIsAClearError() throws Exception {
        Path project = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(project.resolve("alembic.ini"), "[alembic]\nscript_location = migrations\n");
        Files.createDirectories(project.resolve("migrations/versions"));
        Files.writeString(project.resolve(VERSIONS + "a_m.py"), GitProject.revisionText("a", null, "a", ""));
        var analysis = io.github.alembicmaven.core.AlembicAnalyzer.analyze(
                io.github.alembicmaven.core.AnalysisRequest.builder(project).build());

        assertThatThrownBy(() -> BaseRefReader.read(analysis, "main"))
                .isInstanceOf(BaseRefException.class)
                .hasMessage("alembic.baseRef=main needs a git repository, but " + project + " is not inside one (no"
                        + " .git in it or any parent directory). Run the check in a git checkout, or leave"
                        + " alembic.baseRef unset.");
    }

    @Test
    void shallowCloneReadsThePresentBaseAndNamesTheAbsentOne() throws Exception {
        Path upstreamDir = dir.resolve("upstream");
        RevCommit first;
        try (GitProject up = GitProject.init(upstreamDir)) {
            first = up.revision("a", null).commit("a");
            up.revision("b", "a").commit("b");
            up.revision("c", "b").commit("c");
        }
        Path cloneDir = dir.resolve("clone");
        try (Git clone = Git.cloneRepository().setURI(upstreamDir.toUri().toString()).setDirectory(cloneDir.toFile())
                .setBranch("main").setDepth(1).call()) {
            assertThat(clone.getRepository().getObjectDatabase().getShallowCommits()).isNotEmpty();
        }
        try (GitProject p = GitProject.open(cloneDir)) {
            p.branch("feature").revision("d", "c").commit("d on c");

            BaseComparison ok = p.compare("origin/main");
            assertThat(ok.findings()).isEmpty();
            assertThat(ok.base().shallow()).isTrue();
            assertThat(ok.published()).containsExactly("a", "b", "c");
            assertThat(ok.added()).containsExactly("d");
            assertThat(ok.base().mergeBase()).hasValue(ok.commitId());

            assertThatThrownBy(() -> p.compare(first.name()))
                    .isInstanceOf(BaseRefException.class)
                    .hasMessage("Base ref '" + first.name() + "' resolves to commit " + first.name() + ", but that"
                            + " commit is not in the local object database of " + cloneDir.toRealPath() + " (this is a"
                            + " shallow clone, which holds only the history that was fetched). Fetch it with 'git"
                            + " fetch --depth=50 origin " + first.name() + "', or deepen the clone with 'git fetch"
                            + " --deepen=50 origin'.");
            assertThatThrownBy(() -> p.compare("origin/main~2"))
                    .isInstanceOf(BaseRefException.class)
                    .hasMessageStartingWith("Base ref 'origin/main~2' ")
                    .hasMessageContaining("shallow clone")
                    .hasMessageContaining("'git fetch --depth=50 origin main~2'");
            assertThatThrownBy(() -> p.compare("origin/develop"))
                    .hasMessageContaining("'git fetch --depth=50 origin develop'");
            assertThatThrownBy(() -> p.compare("release"))
                    .hasMessageEndingWith("Fetch it with 'git fetch --depth=50 origin release' and pass the"
                            + " remote-tracking branch (-Dalembic.baseRef=origin/release), or a commit id that is"
                            + " present.");
        }
    }

    @Test
    void aLocalNameThatExistsOnlyAsARemoteTrackingBranchPointsToIt() throws Exception {
        Path upstreamDir = dir.resolve("upstream");
        try (GitProject up = GitProject.init(upstreamDir)) {
            up.revision("a", null).commit("a");
            up.branch("develop").revision("b", "a").commit("b");
            up.checkout("main");
        }
        Path cloneDir = dir.resolve("clone");
        Git.cloneRepository().setURI(upstreamDir.toUri().toString()).setDirectory(cloneDir.toFile()).call().close();
        try (GitProject p = GitProject.open(cloneDir)) {
            assertThatThrownBy(() -> p.compare("develop"))
                    .hasMessageEndingWith("There is a remote-tracking branch 'origin/develop': pass"
                            + " -Dalembic.baseRef=origin/develop.");
            assertThat(p.compare("origin/develop").baseHeads()).containsExactly("b");
        }
    }

    @Test
    void linkedWorktreeIsOpenedThroughItsGitFile() throws Exception {
        Path mainDir = dir.resolve("main");
        RevCommit base;
        try (GitProject p = GitProject.init(mainDir)) {
            base = p.revision("a", null).revision("b", "a").commit("a, b");
            p.branch("feature").revision("c", "b").commit("c");
            p.checkout("main");
        }
        // what 'git worktree add ../wt feature' leaves behind (without its index: nothing here reads it)
        Path wt = Files.createDirectories(dir.resolve("wt"));
        Path admin = Files.createDirectories(mainDir.resolve(".git/worktrees/wt"));
        Files.writeString(admin.resolve("HEAD"), "ref: refs/heads/feature\n");
        Files.writeString(admin.resolve("commondir"), "../..\n");
        Files.writeString(admin.resolve("gitdir"), wt.resolve(".git") + "\n");
        Files.writeString(wt.resolve(".git"), "gitdir: " + admin + "\n");
        Files.writeString(wt.resolve("alembic.ini"), "[alembic]\nscript_location = migrations\n");
        Files.createDirectories(wt.resolve(VERSIONS));
        for (String[] r : new String[][] {{"a", null}, {"b", "a"}, {"c", "b"}}) {
            Files.writeString(wt.resolve(VERSIONS + r[0] + "_m.py"), GitProject.revisionText(r[0], r[1], "rev " + r[0],
                    ""));
        }
        var analysis = io.github.alembicmaven.core.AlembicAnalyzer.analyze(
                io.github.alembicmaven.core.AnalysisRequest.builder(wt).build());

        BaseSnapshot snapshot = BaseRefReader.read(analysis, "main");

        assertThat(snapshot.commitId()).isEqualTo(base.name());
        assertThat(snapshot.repositoryRoot()).isEqualTo(wt.toRealPath());
        assertThat(snapshot.mergeBase()).hasValue(base.name());
        BaseComparison c = BaseComparison.compare(analysis, snapshot,
                io.github.alembicmaven.core.check.HeadPolicy.defaults());
        assertThat(c.findings()).isEmpty();
        assertThat(c.added()).containsExactly("c");
    }
}
