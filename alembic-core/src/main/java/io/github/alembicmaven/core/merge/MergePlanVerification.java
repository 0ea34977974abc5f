package io.github.alembicmaven.core.merge;

import io.github.alembicmaven.core.check.HeadLine;
import java.util.List;

/**
 * The in-memory proof of a plan: the existing revisions plus the planned ones, loaded into a new revision map and
 * checked under the same head policy.
 *
 * @param problems what is wrong with the planned graph; empty when it passed
 * @param linesAfter the lines of history of the planned graph ({@code TreeCheck.lines} under the same policy)
 * @param headsAfter Alembic's {@code heads} of the planned graph, load order (existing files, then planned ones)
 */
public record MergePlanVerification(List<String> problems, List<HeadLine> linesAfter, List<String> headsAfter) {

    public MergePlanVerification {
        problems = List.copyOf(problems);
        linesAfter = List.copyOf(linesAfter);
        headsAfter = List.copyOf(headsAfter);
    }

    /** Whether the planned graph passed every check. */
    public boolean passed() {
        return problems.isEmpty();
    }
}
