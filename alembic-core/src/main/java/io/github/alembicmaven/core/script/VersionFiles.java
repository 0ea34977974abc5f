package io.github.alembicmaven.core.script;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * The version files of a tree in Alembic's load order, and what discovery noticed.
 *
 * @param files absolute paths, in load order (locations in config order; per directory sorted by name, files before
 *     sub-directories)
 * @param diagnostics discovery findings (file loaded twice, sourceless files)
 */
public record VersionFiles(List<Path> files, List<Diagnostic> diagnostics) {
    public VersionFiles {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }
}
