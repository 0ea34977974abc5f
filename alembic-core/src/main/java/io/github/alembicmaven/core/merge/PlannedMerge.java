package io.github.alembicmaven.core.merge;

import io.github.alembicmaven.core.config.PythonText;
import io.github.alembicmaven.core.script.RevisionScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One revision file the converge goal should write: everything the renderer needs, nothing it must compute.
 *
 * @param id the revision id ({@code up_revision}): derived by {@link MergeRevisionId}, or the explicit {@code revId}
 * @param parents {@code down_revision}, sorted by code point (Python's {@code sorted()}); one entry for a
 *     {@link Kind#BRIDGE}, so the template renders it as a plain string like {@code alembic merge} with one head does
 * @param branchLabel {@code branch_labels} (a single label), or {@code null}
 * @param message {@code message} as the template receives it
 * @param createDate {@code create_date}; also the source of the file name's date tokens
 * @param versionDirectory the directory to write the file to
 * @param kind a merge of two or more heads, or a bridge that closes an effective head (see {@link ConvergePlanner})
 * @param line the branch label of the line of history this revision belongs to ({@code independentBranches}), or
 *     {@code null} for the unlabelled line
 */
public record PlannedMerge(
        String id,
        List<String> parents,
        String branchLabel,
        String message,
        CreateDate createDate,
        Path versionDirectory,
        Kind kind,
        String line) {

    /** What a planned revision is for. */
    public enum Kind {
        /** Two or more parents: the merge itself. */
        MERGE,
        /**
         * One parent, an effective head that another head of the same line depends on: merging the two directly would
         * crash Alembic's upgrade (spec §7), so the effective head gets this empty child and the child is merged.
         */
        BRIDGE
    }

    public PlannedMerge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(versionDirectory, "versionDirectory");
        Objects.requireNonNull(kind, "kind");
        List<String> sorted = new ArrayList<>(parents);
        sorted.sort(PythonText.CODE_POINT_ORDER);
        if (!sorted.equals(parents)) {
            throw new IllegalArgumentException("parents must be sorted by code point: " + parents);
        }
        parents = List.copyOf(parents);
    }

    /**
     * The docstring Alembic's stock templates write ({@code message}, blank line, {@code Revision ID}, {@code Revises}
     * with {@code down_revision | comma}, {@code Create Date}, blank line).
     */
    public String docstring() {
        return message + "\n\nRevision ID: " + id + "\nRevises: " + String.join(", ", parents) + "\nCreate Date: "
                + createDate + "\n\n";
    }

    /**
     * This revision as the reader would see it once written, for building the planned graph in memory. The file name
     * is a placeholder ({@code <id>.py} in {@link #versionDirectory()}): the real one comes from {@code file_template}
     * and does not change the graph.
     */
    public RevisionScript toScript() {
        return new RevisionScript(
                versionDirectory.resolve(id + ".py"),
                id,
                0,
                parents,
                0,
                branchLabel == null ? List.of() : List.of(branchLabel),
                0,
                List.of(),
                0,
                docstring());
    }
}
