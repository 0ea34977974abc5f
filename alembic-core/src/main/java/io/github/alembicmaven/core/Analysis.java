package io.github.alembicmaven.core;

import io.github.alembicmaven.core.check.CheckResult;
import io.github.alembicmaven.core.check.HeadPolicy;
import io.github.alembicmaven.core.check.TreeCheck;
import io.github.alembicmaven.core.config.AlembicSettings;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.script.RevisionScript;
import io.github.alembicmaven.core.script.ScriptReadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything known about one migration tree: the settings, the files in load order, what each file declares, the
 * revision graph and every diagnostic. Produced by {@link AlembicAnalyzer}.
 */
public final class Analysis {
    private final AnalysisRequest request;
    private final AlembicSettings settings;
    private final List<Path> files;
    private final List<ScriptReadResult> reads;
    private final RevisionMap map;
    private final List<Diagnostic> diagnostics;

    Analysis(
            AnalysisRequest request,
            AlembicSettings settings,
            List<Path> files,
            List<ScriptReadResult> reads,
            RevisionMap map,
            List<Diagnostic> diagnostics) {
        this.request = Objects.requireNonNull(request);
        this.settings = settings;
        this.files = List.copyOf(files);
        this.reads = List.copyOf(reads);
        this.map = map;
        this.diagnostics = List.copyOf(diagnostics);
    }

    static Analysis notConfigured(AnalysisRequest request) {
        return new Analysis(request, null, List.of(), List.of(), null, List.of());
    }

    /** False when the project has no Alembic configuration at all (nothing to check; adapters skip it). */
    public boolean configured() {
        return settings != null;
    }

    public AnalysisRequest request() {
        return request;
    }

    public Path basedir() {
        return request.basedir();
    }

    /** The effective settings, or {@code null} when not {@link #configured()}. */
    public AlembicSettings settings() {
        return settings;
    }

    /** The version files in load order. */
    public List<Path> files() {
        return files;
    }

    /** What each file declared, in load order. */
    public List<ScriptReadResult> reads() {
        return reads;
    }

    /** The revisions that could be read, in load order. */
    public List<RevisionScript> scripts() {
        return ScriptReadResult.scriptsOf(reads);
    }

    /** The revision graph, or {@code null} when not {@link #configured()}. */
    public RevisionMap map() {
        return map;
    }

    /** All diagnostics: configuration, discovery, files (in load order), then graph. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Applies the head policy and integrity rules (what {@code alembic:check} and the enforcer rule decide). */
    public CheckResult check(HeadPolicy policy) {
        if (!configured()) {
            throw new IllegalStateException("no Alembic configuration: nothing to check");
        }
        return TreeCheck.check(map, diagnostics, policy, request.basedir());
    }
}
