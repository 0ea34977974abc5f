package io.github.alembicmaven.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmark: for each size, generate (or reuse) a tree, time {@code alembic heads} on it, time our core in a fresh
 * JVM ({@link CoreProbe}: cold, then warm), check that Alembic, the core and the generator agree on the heads, and
 * write a markdown report. Configured by system properties {@code bench.*} (see README.md); exits 1 when any tree's
 * heads disagree.
 */
public final class Benchmark {
    private Benchmark() {}

    /** Everything measured for one tree. */
    record Row(TreeGenerator.Tree tree, String loadBefore, String loadAfter, long alembicFirstNs,
            List<Long> alembicNs, List<String> alembicLines, long probeWallNs, Map<String, String> probe,
            boolean headsMatch, boolean linesMatch, String mismatch) {

        long coldNs() {
            return Long.parseLong(probe.get("coldNs"));
        }

        List<Long> list(String key) {
            String v = probe.getOrDefault(key, "");
            return v.isEmpty() ? List.of() : Arrays.stream(v.split(",")).map(Long::parseLong).toList();
        }

        double warmNs() {
            return median(list("warmNs"));
        }

        double alembicMedianNs() {
            return median(alembicNs);
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arrays.stream(prop("bench.sizes", "1000,10000,100000").split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
        long seed = Long.parseLong(prop("bench.seed", "42"));
        String python = prop("bench.python", "/usr/bin/python3");
        Path trees = Path.of(prop("bench.trees", "target/trees")).toAbsolutePath();
        Path out = Path.of(prop("bench.out", "target/benchmark.md")).toAbsolutePath();
        int warmup = Integer.parseInt(prop("bench.warmup", "5"));
        int runs = Integer.parseInt(prop("bench.runs", "7"));
        int alembicRuns = Integer.parseInt(prop("bench.alembicRuns", "5"));
        int alembicRunsLarge = Integer.parseInt(prop("bench.alembicRunsLarge", "1"));
        List<String> jvmArgs = Arrays.stream(prop("bench.jvmArgs", "-Xms1g -Xmx4g").trim().split("\\s+"))
                .filter(s -> !s.isEmpty())
                .toList();

        AlembicCli alembic = new AlembicCli(python);
        String alembicVersion = alembic.version();
        log("%s; JDK %s (%s); %d cores; load %s", alembicVersion, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(), load());

        List<Row> rows = new ArrayList<>();
        for (int n : sizes) {
            boolean large = n >= 50_000;
            String loadBefore = load();
            long g0 = System.nanoTime();
            TreeGenerator.Tree tree = TreeGenerator.ensure(trees, n, seed);
            log("n=%d: tree %s ready in %d ms (%d bytes, %d branch points, %d merges, %d depends_on)", n, tree.dir(),
                    ms(System.nanoTime() - g0), tree.totalBytes(), tree.branchPoints(), tree.mergePoints(),
                    tree.dependsOn());

            // Alembic: first run on a fresh checkout (compiles every file and writes versions/__pycache__), then
            // runs that load the cached bytecode, the fastest Alembic gets (and the one we compare against).
            // On large trees (minutes per run) the run without __pycache__ is only made when there is no cache yet.
            AlembicCli.Run first = null;
            AlembicCli.Run last = null;
            if (!large || !AlembicCli.hasBytecodeCache(tree.dir())) {
                AlembicCli.dropBytecodeCache(tree.dir());
                first = alembic.heads(tree.dir());
                last = first;
                log("n=%d: alembic heads, no __pycache__: %d ms -> %s", n, ms(first.wallNs()), first.lines());
            }
            List<Long> alembicNs = new ArrayList<>();
            for (int i = 0; i < Math.max(1, large ? alembicRunsLarge : alembicRuns); i++) {
                last = alembic.heads(tree.dir());
                alembicNs.add(last.wallNs());
                log("n=%d: alembic heads #%d: %d ms", n, i + 1, ms(last.wallNs()));
            }

            // Our core, in a fresh JVM.
            int w = large ? Math.min(warmup, 3) : warmup;
            int r = large ? Math.min(runs, 5) : runs;
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmArgs);
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(CoreProbe.class.getName());
            cmd.add(tree.dir().toString());
            cmd.add(String.valueOf(w));
            cmd.add(String.valueOf(r));
            long p0 = System.nanoTime();
            Map<String, String> probe = runProbe(cmd);
            long probeWall = System.nanoTime() - p0;
            String loadAfter = load();

            List<String> ours = splitList(probe.get("heads"), ",");
            List<String> ourLines = splitList(probe.get("headLines"), "\\|");
            List<String> theirs = last.heads();
            boolean headsMatch = ours.equals(theirs) && theirs.equals(tree.expectedHeads());
            List<String> theirLines = last.lines().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            boolean linesMatch = ourLines.equals(theirLines);
            String mismatch = headsMatch && linesMatch ? "" : "ours " + ourLines + " / alembic " + theirLines
                    + " / generator " + tree.expectedHeads();
            Row row = new Row(tree, loadBefore, loadAfter, first == null ? -1 : first.wallNs(), alembicNs, theirLines, probeWall, probe,
                    headsMatch, linesMatch, mismatch);
            rows.add(row);
            log("n=%d: ours cold %d ms, warm %.1f ms (samples %s); heads %s; %s", n, ms(row.coldNs()),
                    row.warmNs() / 1e6, row.list("warmNs").stream().map(Benchmark::ms).toList(), ours,
                    headsMatch ? (linesMatch ? "match Alembic" : "ids match, LINES DIFFER: " + mismatch)
                            : "MISMATCH: " + mismatch);
            if (!"0".equals(probe.get("errors"))) {
                log("n=%d: the core reported %s error diagnostic(s), e.g. %s", n, probe.get("errors"),
                        probe.get("firstDiagnostics"));
            }
        }

        String md = report(rows, alembicVersion, seed);
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println();
        System.out.println(md);
        log("written %s", out);
        if (rows.stream().anyMatch(x -> !x.headsMatch())) {
            System.err.println("FAILED: heads differ from Alembic's; the timings compare wrong answers.");
            System.exit(1);
        }
    }

    static Map<String, String> runProbe(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IllegalStateException("core probe failed (exit " + rc + "): " + String.join(" ", cmd)
                    + "\n" + stdout);
        }
        Map<String, String> m = new LinkedHashMap<>();
        stdout.lines().forEach(l -> {
            int eq = l.indexOf('=');
            if (eq > 0) {
                m.put(l.substring(0, eq), l.substring(eq + 1));
            }
        });
        return m;
    }

    static String report(List<Row> rows, String alembicVersion, long seed) {
        StringBuilder sb = new StringBuilder();
        sb.append("# alembic-maven benchmark\n\n");
        sb.append(String.format(Locale.ROOT, "Machine: %d cores, JDK %s (%s), %s %s; %s; seed %d.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"),
                alembicVersion, seed));
        sb.append("All times are wall-clock milliseconds with the trees in the OS page cache (every side reads warm"
                + " files). \"ours\" = `AlembicAnalyzer.analyze` end to end (config, discovery, parallel reading,"
                + " graph): cold = the first call in a fresh JVM (class loading and JIT warm-up included, JVM start-up"
                + " excluded), warm = median of the measured runs after warm-up. \"alembic heads\" = median wall time"
                + " of the whole `python3 -m alembic -c <dir>/alembic.ini heads` process with `__pycache__` present"
                + " (its fastest case). ratio = alembic heads / ours (the target is >= 30 at 10,000 revisions)."
                + " read bytes = listing `versions/` and reading every byte of every file once, one thread / parallel"
                + " stream (the floor for any static reader).\n\n");
        sb.append("| revisions | total bytes | our cold ms | our warm ms | alembic heads ms | ratio cold | ratio warm"
                + " | read-bytes ms (1 thread / parallel) |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            double alembic = r.alembicMedianNs();
            sb.append(String.format(Locale.ROOT, "| %,d | %,d | %s | %s | %s | %.1f | %.1f | %s / %s |%n",
                    r.tree().size(), r.tree().totalBytes(), f(r.coldNs()), f(r.warmNs()), f(alembic),
                    alembic / r.coldNs(), alembic / r.warmNs(), f(median(r.list("read1Ns"))),
                    f(median(r.list("readParNs")))));
        }

        sb.append("\n## Linearity (microseconds per revision)\n\n");
        sb.append("| revisions | ours cold | ours warm | alembic heads | read bytes (1 thread) |\n");
        sb.append("|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            double n = r.tree().size();
            sb.append(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %.1f | %.1f |%n", r.tree().size(),
                    r.coldNs() / n / 1e3, r.warmNs() / n / 1e3, r.alembicMedianNs() / n / 1e3,
                    median(r.list("read1Ns")) / n / 1e3));
        }

        sb.append("\n## Where our time goes (warm, median ms per step of `AlembicAnalyzer.analyze`)\n\n");
        sb.append("| revisions | settings (`SettingsLoader.load`) | discovery (`VersionFileLocator.locate`)"
                + " | reading (`RevisionScriptReader.readAll`) | graph (`RevisionMap.build` + `heads()`) |\n");
        sb.append("|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s |%n", r.tree().size(),
                    f(median(r.list("phase.settingsNs"))), f(median(r.list("phase.locateNs"))),
                    f(median(r.list("phase.readAllNs"))), f(median(r.list("phase.graphNs")))));
        }

        sb.append("\n## Details\n\n");
        sb.append("| revisions | branch points / merges / depends_on | our whole cold JVM process ms"
                + " | alembic heads, first run without `__pycache__` ms | alembic heads runs ms | our warm runs ms"
                + " | load avg before -> after | heads (Alembic's output) | same heads as Alembic |\n");
        sb.append("|---:|---|---:|---:|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %,d | %d / %d / %d | %s | %s | %s | %s | %s -> %s | `%s` | %s |%n",
                    r.tree().size(), r.tree().branchPoints(), r.tree().mergePoints(), r.tree().dependsOn(),
                    f(r.probeWallNs()), r.alembicFirstNs() < 0 ? "not re-run" : f(r.alembicFirstNs()),
                    r.alembicNs().stream().map(Benchmark::f).collect(Collectors.joining(", ")),
                    r.list("warmNs").stream().map(Benchmark::f).collect(Collectors.joining(", ")),
                    r.loadBefore(), r.loadAfter(), String.join(" ", r.alembicLines()),
                    r.headsMatch() ? (r.linesMatch() ? "yes (ids and lines)" : "ids yes, lines NO") : "**NO**"));
        }

        sb.append("\n## Verdict\n\n");
        for (Row r : rows) {
            if (r.tree().size() == 10_000) {
                double a = r.alembicMedianNs();
                sb.append(String.format(Locale.ROOT,
                        "- 1/30 target at 10,000 revisions: cold %.1fx (%s), warm %.1fx (%s).%n", a / r.coldNs(),
                        a / r.coldNs() >= 30 ? "met" : "NOT met", a / r.warmNs(), a / r.warmNs() >= 30 ? "met" : "NOT met"));
            }
        }
        Row r10 = rows.stream().filter(r -> r.tree().size() == 10_000).findFirst().orElse(null);
        Row r100 = rows.stream().filter(r -> r.tree().size() == 100_000).findFirst().orElse(null);
        if (r10 != null && r100 != null) {
            sb.append(String.format(Locale.ROOT,
                    "- Growth 10,000 -> 100,000 (10x the revisions): ours cold %.1fx, warm %.1fx; alembic heads %.1fx;"
                            + " read bytes %.1fx (linear = 10x).%n",
                    (double) r100.coldNs() / r10.coldNs(), r100.warmNs() / r10.warmNs(),
                    r100.alembicMedianNs() / r10.alembicMedianNs(),
                    median(r100.list("read1Ns")) / median(r10.list("read1Ns"))));
        }
        for (Row r : rows) {
            if (!r.headsMatch() || !r.linesMatch()) {
                sb.append(String.format(Locale.ROOT, "- n=%,d: heads differ: %s%n", r.tree().size(), r.mismatch()));
            }
        }
        return sb.toString();
    }

    static double median(List<Long> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        long[] a = xs.stream().mapToLong(Long::longValue).sorted().toArray();
        int m = a.length / 2;
        return a.length % 2 == 1 ? a[m] : (a[m - 1] + a[m]) / 2.0;
    }

    private static String f(double ns) {
        double ms = ns / 1e6;
        return String.format(Locale.ROOT, ms >= 100 ? "%,.0f" : "%.1f", ms);
    }

    private static long ms(long ns) {
        return ns / 1_000_000;
    }

    private static List<String> splitList(String s, String sep) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split(sep));
    }

    static String load() {
        try {
            String[] p = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return p[0] + " " + p[1] + " " + p[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static String prop(String key, String def) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? def : v.strip();
    }

    private static void log(String fmt, Object... args) {
        System.err.println("[bench] " + String.format(Locale.ROOT, fmt, args));
    }
}
