package io.github.alembicmaven.core.script;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads version files statically: the module-level {@code revision}, {@code down_revision}, {@code branch_labels},
 * {@code depends_on} and the docstring, exactly as Python would evaluate them, without running Python. Never throws
 * for bad input: every problem becomes a diagnostic naming file and line.
 */
public final class RevisionScriptReader {

    /** @param constants values for names that cannot be resolved statically, e.g. {@code cli.EXPAND_BRANCH} */
    public RevisionScriptReader(Map<String, String> constants) {
        throw new UnsupportedOperationException("skeleton: implemented on branch 'parser'");
    }

    /** Reads one file from disk. */
    public ScriptReadResult read(Path file) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Reads one file whose bytes are already in memory. */
    public ScriptReadResult read(Path file, byte[] content) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Reads many files in parallel; the results are in the order of {@code files}. */
    public List<ScriptReadResult> readAll(List<Path> files) {
        throw new UnsupportedOperationException("skeleton");
    }
}
