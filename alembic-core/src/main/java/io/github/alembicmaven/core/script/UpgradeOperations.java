package io.github.alembicmaven.core.script;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * The operations of one version file's {@code upgrade()}, in the order they are written.
 *
 * @param path the file
 * @param operations the operations, including those whose arguments could not all be resolved
 * @param diagnostics problems reading the body (unreadable file, syntax error, no {@code upgrade()}), in line order
 */
public record UpgradeOperations(Path path, List<SchemaOperation> operations, List<Diagnostic> diagnostics) {
    public UpgradeOperations {
        operations = List.copyOf(operations);
        diagnostics = List.copyOf(diagnostics);
    }

    /** The operations with at least one argument that could not be resolved statically. */
    public List<SchemaOperation> unresolved() {
        return operations.stream().filter(SchemaOperation::isUnresolved).toList();
    }
}
