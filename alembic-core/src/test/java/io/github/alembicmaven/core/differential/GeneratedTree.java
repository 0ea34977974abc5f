package io.github.alembicmaven.core.differential;

import java.nio.file.Path;

/**
 * One generated migration tree.
 *
 * @param index position in the run
 * @param seed the tree's own seed ({@link RandomTreeGenerator#generate} with it rebuilds the same bytes)
 * @param dir the tree directory (holds {@code alembic.ini})
 * @param fault the injected fault, {@link Fault#NONE} for a valid tree
 * @param description human-readable shape: revisions, bases, merges, labels, locations, the fault
 * @param revisionFiles number of revision files written (decoys not counted)
 */
public record GeneratedTree(int index, long seed, Path dir, Fault fault, String description, int revisionFiles) {}
