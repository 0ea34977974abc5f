package io.github.alembicmaven.core;

import io.github.alembicmaven.core.config.AlembicSettings;
import io.github.alembicmaven.core.config.SettingsLoader;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.script.RevisionScript;
import io.github.alembicmaven.core.script.RevisionScriptReader;
import io.github.alembicmaven.core.script.ScriptReadResult;
import io.github.alembicmaven.core.script.VersionFileLocator;
import io.github.alembicmaven.core.script.VersionFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one entry point of the core: settings, discovery, reading and the graph, in that order. Stateless and
 * thread-safe.
 */
public final class AlembicAnalyzer {
    private AlembicAnalyzer() {}

    /**
     * Analyses the tree described by {@code request}.
     *
     * @return the analysis; {@link Analysis#configured()} is false when the project has no Alembic configuration and
     *     nothing was given explicitly
     * @throws AlembicConfigException on misconfiguration, and when an explicitly configured tree has no revision file
     */
    public static Analysis analyze(AnalysisRequest request) throws AlembicConfigException {
        Optional<AlembicSettings> loaded = SettingsLoader.load(request);
        if (loaded.isEmpty()) {
            return Analysis.notConfigured(request);
        }
        AlembicSettings settings = loaded.get();
        VersionFiles versionFiles = VersionFileLocator.locate(settings);
        if (versionFiles.files().isEmpty() && request.explicitlyConfigured()) {
            throw new AlembicConfigException(nothingFound(settings, request.basedir()));
        }
        List<ScriptReadResult> reads = new RevisionScriptReader(request.constants()).readAll(versionFiles.files());
        List<RevisionScript> scripts = new ArrayList<>(reads.size());
        List<Diagnostic> diagnostics = new ArrayList<>(settings.warnings());
        diagnostics.addAll(versionFiles.diagnostics());
        for (ScriptReadResult read : reads) {
            diagnostics.addAll(read.diagnostics());
            if (read.script() != null) {
                scripts.add(read.script());
            }
        }
        RevisionMap map = RevisionMap.build(scripts);
        diagnostics.addAll(map.diagnostics());
        return new Analysis(request, settings, versionFiles.files(), reads, map, diagnostics);
    }

    private static String nothingFound(AlembicSettings settings, Path basedir) {
        String where = settings.versionLocations().stream()
                .map(p -> ProjectPaths.relative(basedir, p))
                .collect(Collectors.joining(", "));
        return "No Alembic revision files found in " + (where.isEmpty() ? "<no version location>" : where)
                + ". The migration location was configured explicitly, so an empty result is an error rather than a pass."
                + " Check alembic.scriptLocation / alembic.versionLocations / alembic.config (paths are relative to "
                + basedir + ").";
    }
}
