package io.github.alembicmaven.core.script;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads the schema operations of a version file's top-level {@code def upgrade(...)} without running Python
 * ({@code downgrade()} is ignored). What is recognised, and what stays opaque, is described in
 * {@link io.github.alembicmaven.core.conflict}; the body walk is {@link UpgradeBody}.
 *
 * <p>Never throws for bad input: an unreadable or undecodable file, a syntax error in the body or a missing
 * {@code upgrade()} becomes a diagnostic naming file and line (operations read before a syntax error are kept).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class UpgradeOperationReader {

    private final Map<String, String> constants;

    /** @param constants values for names that cannot be resolved statically (as for {@link RevisionScriptReader}) */
    public UpgradeOperationReader(Map<String, String> constants) {
        this.constants = constants == null ? Map.of() : Map.copyOf(constants);
    }

    /** Reads one file from disk. */
    public UpgradeOperations read(Path file) {
        Path path = file.toAbsolutePath();
        try {
            return read(path, RevisionScriptReader.readBytes(path));
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                    + e.getMessage();
            return new UpgradeOperations(path, List.of(), List.of(Diagnostic.error(DiagnosticCode.UNREADABLE_FILE,
                    path, 0, "Cannot read the version file (" + why + "); its upgrade() operations are not analysed",
                    "check that the file exists and is readable by the build user")));
        }
    }

    /** Reads one file whose bytes are already in memory. */
    public UpgradeOperations read(Path file, byte[] content) {
        Path path = file; // a relative display path (a base ref's <ref>:<path>) stays as given
        SourceDecoder.Decoded decoded = SourceDecoder.decode(content);
        if (decoded.text() == null) {
            return new UpgradeOperations(path, List.of(), List.of(Diagnostic.error(DiagnosticCode.UNDECODABLE_FILE,
                    path, decoded.errorLine(), decoded.error() + "; its upgrade() operations are not analysed",
                    decoded.fix())));
        }
        PyTokens tokens = PyTokenizer.tokenize(decoded.text());
        ModuleEvaluator module = ModuleEvaluator.evaluate(tokens, constants);
        List<SchemaOperation> operations = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        new UpgradeBody(path, tokens, module, operations, diagnostics).read();
        if (tokens.error != null) {
            diagnostics.add(Diagnostic.warning(DiagnosticCode.SYNTAX_ERROR, path, tokens.errorLine,
                    "SyntaxError: " + tokens.error + "; the upgrade() operations from line " + tokens.errorLine
                            + " on are not analysed",
                    "fix the Python syntax at line " + tokens.errorLine + " (check with: python -m py_compile "
                            + path.getFileName() + ")"));
        }
        diagnostics.sort(Comparator.comparingInt(Diagnostic::line));
        return new UpgradeOperations(path, operations, diagnostics);
    }
}
