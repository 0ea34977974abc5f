package io.github.alembicmaven.core.conflict;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.script.SchemaOperation;
import io.github.alembicmaven.core.script.UpgradeOperationReader;
import io.github.alembicmaven.core.script.UpgradeOperations;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares the {@code upgrade()} operations of the lines of history that end in a set of heads (see the package
 * documentation for the rules).
 *
 * <p>For each pair of heads, the operations compared are those of the revisions that are ancestors of one head but
 * not of the other (ancestry through down_revision and depends_on: a revision the other head depends on runs before
 * it, so it is not parallel work). A revision reachable from both heads is shared and never compared. Each version
 * file is read once per analysis.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ConflictAnalyzer {

    private final UpgradeOperationReader reader;
    private final java.util.function.Function<Path, java.util.Optional<byte[]>> source;

    /** @param constants values for names that cannot be resolved statically ({@code -Dalembic.constants}) */
    public ConflictAnalyzer(Map<String, String> constants) {
        this(new UpgradeOperationReader(constants));
    }

    public ConflictAnalyzer(UpgradeOperationReader reader) {
        this(reader, p -> java.util.Optional.empty());
    }

    private ConflictAnalyzer(UpgradeOperationReader reader,
            java.util.function.Function<Path, java.util.Optional<byte[]>> source) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * This analyzer, reading a revision file's bytes from {@code source} when it has them (the files of a base ref,
     * by their display path {@code <ref>:<path>}), else from disk.
     */
    public ConflictAnalyzer withSource(java.util.function.Function<Path, java.util.Optional<byte[]>> source) {
        return new ConflictAnalyzer(reader, source);
    }

    /**
     * Compares the heads of each line of history under {@code policy} that has two or more heads ({@code check}
     * and the enforcer rule: the heads that one merge would join).
     *
     * @return one analysis per such line, in {@link io.github.alembicmaven.core.check.TreeCheck#lines} order
     */
    public List<ConflictAnalysis> analyzeLines(RevisionMap map, io.github.alembicmaven.core.check.HeadPolicy policy) {
        List<ConflictAnalysis> out = new ArrayList<>();
        for (io.github.alembicmaven.core.check.HeadLine line
                : io.github.alembicmaven.core.check.TreeCheck.lines(map, policy)) {
            if (line.heads().size() >= 2) {
                out.add(analyze(map, line.heads()));
            }
        }
        return out;
    }

    /** Compares the lines of all heads of the map (Alembic's heads, load order, each once). */
    public ConflictAnalysis analyze(RevisionMap map) {
        return analyze(map, map.heads());
    }

    /**
     * Compares the lines that end in {@code heads}.
     *
     * @param map the revision graph
     * @param heads revision ids (usually heads of one line of history, as the head policy groups them); duplicates
     *     are ignored, the order given is the order of the report
     * @throws IllegalArgumentException for an id that is not in the map
     */
    public ConflictAnalysis analyze(RevisionMap map, Collection<String> heads) {
        List<String> selected = List.copyOf(new LinkedHashSet<>(heads));
        Map<String, List<String>> order = new HashMap<>();
        Map<String, Set<String>> ancestors = new HashMap<>();
        for (String h : selected) {
            if (map.get(h).isEmpty()) {
                throw new IllegalArgumentException("not a revision of the map: " + h);
            }
            List<String> upgradeOrder = upgradeOrder(map, h);
            order.put(h, upgradeOrder);
            ancestors.put(h, new HashSet<>(upgradeOrder));
        }
        Set<String> common = null;
        for (String h : selected) {
            if (common == null) {
                common = new HashSet<>(ancestors.get(h));
            } else {
                common.retainAll(ancestors.get(h));
            }
        }
        OperationCache files = new OperationCache(map);
        List<BranchLine> lines = new ArrayList<>();
        for (String h : selected) {
            List<String> revisions = without(order.get(h), common);
            lines.add(new BranchLine(h, revisions, files.operations(revisions)));
        }
        List<ConflictFinding> findings = new ArrayList<>();
        Set<FindingKey> seen = new HashSet<>();
        for (int i = 0; i < selected.size(); i++) {
            for (int j = i + 1; j < selected.size(); j++) {
                String a = selected.get(i);
                String b = selected.get(j);
                List<SchemaOperation> left = files.operations(without(order.get(a), ancestors.get(b)));
                List<SchemaOperation> right = files.operations(without(order.get(b), ancestors.get(a)));
                for (ConflictFinding f : ConflictRules.compare(a, left, b, right)) {
                    if (seen.add(new FindingKey(f.rule(), f.left(), f.right()))) {
                        findings.add(f);
                    }
                }
            }
        }
        findings.sort(Comparator.comparing(ConflictFinding::severity)); // stable: pair and line order within
        List<String> forkPoints = selected.size() < 2 ? List.of() : map.forkPoints(selected);
        return new ConflictAnalysis(selected, forkPoints, lines, findings, files.diagnostics());
    }

    /** A finding's identity across head pairs: the same two operations (by identity) under the same rule. */
    private record FindingKey(ConflictRule rule, SchemaOperation left, SchemaOperation right) {
        @Override
        public boolean equals(Object o) {
            return o instanceof FindingKey k && k.rule == rule && k.left == left && k.right == right;
        }

        @Override
        public int hashCode() {
            return rule.hashCode() * 31 + System.identityHashCode(left) * 17 + System.identityHashCode(right);
        }
    }

    private static List<String> without(List<String> ids, Set<String> excluded) {
        return ids.stream().filter(id -> !excluded.contains(id)).toList();
    }

    /**
     * {@code head} and all its ancestors through down_revision and depends_on, each after all of its own ancestors
     * (parents visited in the order written): the order {@code alembic upgrade} could run them in.
     */
    static List<String> upgradeOrder(RevisionMap map, String head) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        seen.add(head);
        stack.push(new Object[] {head, parents(map, head), 0});
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            @SuppressWarnings("unchecked")
            List<String> parents = (List<String>) top[1];
            int next = (Integer) top[2];
            if (next < parents.size()) {
                top[2] = next + 1;
                String parent = parents.get(next);
                if (map.get(parent).isPresent() && seen.add(parent)) {
                    stack.push(new Object[] {parent, parents(map, parent), 0});
                }
            } else {
                stack.pop();
                out.add((String) top[0]);
            }
        }
        return out;
    }

    private static List<String> parents(RevisionMap map, String id) {
        Revision r = map.get(id).orElseThrow();
        List<String> ups = new ArrayList<>(r.downRevisions());
        ups.addAll(r.resolvedDependencies());
        return ups;
    }

    /** Reads each revision's file once. */
    private final class OperationCache {
        private final RevisionMap map;
        private final Map<String, UpgradeOperations> read = new HashMap<>();
        private final Set<Diagnostic> diagnostics = new LinkedHashSet<>();

        OperationCache(RevisionMap map) {
            this.map = map;
        }

        List<SchemaOperation> operations(List<String> revisions) {
            List<SchemaOperation> out = new ArrayList<>();
            for (String id : revisions) {
                UpgradeOperations ops = read.computeIfAbsent(id, k -> {
                    Path path = map.get(k).orElseThrow().script().path();
                    java.util.Optional<byte[]> bytes = source.apply(path);
                    UpgradeOperations r = bytes.isPresent() ? reader.read(path, bytes.get()) : reader.read(path);
                    diagnostics.addAll(r.diagnostics());
                    return r;
                });
                out.addAll(ops.operations());
            }
            return out;
        }

        List<Diagnostic> diagnostics() {
            return List.copyOf(diagnostics);
        }
    }
}
