package io.github.alembicmaven.core.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.alembicmaven.core.ConvergeParameters;
import io.github.alembicmaven.core.ConvergeRun;
import io.github.alembicmaven.core.GoalParameters;
import io.github.alembicmaven.core.GoalRun;
import io.github.alembicmaven.core.RealAlembic;
import io.github.alembicmaven.core.conflict.ConflictAnalysis;
import io.github.alembicmaven.core.conflict.ConflictFinding;
import io.github.alembicmaven.core.diagnostic.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Alembic judges the schema-conflict analysis on the IT fixtures {@code src/it/conflicts-*} (the single source of
 * truth: read from {@code ../src/it} relative to this module, copied to a temporary directory). For each fixture our
 * analysis ({@link GoalRun#conflicts}, as {@code alembic:conflicts} runs it) gives a verdict: error, warning (only) or
 * clean. Then {@link ConvergeRun} with {@code allowConflicts} writes the graph-only merge of the two heads, and ONE
 * Python process ({@code differential/conflicts_judge.py}, real Alembic on sqlite) applies the lines in both orders on
 * a fresh database each: {@code upgrade <head A>} then {@code upgrade heads}, and {@code upgrade <head B>} then
 * {@code upgrade heads}.
 *
 * <ul>
 *   <li>An <b>error</b> fixture must fail in at least one order; where both orders succeed, the two orders must leave
 *       different schemas (the schema depends on which line is deployed first, so one deployment is wrong). Neither
 *       crying wolf nor blind.
 *   <li>A <b>warning-only</b> or <b>clean</b> fixture must succeed in both orders, at the merge revision, with the same
 *       schema in both.
 * </ul>
 *
 * {@link #EXPECTED} names each fixture's verdict and rules, and says what real Alembic does with it: a new fixture
 * must be added there. Without Alembic the test is skipped, except under {@code CI=true}, where it fails.
 */
class ConflictFixturesAlembicTest {

    enum Verdict { ERROR, WARNING, CLEAN }

    /** A fixture's expected verdict and rule ids (report order). */
    record Expected(Verdict verdict, List<String> rules) {}

    private static Expected expect(Verdict verdict, String... rules) {
        return new Expected(verdict, List.of(rules));
    }

    static final Map<String, Expected> EXPECTED = Map.of(
            // both lines add accounts.phone: the second fails, "duplicate column name: phone", in both orders
            "conflicts-same-column", expect(Verdict.ERROR, "column-added-twice"),
            // accounts.nickname dropped on one line, altered (batch) on the other: drop first, the alter fails
            // (KeyError 'nickname'); alter first, both succeed (and the alteration is lost with the column)
            "conflicts-drop-vs-alter", expect(Verdict.ERROR, "column-dropped"),
            // index ix_created_at on accounts and on orders: index names are per schema, "index ix_created_at
            // already exists" in both orders
            "conflicts-index-name", expect(Verdict.ERROR, "same-index-or-constraint-name"),
            // batch_op renames orders.status / batch_op alters orders.status: rename first, the alter fails (KeyError
            // 'status'); alter first, both succeed
            "conflicts-batch-alter", expect(Verdict.ERROR, "column-renamed"),
            // orders.status widened to 32 on one line, to 64 on the other: no error in either order, but the type is
            // that of the line run last (VARCHAR(64) in one order, VARCHAR(32) in the other): one deployment is wrong
            "conflicts-altered-twice", expect(Verdict.ERROR, "column-altered-twice"),
            // ALTER TABLE accounts ADD COLUMN phone in op.execute, op.add_column phone on the other line: "duplicate
            // column name: phone" in both orders
            "conflicts-raw-sql-column", expect(Verdict.ERROR, "column-added-twice"),
            // UPDATE accounts in raw SQL / add_column accounts.phone: a warning, both orders succeed alike
            "conflicts-raw-sql", expect(Verdict.WARNING, "opaque-sql"),
            // add_column accounts.phone / unique index on accounts.email: a warning, both orders succeed alike
            "conflicts-same-table", expect(Verdict.WARNING, "same-table"),
            // create_table invoices / add_column accounts.phone: no finding, both orders succeed alike
            "conflicts-unrelated", expect(Verdict.CLEAN));

    @TempDir
    Path tmp;

    /** One fixture's way through the test. */
    private static final class Fixture {
        final String name;
        final Path dir;
        List<String> heads;
        Verdict verdict;
        List<String> rules;
        String merge;
        JsonNode judged;

        Fixture(String name, Path dir) {
            this.name = name;
            this.dir = dir;
        }
    }

    @Test
    void realAlembicFailsEveryErrorFixtureAndPassesEveryOther() throws Exception {
        String python = RealAlembic.require("ConflictFixturesAlembicTest");
        Path itDir = Path.of("").toAbsolutePath().resolve("../src/it").normalize();
        List<Path> sources;
        try (Stream<Path> s = Files.list(itDir)) {
            sources = s.filter(p -> p.getFileName().toString().startsWith("conflicts-") && Files.isDirectory(p))
                    .sorted()
                    .toList();
        }
        assertThat(sources).as("the fixtures src/it/conflicts-* (read from %s)", itDir).isNotEmpty();
        assertThat(sources.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
                .as("every fixture has an expected verdict in EXPECTED, and every entry a fixture")
                .isEqualTo(EXPECTED.keySet());

        List<Fixture> fixtures = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path source : sources) {
            String name = source.getFileName().toString();
            Fixture f = new Fixture(name, copy(source, tmp.resolve("trees").resolve(name)));
            analyse(f, problems);
            merge(f);
            fixtures.add(f);
        }

        Path scripts = Files.createDirectories(tmp.resolve("scripts"));
        AlembicOracle.extractScript(scripts, "converge_judge.py");
        Path judge = AlembicOracle.extractScript(scripts, "conflicts_judge.py");
        List<JsonNode> results = AlembicOracle.run(python, judge, fixtures.stream().map(f -> f.dir).toList(),
                fixtures.stream().map(f -> String.join(",", f.heads)).toList(), tmp.resolve("judge-stderr.log"));
        for (int i = 0; i < fixtures.size(); i++) {
            fixtures.get(i).judged = results.get(i);
        }

        int failedAsPredicted = 0;
        int orderDependent = 0;
        int warningsPassed = 0;
        int cleanPassed = 0;
        StringBuilder table = new StringBuilder();
        for (Fixture f : fixtures) {
            JsonNode a = f.judged.get("runs").get(0);
            JsonNode b = f.judged.get("runs").get(1);
            boolean aFailed = !a.get("errors").isEmpty();
            boolean bFailed = !b.get("errors").isEmpty();
            boolean sameSchema = a.get("schema").equals(b.get("schema"));
            table.append(String.format("  %-26s %-7s %-32s %s first: %s; %s first: %s%s%n", f.name, f.verdict,
                    f.rules, f.heads.get(0), outcome(a), f.heads.get(1), outcome(b),
                    aFailed || bFailed ? "" : sameSchema ? " (same schema)" : " (schemas differ)"));
            if (f.verdict == Verdict.ERROR) {
                if (aFailed || bFailed) {
                    failedAsPredicted++;
                } else if (!sameSchema) {
                    failedAsPredicted++;
                    orderDependent++;
                } else {
                    problems.add(f.name + ": our analysis says error " + f.rules + ", but real Alembic ran both orders"
                            + " to the same schema (crying wolf): " + a.get("schema"));
                }
            } else {
                for (JsonNode run : List.of(a, b)) {
                    if (!run.get("errors").isEmpty()) {
                        problems.add(f.name + ": our analysis says " + f.verdict + ", but real Alembic fails with "
                                + run.get("first").asText() + " first (blind): " + run.get("errors"));
                    } else if (!run.get("versions").toString().equals("[\"" + f.merge + "\"]")) {
                        problems.add(f.name + ": with " + run.get("first").asText() + " first the database is at "
                                + run.get("versions") + ", not at the merge " + f.merge);
                    }
                }
                if (!aFailed && !bFailed && !sameSchema) {
                    problems.add(f.name + ": our analysis says " + f.verdict + ", but the two orders leave different"
                            + " schemas (blind): " + a.get("schema") + " / " + b.get("schema"));
                }
                if (!aFailed && !bFailed && sameSchema) {
                    if (f.verdict == Verdict.WARNING) {
                        warningsPassed++;
                    } else {
                        cleanPassed++;
                    }
                }
            }
        }
        long errors = fixtures.stream().filter(f -> f.verdict == Verdict.ERROR).count();
        String summary = String.format("ConflictFixturesAlembicTest (Alembic %s): %d of %d error fixtures failed as"
                + " predicted (%d of them by an order-dependent schema), %d warning-only and %d clean fixtures passed"
                + " in both orders with the same schema%n%s", RealAlembic.version(python), failedAsPredicted, errors,
                orderDependent, warningsPassed, cleanPassed, table);
        System.out.print(summary);
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems) + "\n" + summary);
        }
    }

    /**
     * The verdict of our analysis, as {@code alembic:conflicts} computes it; a difference from {@link #EXPECTED} is a
     * problem (reported together with what real Alembic says).
     */
    private static void analyse(Fixture f, List<String> problems) throws Exception {
        GoalRun run = GoalRun.conflicts("conflicts", parameters(), f.dir, null);
        assertThat(run.failed()).as("%s: the history loads", f.name).isFalse();
        assertThat(run.conflicts()).as("%s: one fork", f.name).hasSize(1);
        ConflictAnalysis fork = run.conflicts().get(0);
        assertThat(fork.heads()).as("%s: two heads", f.name).hasSize(2);
        assertThat(fork.diagnostics()).as("%s: every version file read", f.name).isEmpty();
        f.heads = fork.heads();
        f.verdict = fork.hasErrors() ? Verdict.ERROR
                : fork.findings(Severity.WARNING).isEmpty() ? Verdict.CLEAN : Verdict.WARNING;
        f.rules = fork.findings().stream()
                .filter(c -> c.severity() != Severity.INFO)
                .map(ConflictFinding::rule)
                .map(r -> r.id())
                .toList();
        Expected expected = EXPECTED.get(f.name);
        if (f.verdict != expected.verdict() || !f.rules.equals(expected.rules())) {
            problems.add(f.name + ": the analysis says " + f.verdict + " " + f.rules + ", EXPECTED says "
                    + expected.verdict() + " " + expected.rules());
        }
    }

    /** The graph-only merge of the two heads: converge, allowing the conflicts; its analysis agrees with ours. */
    private static void merge(Fixture f) throws Exception {
        ConvergeRun run = ConvergeRun.converge(parameters(),
                new ConvergeParameters(null, null, null, null, null, null, false, null, null, null, true), f.dir,
                null);
        assertThat(run.status()).as("%s: converge -Dalembic.allowConflicts: %s", f.name, run.failureMessage())
                .isEqualTo(ConvergeRun.Status.WRITTEN);
        assertThat(run.files()).hasSize(1);
        assertThat(run.conflicts()).hasSize(1);
        assertThat(run.conflicts().get(0).hasErrors()).as("%s: converge's analysis", f.name)
                .isEqualTo(f.verdict == Verdict.ERROR);
        f.merge = run.files().get(0).merge().id();
    }

    private static GoalParameters parameters() {
        return new GoalParameters(null, null, null, null, null, null, null, null, null);
    }

    private static String outcome(JsonNode run) {
        JsonNode errors = run.get("errors");
        return errors.isEmpty() ? "ok" : "FAILS (" + errors.get(0).asText() + ")";
    }

    /** Copies the fixture's files (not a target/ directory a local IT run may have left). */
    private static Path copy(Path source, Path target) throws IOException {
        try (Stream<Path> s = Files.walk(source)) {
            for (Path p : s.toList()) {
                Path rel = source.relativize(p);
                if (rel.getNameCount() > 0 && rel.getName(0).toString().equals("target")) {
                    continue;
                }
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
