package io.github.alembicmaven.core.merge;

import java.util.List;

/**
 * What the planner decided for one line of history.
 *
 * @param branchLabel the independent branch label of the line, or {@code null} for the unlabelled rest
 * @param heads the line's heads ({@code heads}, effective heads included), sorted by code point
 * @param selected the heads to merge (all heads, or those descending from {@code fromRevision}), sorted
 * @param forkPoints where the selected heads fork (lowest common ancestors), sorted; empty when they share no ancestor
 * @param effectiveHeads the selected heads that are effective heads (only depends_on points at them), sorted
 * @param bridged the selected heads that another selected head depends on (through depends_on, possibly via
 *     ancestors): each gets a {@link PlannedMerge.Kind#BRIDGE} instead of being a parent of the merge, sorted
 * @param planned ids of the revisions planned for this line, in write order (bridges first, the closing merge last)
 * @param notes human-readable remarks (no common ancestor, bridges, nothing to merge)
 */
public record MergePlanLine(
        String branchLabel,
        List<String> heads,
        List<String> selected,
        List<String> forkPoints,
        List<String> effectiveHeads,
        List<String> bridged,
        List<String> planned,
        List<String> notes) {

    public MergePlanLine {
        heads = List.copyOf(heads);
        selected = List.copyOf(selected);
        forkPoints = List.copyOf(forkPoints);
        effectiveHeads = List.copyOf(effectiveHeads);
        bridged = List.copyOf(bridged);
        planned = List.copyOf(planned);
        notes = List.copyOf(notes);
    }

    /** Whether this line gets at least one new revision. */
    public boolean merged() {
        return !planned.isEmpty();
    }

    /** Whether the selected heads share a common ancestor. */
    public boolean sharesAncestor() {
        return !forkPoints.isEmpty();
    }

    /** {@code head} or {@code <label>@head}: the upgrade target this line is about. */
    public String target() {
        return branchLabel == null ? "head" : branchLabel + "@head";
    }
}
