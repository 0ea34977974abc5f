package io.github.alembicmaven.benchmark;

import io.github.alembicmaven.core.AlembicAnalyzer;
import io.github.alembicmaven.core.Analysis;
import io.github.alembicmaven.core.AnalysisRequest;
import io.github.alembicmaven.core.config.AlembicSettings;
import io.github.alembicmaven.core.config.SettingsLoader;
import io.github.alembicmaven.core.graph.HeadsListing;
import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.script.RevisionScript;
import io.github.alembicmaven.core.script.RevisionScriptReader;
import io.github.alembicmaven.core.script.ScriptReadResult;
import io.github.alembicmaven.core.script.VersionFileLocator;
import io.github.alembicmaven.core.script.VersionFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs in a fresh JVM per tree (started by {@link Benchmark}); prints {@code key=value} lines on stdout.
 *
 * <ol>
 *   <li>{@code cold}: the very first {@link AlembicAnalyzer#analyze} of this JVM: class loading, interpretation and
 *       JIT warm-up included (JVM start-up itself is not; the parent times the whole process separately).
 *   <li>{@code warm}: {@code warmup} unmeasured runs, then {@code runs} measured ones (a {@code System.gc()} before
 *       each, so one run's garbage is not collected on the next one's clock).
 *   <li>{@code phase.*}: the same four steps {@link AlembicAnalyzer} takes, timed one by one (warm, median).
 *   <li>{@code read1}/{@code readPar}: listing the versions directory and reading every byte of every {@code .py}
 *       file, on one thread and with a parallel stream: the floor no static reader can beat.
 * </ol>
 */
public final class CoreProbe {
    private CoreProbe() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int warmup = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        long jvmUptimeAtMain = ManagementFactory.getRuntimeMXBean().getUptime();

        AnalysisRequest request = AnalysisRequest.builder(dir).build();
        long t0 = System.nanoTime();
        Analysis first = AlembicAnalyzer.analyze(request);
        long cold = System.nanoTime() - t0;
        List<String> heads = first.map().heads();

        out("jvmUptimeAtMainMs", jvmUptimeAtMain);
        out("coldNs", cold);
        out("files", first.files().size());
        out("scripts", first.scripts().size());
        out("diagnostics", first.diagnostics().size());
        out("errors", first.diagnostics().stream().filter(d -> d.isError()).count());
        System.out.println("firstDiagnostics=" + first.diagnostics().stream()
                .limit(5)
                .map(d -> String.valueOf(d).replace('\n', ' '))
                .collect(Collectors.joining(" | ")));
        System.out.println("heads=" + String.join(",", heads));
        System.out.println("headLines=" + String.join("|", HeadsListing.lines(first.map(), false, false, dir)));
        first = null;

        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            System.gc();
            long s = System.nanoTime();
            Analysis a = AlembicAnalyzer.analyze(request);
            long e = System.nanoTime() - s;
            if (!a.map().heads().equals(heads)) {
                throw new IllegalStateException("heads changed between runs: " + a.map().heads());
            }
            if (i >= warmup) {
                warm.add(e);
            }
        }
        out("warmNs", warm);

        // The same steps as AlembicAnalyzer.analyze, one by one, to see where the time goes.
        List<Long> pSettings = new ArrayList<>();
        List<Long> pLocate = new ArrayList<>();
        List<Long> pRead = new ArrayList<>();
        List<Long> pGraph = new ArrayList<>();
        int phaseRuns = Math.max(3, runs / 2);
        for (int i = 0; i < 1 + phaseRuns; i++) {
            System.gc();
            long s0 = System.nanoTime();
            AlembicSettings settings = SettingsLoader.load(request).orElseThrow();
            long s1 = System.nanoTime();
            VersionFiles vf = VersionFileLocator.locate(settings);
            long s2 = System.nanoTime();
            List<ScriptReadResult> reads = new RevisionScriptReader(Map.of()).readAll(vf.files());
            List<RevisionScript> scripts = new ArrayList<>(reads.size());
            for (ScriptReadResult r : reads) {
                if (r.script() != null) {
                    scripts.add(r.script());
                }
            }
            long s3 = System.nanoTime();
            RevisionMap map = RevisionMap.build(scripts);
            map.heads();
            long s4 = System.nanoTime();
            if (i > 0) {
                pSettings.add(s1 - s0);
                pLocate.add(s2 - s1);
                pRead.add(s3 - s2);
                pGraph.add(s4 - s3);
            }
        }
        out("phase.settingsNs", pSettings);
        out("phase.locateNs", pLocate);
        out("phase.readAllNs", pRead);
        out("phase.graphNs", pGraph);

        List<Long> read1 = new ArrayList<>();
        List<Long> readPar = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < 4; i++) {
            long s = System.nanoTime();
            bytes = readAll(dir.resolve("versions"), false);
            long m = System.nanoTime();
            readAll(dir.resolve("versions"), true);
            long e = System.nanoTime();
            if (i > 0) {
                read1.add(m - s);
                readPar.add(e - m);
            }
        }
        out("readBytes", bytes);
        out("read1Ns", read1);
        out("readParNs", readPar);
        out("availableProcessors", Runtime.getRuntime().availableProcessors());
        out("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Lists {@code versions/*.py} and reads every byte; returns the byte count. */
    static long readAll(Path versions, boolean parallel) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(versions)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".py")).toList();
        }
        Stream<Path> stream = parallel ? files.parallelStream() : files.stream();
        return stream.mapToLong(p -> {
                    try {
                        return Files.readAllBytes(p).length;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .sum();
    }

    private static void out(String key, Object value) {
        if (value instanceof List<?> l) {
            System.out.println(key + "=" + l.stream().map(String::valueOf).collect(Collectors.joining(",")));
        } else {
            System.out.println(key + "=" + value);
        }
    }
}
