package io.github.alembicmaven.core.check;

import java.util.List;

/**
 * One line of history under the head policy and the heads it has.
 *
 * @param branchLabel the independent branch label, or {@code null} for the unlabelled rest of the graph
 * @param allowed heads allowed on this line
 * @param heads the heads on this line, load order
 * @param forkPoints where those heads fork (lowest common ancestors), load order
 */
public record HeadLine(String branchLabel, int allowed, List<String> heads, List<String> forkPoints) {
    public HeadLine {
        heads = List.copyOf(heads);
        forkPoints = List.copyOf(forkPoints);
    }

    public boolean violated() {
        return heads.size() > allowed;
    }
}
