package io.github.alembicmaven.core.merge;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link ConvergePlanner#plan}: which revisions to write, or why none.
 *
 * @param status what the caller should do
 * @param reason one sentence: what was planned, why the tree is already converged, or why planning was refused
 * @param notes further remarks worth logging (heads without a common ancestor, bridged effective heads, refusal
 *     details such as each integrity error), in a stable order
 * @param lines the decision per line of history (empty when refused before the lines were looked at)
 * @param merges the revisions to write, in write order (a revision's planned parents come before it); empty unless
 *     {@link Status#PLANNED}, except that a plan refused by its own verification keeps them for the report
 * @param verification the in-memory check of the planned graph, or {@code null} when nothing was planned
 */
public record MergePlan(
        Status status,
        String reason,
        List<String> notes,
        List<MergePlanLine> lines,
        List<PlannedMerge> merges,
        MergePlanVerification verification) {

    /** What the caller should do with a plan. */
    public enum Status {
        /** Write {@link #merges()}. */
        PLANNED,
        /** Nothing to write: every line of history already has one head (or fewer than two heads were selected). */
        CONVERGED,
        /** Write nothing and fail: integrity errors, invalid options, no safe merge or a failed verification. */
        REFUSED
    }

    public MergePlan {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        notes = List.copyOf(notes);
        lines = List.copyOf(lines);
        merges = List.copyOf(merges);
    }

    static MergePlan refused(String reason, List<String> notes) {
        return new MergePlan(Status.REFUSED, reason, notes, List.of(), List.of(), null);
    }

    /** Whether there is something to write ({@link Status#PLANNED}; the verification passed). */
    public boolean writable() {
        return status == Status.PLANNED;
    }

    /** Whether the caller must fail. */
    public boolean refused() {
        return status == Status.REFUSED;
    }
}
