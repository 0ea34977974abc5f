package io.github.alembicmaven.core.script;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading one version file produced.
 *
 * @param path the file
 * @param script the revision, or {@code null} when no revision id could be determined (an error diagnostic says why)
 * @param diagnostics problems found in this file (errors and warnings), in line order
 */
public record ScriptReadResult(Path path, RevisionScript script, List<Diagnostic> diagnostics) {
    public ScriptReadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** The scripts of those {@code reads} that produced one, in order. */
    public static List<RevisionScript> scriptsOf(List<ScriptReadResult> reads) {
        List<RevisionScript> scripts = new ArrayList<>(reads.size());
        for (ScriptReadResult r : reads) {
            if (r.script() != null) {
                scripts.add(r.script());
            }
        }
        return scripts;
    }
}
