package io.github.alembicmaven.core.conflict;

import io.github.alembicmaven.core.script.SchemaOperation;
import java.util.List;

/**
 * One line of history: the revisions after the fork point up to a head, and their {@code upgrade()} operations.
 *
 * @param head the head revision id
 * @param revisions the revisions from the fork point (exclusive) to the head (inclusive), in upgrade order; revisions
 *     shared with another selected head's line are not included
 * @param operations the operations of those revisions, in upgrade order
 */
public record BranchLine(String head, List<String> revisions, List<SchemaOperation> operations) {
    public BranchLine {
        revisions = List.copyOf(revisions);
        operations = List.copyOf(operations);
    }

    /** The operations with an argument that could not be resolved statically (reported, never guessed). */
    public List<SchemaOperation> unresolved() {
        return operations.stream().filter(SchemaOperation::isUnresolved).toList();
    }
}
