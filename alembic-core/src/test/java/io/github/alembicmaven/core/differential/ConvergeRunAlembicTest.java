package io.github.alembicmaven.core.differential;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alembicmaven.core.AlembicAnalyzer;
import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.ConvergeRun;
import io.github.alembicmaven.core.RealAlembic;
import io.github.alembicmaven.core.differential.ForkedProjectGenerator.Project;
import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.merge.MergePlanLine;
import io.github.alembicmaven.core.merge.PlannedMerge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Alembic judges {@code alembic:converge} end to end: random runnable projects with forked histories
 * ({@link ForkedProjectGenerator}: 2–8 heads, branch labels, depends_on with effective heads, independent lines, one to
 * three version locations, several templates) are converged with {@link ConvergeRun#converge} (not a dry run); then
 * ONE Python process ({@code differential/converge_judge.py}, real Alembic) checks every project: one head per line of
 * history ({@code heads} split by the independent labels, and {@code <label>@head} / {@code head} resolving to one
 * revision), {@code upgrade heads} on a fresh sqlite database (each revision's table created once, the version table
 * holding exactly the heads), {@code downgrade base} (nothing left); finally a second converge must report
 * {@link ConvergeRun.Status#CONVERGED} and leave every byte of the project as the first one left it.
 *
 * <p>Projects that already carry a depends_on hazard (a revision naming a revision together with its ancestor, see
 * {@code ConvergePlanner}) are not generated: they can crash {@code upgrade heads} without any merge. The test checks
 * that the planner notes none.
 *
 * <p>System properties: {@code alembic.converge.trees} (default {@value #DEFAULT_TREES}), {@code alembic.converge.seed}
 * (default {@value #DEFAULT_SEED}), {@code alembic.converge.only} (one tree index, to reproduce a failure),
 * {@code alembic.differential.python} ({@link RealAlembic}). Without Alembic the test is skipped, except under
 * {@code CI=true}, where it fails. Failing projects are kept under {@code target/converge-failures/}.
 */
class ConvergeRunAlembicTest {
    static final int DEFAULT_TREES = 130;
    static final long DEFAULT_SEED = 0xC0417E26EL;
    private static final int SHOWN = 10;

    /** One project's way through the test. */
    private static final class Outcome {
        final Project project;
        final List<String> problems = new ArrayList<>();
        ConvergeRun first;
        Map<String, String> afterFirst;
        JsonNode judged;

        Outcome(Project project) {
            this.project = project;
        }

        boolean wrote() {
            return first != null && first.status() == ConvergeRun.Status.WRITTEN;
        }

        boolean bridged() {
            return wrote() && first.files().stream().anyMatch(f -> f.merge().kind() == PlannedMerge.Kind.BRIDGE);
        }
    }

    @Test
    void convergedProjectsAreAcceptedByRealAlembic(@TempDir Path tmp) throws Exception {
        String python = RealAlembic.require("ConvergeRunAlembicTest");
        int count = Integer.getInteger("alembic.converge.trees", DEFAULT_TREES);
        long seed = Long.decode(System.getProperty("alembic.converge.seed", Long.toString(DEFAULT_SEED)));
        String only = System.getProperty("alembic.converge.only", "").strip();
        long t0 = System.nanoTime();

        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (only.isEmpty() || i == Integer.parseInt(only)) {
                Path dir = tmp.resolve(String.format(Locale.ROOT, "t%04d", i));
                Outcome o = new Outcome(ForkedProjectGenerator.generate(dir, RandomTreeGenerator.treeSeed(seed, i), i));
                convergeFirst(o);
                outcomes.add(o);
            }
        }
        long t1 = System.nanoTime();
        List<Path> dirs = outcomes.stream().map(o -> o.project.dir()).collect(Collectors.toList());
        List<String> labels = outcomes.stream()
                .map(o -> String.join(",", o.project.independentLabels()))
                .collect(Collectors.toList());
        List<JsonNode> judged = AlembicOracle.run(python, AlembicOracle.extractScript(tmp, "converge_judge.py"),
                dirs, labels, tmp.resolve("judge-stderr.txt"));
        long t2 = System.nanoTime();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            o.judged = judged.get(i);
            judge(o);
            convergeAgain(o);
        }
        long t3 = System.nanoTime();

        List<Outcome> bad = outcomes.stream().filter(o -> !o.problems.isEmpty()).collect(Collectors.toList());
        keep(bad);
        long needed = outcomes.stream().filter(Outcome::wrote).count();
        long pairwise = outcomes.stream().filter(o -> o.wrote()
                && "pairwise".equals(o.project.parameters().strategy())).count();
        long bridges = outcomes.stream().filter(Outcome::bridged).count();
        long locations = outcomes.stream().filter(o -> o.wrote() && o.project.severalLocations()).count();
        long independent = outcomes.stream().filter(o -> o.wrote()
                && !o.project.independentLabels().isEmpty()).count();
        long labelled = outcomes.stream().filter(o -> o.wrote() && o.project.branchLabels()).count();
        long effective = outcomes.stream().filter(o -> o.wrote() && o.project.effectiveHeads()).count();
        long accepted = outcomes.size() - bad.size();
        String version = RealAlembic.version(python);
        Map<String, Long> templates = outcomes.stream()
                .collect(Collectors.groupingBy(o -> o.project.template(), TreeMap::new, Collectors.counting()));
        System.out.printf(Locale.ROOT, "[converge] seed=%d trees=%d%s (reproduce with -Dalembic.converge.seed=%d);"
                        + " templates %s; generate+converge %.1f s, Alembic %.1f s, compare+converge again %.1f s%n",
                seed, count, only.isEmpty() ? "" : " only=" + only, seed, templates, (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, (t3 - t2) / 1e9);
        System.out.printf(Locale.ROOT, "converged %d trees (%d needed merges, %d pairwise, %d with bridges, %d with"
                        + " several version locations, %d with independent lines, %d with branch labels, %d with"
                        + " effective heads): %s by Alembic %s%n",
                outcomes.size(), needed, pairwise, bridges, locations, independent, labelled, effective,
                bad.isEmpty() ? "all accepted" : accepted + " accepted, " + bad.size() + " REJECTED", version);

        if (!bad.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            sb.append(bad.size()).append(" of ").append(outcomes.size()).append(" converged projects fail (seed ")
                    .append(seed).append("); kept under ").append(TreeFiles.targetDir().resolve("converge-failures"))
                    .append("; first ").append(Math.min(SHOWN, bad.size())).append(":\n");
            for (Outcome o : bad.subList(0, Math.min(SHOWN, bad.size()))) {
                sb.append(render(o)).append('\n');
            }
            fail(sb.toString());
        }
        if (only.isEmpty()) {
            // not vacuous: the sample holds what the converge issue asks for (thresholds scale with the tree count)
            expectAtLeast("trees that needed merges, accepted by Alembic", needed, count * 0.8);
            expectAtLeast("of them pairwise", pairwise, count * 0.2);
            expectAtLeast("with bridge revisions", bridges, count * 0.1);
            expectAtLeast("with several version locations", locations, count * 0.2);
            expectAtLeast("with independent lines", independent, count * 0.1);
            expectAtLeast("with branch labels", labelled, count * 0.2);
            expectAtLeast("with effective heads", effective, count * 0.2);
            expectAtLeast("already converged (controls)", outcomes.size() - needed, 1);
            if (count >= DEFAULT_TREES) {
                expectAtLeast("trees accepted by Alembic", accepted, 100);
            }
        }
    }

    private static void expectAtLeast(String what, long got, double min) {
        if (got < min) {
            fail("the sample is too thin: " + got + " trees " + what + ", expected at least " + (long) Math.ceil(min)
                    + "; change the generator or the seed");
        }
    }

    /** The first run: WRITTEN when a line has several heads, else CONVERGED; no pre-existing hazard noted. */
    private static void convergeFirst(Outcome o) throws IOException {
        Project p = o.project;
        try {
            o.first = ConvergeRun.converge(p.common(), p.parameters(), p.dir(), null);
        } catch (AlembicConfigException e) {
            o.problems.add("first converge threw AlembicConfigException: " + e.getMessage());
            return;
        }
        ConvergeRun.Status expected = p.needsMerge() ? ConvergeRun.Status.WRITTEN : ConvergeRun.Status.CONVERGED;
        if (o.first.status() != expected) {
            o.problems.add("first converge: " + o.first.status() + ", expected " + expected + ": "
                    + o.first.failureMessage() + " " + o.first.infoLines());
        }
        if (o.first.plan() != null
                && o.first.plan().notes().stream().anyMatch(n -> n.startsWith("Existing revision"))) {
            o.problems.add("GENERATOR BUG: a pre-existing depends_on hazard: " + o.first.plan().notes());
        }
        for (ConvergeRun.RenderedMerge r : o.first.files()) {
            if (o.wrote() && !Files.isRegularFile(r.file())) {
                o.problems.add("first converge: " + r.file() + " was not written");
            }
        }
        o.afterFirst = snapshot(p.dir());
    }

    /** Alembic's verdict: one head per line, upgrade heads / downgrade base on a fresh database. */
    private static void judge(Outcome o) {
        JsonNode j = o.judged;
        for (JsonNode e : j.path("errors")) {
            o.problems.add("Alembic: " + e.asText());
        }
        if (!j.has("heads")) {
            return;
        }
        Set<String> heads = strings(j.path("heads"));
        for (Iterator<Map.Entry<String, JsonNode>> it = j.path("lines").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> line = it.next();
            if (line.getValue().size() != 1) {
                o.problems.add("Alembic: line '" + (line.getKey().isEmpty() ? "head" : line.getKey() + "@head")
                        + "' has heads " + line.getValue());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = j.path("line_heads").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> target = it.next();
            if (target.getValue().size() != 1) {
                o.problems.add("Alembic: '" + target.getKey() + "' resolves to " + target.getValue());
            }
        }
        if (o.first != null && o.first.plan() != null) {
            Set<String> ours = new TreeSet<>();
            if (o.first.plan().verification() != null) {
                ours.addAll(o.first.plan().verification().headsAfter());
            } else {
                o.first.plan().lines().forEach(l -> ours.addAll(l.heads()));
            }
            if (!ours.equals(heads)) {
                o.problems.add("heads: Alembic " + heads + ", converge planned " + ours);
            }
        }
        if (j.has("upgraded")) {
            Set<String> tables = new TreeSet<>(o.project.tables());
            tables.add("alembic_version");
            expect(o, "after upgrade heads, alembic_version", versionRows(o.project, heads),
                    strings(j.path("upgraded").path("versions")));
            expect(o, "after upgrade heads, the tables", tables, strings(j.path("upgraded").path("tables")));
        }
        if (j.has("downgraded")) {
            expect(o, "after downgrade base, alembic_version", Set.of(),
                    strings(j.path("downgraded").path("versions")));
            expect(o, "after downgrade base, the tables", Set.of("alembic_version"),
                    strings(j.path("downgraded").path("tables")));
        }
    }

    /**
     * The rows {@code alembic_version} holds at {@code heads}: every head except those another head reaches through
     * down_revision + depends_on (Alembic's {@code HeadMaintainer} drops the row of a revision that a dependent
     * revision absorbs, so an effective head of one line depended on by another line has no row of its own).
     */
    private static Set<String> versionRows(Project p, Set<String> heads) {
        RevisionMap map;
        try {
            map = AlembicAnalyzer.analyze(p.common().request(p.dir())).map();
        } catch (AlembicConfigException e) {
            throw new IllegalStateException(e);
        }
        Set<String> rows = new TreeSet<>(heads);
        for (String h : heads) {
            Deque<String> todo = new ArrayDeque<>(List.of(h));
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                Revision r = map.get(todo.pop()).orElseThrow();
                for (String up : Stream.concat(r.downRevisions().stream(), r.resolvedDependencies().stream())
                        .collect(Collectors.toList())) {
                    if (seen.add(up)) {
                        rows.remove(up);
                        todo.push(up);
                    }
                }
            }
        }
        return rows;
    }

    /** The second run writes nothing: CONVERGED, and every file as the first run left it. */
    private static void convergeAgain(Outcome o) throws IOException {
        if (o.first == null) {
            return;
        }
        Project p = o.project;
        ConvergeRun again;
        try {
            again = ConvergeRun.converge(p.common(), p.parameters(), p.dir(), null);
        } catch (AlembicConfigException e) {
            o.problems.add("second converge threw AlembicConfigException: " + e.getMessage());
            return;
        }
        if (again.status() != ConvergeRun.Status.CONVERGED || !again.files().isEmpty()) {
            o.problems.add("second converge: " + again.status() + " with " + again.files().size() + " files: "
                    + again.failureMessage() + " " + again.infoLines());
        }
        Map<String, String> now = snapshot(p.dir());
        if (!now.equals(o.afterFirst)) {
            Set<String> changed = new TreeSet<>(now.keySet());
            changed.addAll(o.afterFirst.keySet());
            changed.removeIf(k -> String.valueOf(now.get(k)).equals(String.valueOf(o.afterFirst.get(k))));
            o.problems.add("the project changed after the first converge (Alembic's judge or the second converge): "
                    + changed);
        }
    }

    private static void expect(Outcome o, String what, Set<String> expected, Set<String> actual) {
        if (!expected.equals(actual)) {
            o.problems.add(what + ": expected " + expected + ", Alembic has " + actual);
        }
    }

    /** Every file of the project: relative path to its bytes (as ISO-8859-1 text, so equality is byte equality). */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.put(dir.relativize(f).toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String render(Outcome o) {
        Project p = o.project;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "- tree #%d (tree seed %d; -Dalembic.converge.only=%d): %s%n", p.index(), p.seed(), p.index(),
                p.description()));
        if (o.first != null && o.first.plan() != null) {
            for (MergePlanLine l : o.first.plan().lines()) {
                sb.append("    line ").append(l.target()).append(": heads ").append(l.heads()).append(", bridged ")
                        .append(l.bridged()).append(", planned ").append(l.planned()).append('\n');
            }
        }
        for (String problem : o.problems) {
            sb.append("    ").append(problem).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static void keep(List<Outcome> bad) throws IOException {
        Path failures = TreeFiles.targetDir().resolve("converge-failures");
        TreeFiles.deleteRecursively(failures);
        for (Outcome o : bad.subList(0, Math.min(30, bad.size()))) {
            Path dest = failures.resolve(String.format(Locale.ROOT, "tree-%04d-seed-%d", o.project.index(),
                    o.project.seed()));
            try {
                TreeFiles.copyRecursively(o.project.dir(), dest);
                Files.writeString(dest.resolve("MISMATCH.txt"), render(o) + "\n\nAlembic (judge JSON):\n"
                        + (o.judged == null ? "none" : o.judged.toPrettyString()) + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
