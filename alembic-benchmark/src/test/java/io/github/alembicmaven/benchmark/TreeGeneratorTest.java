package io.github.alembicmaven.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeGeneratorTest {
    private static final Pattern FILE = Pattern.compile("([0-9a-f]{12})_[a-z0-9_]+\\.py");
    private static final Pattern REVISION = Pattern.compile("(?m)^revision: str = '([0-9a-f]{12})'$");
    private static final Pattern DOWN =
            Pattern.compile("(?m)^down_revision: Union\\[str, Sequence\\[str\\], None\\] = (.*)$");
    private static final Pattern ID = Pattern.compile("'([0-9a-f]{12})'");

    @TempDir
    Path tmp;

    @Test
    void plansAMostlyLinearHistoryWithBranchesAndMergesEndingInOneHead() {
        List<TreeGenerator.Rev> revs = TreeGenerator.plan(10_000, 42);
        assertThat(revs).hasSize(10_000);
        int[] children = new int[revs.size()];
        int merges = 0;
        for (TreeGenerator.Rev r : revs) {
            for (int d : r.down()) {
                assertThat(d).isLessThan(r.index());
                children[d]++;
            }
            merges += r.down().length > 1 ? 1 : 0;
        }
        long heads = Arrays.stream(children).filter(c -> c == 0).count();
        long branchPoints = Arrays.stream(children).filter(c -> c > 1).count();
        assertThat(heads).isEqualTo(1);
        assertThat(revs.get(revs.size() - 1).down()).isNotEmpty();
        assertThat(branchPoints).isBetween(50L, 1_000L);
        assertThat(merges).isBetween(50, 1_000);
        assertThat(revs.stream().filter(r -> r.dependsOn() >= 0).count()).isPositive();
        assertThat(revs.stream().map(TreeGenerator.Rev::id).distinct().count()).isEqualTo(10_000);
    }

    @Test
    void isDeterministicPerSeed() throws IOException {
        TreeGenerator.Tree a = TreeGenerator.generate(tmp.resolve("a"), 300, 7);
        TreeGenerator.Tree b = TreeGenerator.generate(tmp.resolve("b"), 300, 7);
        TreeGenerator.Tree c = TreeGenerator.generate(tmp.resolve("c"), 300, 8);
        assertThat(contents(a.versions())).isEqualTo(contents(b.versions()));
        assertThat(contents(c.versions())).isNotEqualTo(contents(a.versions()));
        assertThat(a.expectedHeads()).isEqualTo(b.expectedHeads());
        assertThat(a.totalBytes()).isEqualTo(b.totalBytes());
    }

    @Test
    void writesFilesThatLookLikeTheStockTemplateAndFormAConsistentGraph() throws IOException {
        TreeGenerator.Tree t = TreeGenerator.generate(tmp.resolve("t"), 1_000, 42);
        assertThat(Files.readString(t.ini())).contains("[alembic]\nscript_location = %(here)s\n");
        assertThat(t.dir().resolve("env.py")).exists();
        assertThat(t.dir().resolve("script.py.mako")).exists();

        Map<String, List<String>> down = new HashMap<>();
        Map<String, String> content = contents(t.versions());
        assertThat(content).hasSize(1_000);
        for (Map.Entry<String, String> e : content.entrySet()) {
            Matcher fm = FILE.matcher(e.getKey());
            assertThat(fm.matches()).as(e.getKey()).isTrue();
            String text = e.getValue();
            Matcher rm = REVISION.matcher(text);
            assertThat(rm.find()).isTrue();
            assertThat(rm.group(1)).isEqualTo(fm.group(1));
            assertThat(text).startsWith("\"\"\"")
                    .contains("Revision ID: " + fm.group(1) + "\n", "Revises: ", "Create Date: 20",
                            "from alembic import op\nimport sqlalchemy as sa\n", "def upgrade() -> None:",
                            "def downgrade() -> None:");
            Matcher dm = DOWN.matcher(text);
            assertThat(dm.find()).isTrue();
            List<String> ids = ID.matcher(dm.group(1)).results().map(m -> m.group(1)).toList();
            down.put(fm.group(1), ids);
            if (ids.size() == 1) {
                assertThat(text).contains("op.add_column('", "op.drop_column('");
            }
        }
        Set<String> hasChild = new HashSet<>();
        down.values().forEach(hasChild::addAll);
        assertThat(down.keySet()).containsAll(hasChild);
        List<String> heads = down.keySet().stream().filter(id -> !hasChild.contains(id)).toList();
        assertThat(heads).isEqualTo(t.expectedHeads()).hasSize(1);
        assertThat(down.values().stream().filter(List::isEmpty).count()).isEqualTo(1);
        assertThat(t.mergePoints()).isPositive();
        assertThat(t.branchPoints()).isPositive();
    }

    @Test
    void reusesACompleteTreeAndRegeneratesAnIncompleteOne() throws IOException {
        TreeGenerator.Tree t = TreeGenerator.ensure(tmp, 50, 1);
        Path victim;
        try (Stream<Path> s = Files.list(t.versions())) {
            victim = s.findFirst().orElseThrow();
        }
        Files.writeString(victim, "tampered");
        assertThat(TreeGenerator.ensure(tmp, 50, 1).totalBytes()).isNotEqualTo(t.totalBytes()); // reused as is
        Files.delete(t.dir().resolve(".generated"));
        assertThat(TreeGenerator.ensure(tmp, 50, 1).totalBytes()).isEqualTo(t.totalBytes()); // regenerated
    }

    @Test
    void slugsFollowAlembic() {
        assertThat(TreeGenerator.slug("add email to users")).isEqualTo("add_email_to_users");
        assertThat(TreeGenerator.slug("add index on order_items.metadata_json"))
                .isEqualTo("add_index_on_order_items_metadata_json");
        assertThat(TreeGenerator.slug("make subscriptions.amount_cents nullable now please"))
                .isEqualTo("make_subscriptions_amount_cents_");
    }

    /** Real Alembic must load the generated tree and name the generator's head (skipped without Alembic). */
    @Test
    void realAlembicAgreesOnTheHead() throws Exception {
        AlembicCli cli = new AlembicCli(System.getProperty("bench.python", "/usr/bin/python3"));
        String version;
        try {
            version = cli.version();
        } catch (Exception e) {
            version = null;
        }
        if (version == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail("no Python with alembic (apt-get install python3-alembic);"
                    + " CI=true: this test is not skipped on CI");
        }
        assumeTrue(version != null, "no Python with alembic (apt-get install python3-alembic)");
        TreeGenerator.Tree t = TreeGenerator.generate(tmp.resolve("real"), 400, 3);
        AlembicCli.Run run = cli.heads(t.dir());
        assertThat(run.heads()).isEqualTo(t.expectedHeads());
        assertThat(run.lines()).containsExactly(t.expectedHeads().get(0) + " (app) (head)");
    }

    private static Map<String, String> contents(Path versions) throws IOException {
        Map<String, String> m = new HashMap<>();
        try (Stream<Path> s = Files.list(versions)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".py")).toList()) {
                m.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return m;
    }
}
