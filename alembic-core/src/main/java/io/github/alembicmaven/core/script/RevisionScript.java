package io.github.alembicmaven.core.script;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The revision attributes of one version file, as Alembic would see them after importing the module and applying
 * {@code util.to_tuple}. Values are the module-level bindings that win (last binding wins).
 *
 * @param path absolute path of the file
 * @param revision the revision id ({@code revision}, or the hex stem of a legacy {@code <hex>.py} name)
 * @param revisionLine line of the winning {@code revision} binding ({@code 0} for a legacy file name)
 * @param downRevisions {@code to_tuple(down_revision)}: empty for a base; duplicates are kept, order as written
 * @param downRevisionLine line of the winning {@code down_revision} binding ({@code 0} if absent)
 * @param branchLabels {@code to_tuple(branch_labels)} as declared (not propagated), order as written
 * @param branchLabelsLine line of the {@code branch_labels} binding ({@code 0} if absent)
 * @param dependsOn {@code to_tuple(depends_on)} as written: revision ids or branch labels
 * @param dependsOnLine line of the {@code depends_on} binding ({@code 0} if absent)
 * @param docstring the module docstring (raw, unstripped), or {@code null}
 */
public record RevisionScript(
        Path path,
        String revision,
        int revisionLine,
        List<String> downRevisions,
        int downRevisionLine,
        List<String> branchLabels,
        int branchLabelsLine,
        List<String> dependsOn,
        int dependsOnLine,
        String docstring) {

    public RevisionScript {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(revision, "revision");
        downRevisions = List.copyOf(downRevisions);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    /**
     * Alembic's {@code doc}: the first paragraph of the stripped docstring ({@code re.split("\n\n", doc.strip())[0]}),
     * or the empty string.
     */
    public String doc() {
        if (docstring == null) {
            return "";
        }
        String stripped = docstring.strip();
        int i = stripped.indexOf("\n\n");
        return i < 0 ? stripped : stripped.substring(0, i);
    }

    /** The first line of the docstring (the revision message), or the empty string. */
    public String message() {
        String d = doc();
        int i = d.indexOf('\n');
        return (i < 0 ? d : d.substring(0, i)).strip();
    }

    /** Convenience factory for tests and generators: no line numbers, no docstring. */
    public static RevisionScript of(Path path, String revision, List<String> downRevisions) {
        return new RevisionScript(path, revision, 0, downRevisions, 0, List.of(), 0, List.of(), 0, null);
    }
}
