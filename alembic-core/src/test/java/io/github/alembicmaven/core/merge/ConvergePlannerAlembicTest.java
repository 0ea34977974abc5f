package io.github.alembicmaven.core.merge;

import static io.github.alembicmaven.core.merge.ConvergePlannerTest.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.RealAlembic;
import io.github.alembicmaven.core.graph.Revs;
import io.github.alembicmaven.core.merge.ConvergePlannerOptions.Strategy;
import io.github.alembicmaven.core.merge.MergePlan.Status;
import io.github.alembicmaven.core.script.RevisionScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Alembic judges the planner's own output: random forked trees with depends_on (effective heads), planned with
 * both strategies, written as graph-only files; then, in one Python process per run, for each tree: {@code upgrade
 * heads} on the pre-merge tree, add the planned files, {@code heads} must be one, then {@code upgrade heads},
 * {@code downgrade base}, {@code upgrade heads}, {@code downgrade base} must succeed. Skipped when
 * {@code /usr/bin/python3} (or {@code -Dalembic.differential.python}) cannot import alembic.
 */
class ConvergePlannerAlembicTest {
    private static final int TREES = 30;

    private static final String JUDGE = """
            import io, logging, os, sys
            logging.disable(logging.CRITICAL)
            from alembic.config import Config
            from alembic import command
            from alembic.script import ScriptDirectory
            ENV = '''
            from alembic import context
            from sqlalchemy import engine_from_config, pool
            config = context.config
            engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.",
                                        poolclass=pool.NullPool)
            with engine.connect() as connection:
                context.configure(connection=connection, target_metadata=None)
                with context.begin_transaction():
                    context.run_migrations()
            '''
            def cfg(d):
                c = Config(os.path.join(d, 'alembic.ini')); c.stdout = io.StringIO(); return c
            def step(d, fn, target):
                try:
                    fn(cfg(d), target); return None
                except Exception as e:
                    return '%s %s: %s' % (fn.__name__, type(e).__name__, e)
            for d in sys.argv[1:]:
                os.makedirs(os.path.join(d, 'mig'), exist_ok=True)
                with open(os.path.join(d, 'alembic.ini'), 'w') as f:
                    f.write('[alembic]\\nscript_location = %s/mig\\nsqlalchemy.url = sqlite:///%s/db.sqlite\\n' % (d, d))
                with open(os.path.join(d, 'mig', 'env.py'), 'w') as f:
                    f.write(ENV)
                errors = [step(d, command.upgrade, 'heads')]
                for name in sorted(os.listdir(os.path.join(d, 'planned'))):
                    os.rename(os.path.join(d, 'planned', name), os.path.join(d, 'mig', 'versions', name))
                heads = ScriptDirectory.from_config(cfg(d)).revision_map.heads
                errors.append(None if len(heads) == 1 else 'heads %s' % (heads,))
                for fn, t in ((command.upgrade, 'heads'), (command.downgrade, 'base'),
                              (command.upgrade, 'heads'), (command.downgrade, 'base')):
                    errors.append(step(d, fn, t))
                errors = [e for e in errors if e]
                print('%s\\t%s' % (os.path.basename(d), ' | '.join(errors) if errors else 'ok'))
            """;

    @TempDir
    Path tmp;

    @Test
    void plannedMergesAreAcceptedByRealAlembic() throws Exception {
        String python = RealAlembic.require("ConvergePlannerAlembicTest");
        Random random = new Random(20240531);
        List<String> dirs = new ArrayList<>();
        int withBridges = 0;
        int trees = 0;
        while (trees < TREES) {
            Revs revs = randomTree(random);
            for (Strategy strategy : Strategy.values()) {
                MergePlan plan = ConvergePlanner.plan(revs.map(), ConvergePlannerOptions.defaults()
                        .withStrategy(strategy).withFallbackCreateDate(date("2024-01-01 00:00:00")));
                if (plan.status() != Status.PLANNED
                        || plan.notes().stream().anyMatch(n -> n.startsWith("Existing revision"))) {
                    break; // converged already, or a tree that crashes Alembic without any merge
                }
                if (strategy == Strategy.SINGLE) {
                    trees++;
                    withBridges += plan.lines().stream().anyMatch(l -> !l.bridged().isEmpty()) ? 1 : 0;
                }
                Path dir = tmp.resolve("t" + trees + "_" + strategy.name().toLowerCase());
                for (RevisionScript s : revs.scripts()) {
                    write(dir.resolve("mig/versions"), s.revision(), s.downRevisions(), s.dependsOn());
                }
                for (PlannedMerge m : plan.merges()) {
                    write(dir.resolve("planned"), m.id(), m.parents(), List.of());
                }
                dirs.add(dir.toString());
            }
        }
        Path judge = tmp.resolve("judge.py");
        Files.writeString(judge, JUDGE);
        List<String> command = new ArrayList<>(List.of(python, judge.toString()));
        command.addAll(dirs);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(out.lines().filter(l -> l.endsWith("\tok")).count())
                .as("real Alembic on %d planned trees (%d with bridges):%n%s", trees, withBridges, out)
                .isEqualTo(dirs.size());
        assertThat(withBridges).as("the sample exercises effective heads").isPositive();
    }

    /** 3–8 revisions, mostly one parent, some bases, depends_on on about half. */
    private static Revs randomTree(Random random) {
        Revs revs = Revs.of();
        int n = 3 + random.nextInt(6);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("r%02d", i);
            List<String> downs = i == 0 || random.nextInt(10) == 0
                    ? List.of()
                    : List.of(ids.get(random.nextInt(ids.size())));
            List<String> deps = new ArrayList<>();
            if (i >= 2 && random.nextBoolean()) {
                String dep = ids.get(random.nextInt(ids.size()));
                if (!downs.contains(dep)) {
                    deps.add(dep);
                }
            }
            revs.dep(id, deps, downs.toArray(String[]::new));
            ids.add(id);
        }
        return revs;
    }

    private static void write(Path dir, String id, List<String> downs, List<String> deps) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(id + ".py"), "revision = " + repr(id) + "\ndown_revision = " + tuple(downs)
                + "\nbranch_labels = None\ndepends_on = " + tuple(deps)
                + "\n\ndef upgrade():\n    pass\n\ndef downgrade():\n    pass\n");
    }

    private static String tuple(List<String> ids) {
        if (ids.isEmpty()) {
            return "None";
        }
        if (ids.size() == 1) {
            return repr(ids.get(0));
        }
        List<String> quoted = new ArrayList<>();
        for (String id : ids) {
            quoted.add(repr(id));
        }
        return "(" + String.join(", ", quoted) + ")";
    }

    private static String repr(String id) {
        return "'" + id + "'";
    }

}
