package io.github.alembicmaven.core.graph;

import io.github.alembicmaven.core.config.PythonText;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.script.RevisionScript;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Alembic's RevisionMap ({@code revision.py _revision_map}), built statically. All id lists are in load order, as
 * Alembic's tuples are.
 *
 * <p>Where Alembic stops at the first problem (a {@code KeyError}, a {@code RevisionError}), this map records every
 * problem as a {@link Diagnostic}, drops the broken edge and goes on, so that one missing parent does not hide a cycle.
 * A duplicated revision id is an error here (Alembic only warns), but the graph is still built exactly as Alembic
 * builds it: the later file wins the id, the earlier one stays a (stale) head.
 */
public final class RevisionMap {
    private static final Comparator<String> PYTHON_ORDER = PythonText.CODE_POINT_ORDER;
    private static final int[] NO_INDICES = new int[0];

    /** Every file's revision in load order, stale duplicates included (Alembic's {@code all_revisions}). */
    private final List<Revision> all;
    /** id → winning revision, in order of first appearance (Alembic's OrderedDict keeps the first key position). */
    private final Map<String, Revision> byId;
    /** branch label → declaring revision (the first declarer in load order). */
    private final Map<String, Revision> byLabel;
    private final List<Diagnostic> diagnostics;
    private final Map<Diagnostic, String> alembicErrors;

    private RevisionMap(
            List<Revision> all,
            Map<String, Revision> byId,
            Map<String, Revision> byLabel,
            List<Diagnostic> diagnostics,
            Map<Diagnostic, String> alembicErrors) {
        this.all = all;
        this.byId = byId;
        this.byLabel = byLabel;
        this.diagnostics = List.copyOf(diagnostics);
        this.alembicErrors = alembicErrors;
    }

    /**
     * Builds the map from the revision files in Alembic's load order; integrity problems become {@link #diagnostics()},
     * never exceptions.
     *
     * @param scriptsInLoadOrder the files as Alembic would load them
     * @return the map
     */
    public static RevisionMap build(List<RevisionScript> scriptsInLoadOrder) {
        return new Builder(scriptsInLoadOrder).build();
    }

    /** Integrity findings of the graph (errors) and effective heads (info), in a stable order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * What Alembic itself raises or warns for a problem reported in {@link #diagnostics()}, e.g. {@code KeyError:
     * 'ffff0000dead'} or {@code Cycle is detected in revisions (a, b, c)}.
     *
     * @param diagnostic one of this map's diagnostics
     * @return Alembic's text, or empty for diagnostics this map did not produce
     */
    public Optional<String> alembicError(Diagnostic diagnostic) {
        return Optional.ofNullable(alembicErrors.get(diagnostic));
    }

    /** Every revision (the later file wins a duplicated id), in order of the id's first appearance in load order. */
    public List<Revision> revisions() {
        return List.copyOf(byId.values());
    }

    /**
     * The revision with this exact id (the winning file for a duplicated id).
     *
     * @param id a revision id (no prefix or label resolution)
     */
    public Optional<Revision> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The revision that declares a branch label (the first declarer in load order if it is declared twice).
     *
     * @param label a branch label as declared
     */
    public Optional<Revision> declaringRevision(String label) {
        return Optional.ofNullable(byLabel.get(label));
    }

    /** Alembic's {@code heads} (down_revision only; may repeat a duplicated id), load order. */
    public List<String> heads() {
        return ids(all, Revision::isHead);
    }

    /** Alembic's {@code _real_heads} (down_revision and depends_on), load order. */
    public List<String> realHeads() {
        return ids(all, Revision::isRealHead);
    }

    /** Heads that are not real heads (kept alive only by a depends_on), load order. */
    public List<String> effectiveHeads() {
        return ids(all, Revision::isEffectiveHead);
    }

    /** Alembic's {@code bases}: revisions without down_revision, load order (may repeat a duplicated id). */
    public List<String> bases() {
        return ids(all, Revision::isBase);
    }

    /** Alembic's {@code _real_bases}: neither down_revision nor depends_on, load order. */
    public List<String> realBases() {
        return ids(all, Revision::isRealBase);
    }

    /** Revisions with more than one child via down_revision ({@code is_branch_point}). */
    public List<String> branchPoints() {
        return ids(byId.values(), Revision::isBranchPoint);
    }

    /** Revisions with more than one down_revision ({@code is_merge_point}). */
    public List<String> mergePoints() {
        return ids(byId.values(), Revision::isMergePoint);
    }

    private static List<String> ids(Collection<Revision> revisions, java.util.function.Predicate<Revision> which) {
        List<String> out = new ArrayList<>();
        for (Revision r : revisions) {
            if (which.test(r)) {
                out.add(r.id());
            }
        }
        return out;
    }

    /**
     * Ancestors of {@code id} via down_revision, including {@code id}; broken links are skipped.
     *
     * @param id a revision id
     * @return the ancestors, or an empty set for an unknown id
     */
    public Set<String> ancestors(String id) {
        Set<String> seen = new LinkedHashSet<>();
        Revision start = byId.get(id);
        if (start == null) {
            return seen;
        }
        Deque<Revision> todo = new ArrayDeque<>();
        todo.push(start);
        seen.add(start.id());
        while (!todo.isEmpty()) {
            Revision r = todo.pop();
            for (String down : r.downRevisions()) {
                Revision p = byId.get(down);
                if (p != null && seen.add(down)) {
                    todo.push(p);
                }
            }
        }
        return seen;
    }

    /**
     * The lowest common ancestors (via down_revision) of {@code heads}: revisions that are ancestors of every given
     * head (a head counts as its own ancestor) and have no child that is one too.
     *
     * @param heads revision ids; unknown ids make the result empty
     * @return the fork points in load order; empty if the heads share no ancestor
     */
    public List<String> forkPoints(Collection<String> heads) {
        Set<String> common = null;
        for (String h : new LinkedHashSet<>(heads)) {
            Set<String> anc = ancestors(h);
            if (common == null) {
                common = new HashSet<>(anc);
            } else {
                common.retainAll(anc);
            }
            if (common.isEmpty()) {
                return List.of();
            }
        }
        if (common == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Revision r : byId.values()) {
            if (!common.contains(r.id())) {
                continue;
            }
            boolean lowest = true;
            for (String child : r.nextRevisions) {
                if (common.contains(child)) {
                    lowest = false;
                    break;
                }
            }
            if (lowest) {
                out.add(r.id());
            }
        }
        return out;
    }


    // ---------------------------------------------------------------------------------------------------------------

    private static final class Builder {
        private final List<Revision> all;
        private final Map<String, Revision> byId;
        private final Map<String, Revision> byLabel = new HashMap<>();
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final Map<Diagnostic, String> alembicErrors = new IdentityHashMap<>();

        Builder(List<RevisionScript> scripts) {
            all = new ArrayList<>(scripts.size());
            byId = new LinkedHashMap<>(scripts.size() * 4 / 3 + 16); // presized: no rehashing while registering ids
            for (RevisionScript s : scripts) {
                all.add(new Revision(s, all.size()));
            }
        }

        RevisionMap build() {
            registerIds();
            checkSelfLoops();
            registerLabels();
            resolveDependencies();
            linkChildren();
            detectCycles();
            Labels.propagate(all, winner, downIdx, nextLinks, allNextLinks);
            reportEffectiveHeads();
            return new RevisionMap(all, byId, byLabel, diagnostics, alembicErrors);
        }

        private void add(Diagnostic d, String alembicText) {
            diagnostics.add(d);
            if (alembicText != null) {
                alembicErrors.put(d, alembicText);
            }
        }

        private void registerIds() {
            int n = all.size();
            winner = new int[n];
            List<Revision> displaced = null;
            for (Revision r : all) {
                winner[r.loadIndex] = r.loadIndex;
                Revision earlier = byId.put(r.id(), r);
                if (earlier != null) {
                    if (displaced == null) {
                        displaced = new ArrayList<>();
                    }
                    displaced.add(earlier);
                    RevisionScript s = r.script();
                    add(
                            Diagnostic.error(
                                    DiagnosticCode.DUPLICATE_REVISION,
                                    s.path(),
                                    s.revisionLine(),
                                    "revision id " + r.id() + " is also declared by " + fileName(earlier)
                                            + "; Alembic keeps only the file loaded last and leaves the other one as a"
                                            + " stale extra head.",
                                    "give one of the two files a new revision id (and update the down_revision that"
                                            + " should point at it); a merge does not fix a duplicated id."),
                            "Revision " + r.id() + " is present more than once");
                }
            }
            if (displaced != null) {
                for (Revision r : displaced) {
                    winner[r.loadIndex] = byId.get(r.id()).loadIndex;
                }
            }
            // every down_revision entry resolved once: the winner's load index, -1 for a missing id
            downIdx = new int[n][];
            for (Revision r : all) {
                List<String> downs = r.script().downRevisions();
                int size = downs.size();
                if (size == 0) {
                    downIdx[r.loadIndex] = NO_INDICES;
                    continue;
                }
                int[] out = new int[size];
                for (int k = 0; k < size; k++) {
                    Revision target = byId.get(downs.get(k));
                    out[k] = target == null ? -1 : target.loadIndex;
                }
                downIdx[r.loadIndex] = out;
            }
        }

        private void checkSelfLoops() {
            for (Revision r : all) {
                RevisionScript s = r.script();
                if (contains(downIdx[r.loadIndex], winner[r.loadIndex])) { // down_revision names r's own id
                    add(
                            Diagnostic.error(
                                    DiagnosticCode.SELF_LOOP,
                                    s.path(),
                                    s.downRevisionLine(),
                                    "revision " + r.id() + " names itself in down_revision " + tupleText(s.downRevisions())
                                            + ".",
                                    "set down_revision to the revision(s) this one builds on, not its own id."),
                            "Self-loop is detected in revisions (" + r.id() + ")");
                }
                if (s.dependsOn().contains(r.id())) {
                    add(
                            Diagnostic.error(
                                    DiagnosticCode.DEPENDENCY_SELF_LOOP,
                                    s.path(),
                                    s.dependsOnLine(),
                                    "revision " + r.id() + " names itself in depends_on " + tupleText(s.dependsOn()) + ".",
                                    "remove " + r.id() + " from its own depends_on."),
                            "Dependency self-loop is detected in revisions (" + r.id() + ")");
                }
            }
        }

        /** {@code _map_branch_labels}, in load order (Alembic iterates a set, so its choice is arbitrary). */
        private void registerLabels() {
            for (Revision r : all) {
                RevisionScript s = r.script();
                for (String label : s.branchLabels()) {
                    Revision owner = byId.get(label);
                    boolean isId = owner != null;
                    if (owner == null) {
                        owner = byLabel.get(label);
                    }
                    if (owner == null) {
                        byLabel.put(label, r);
                        continue;
                    }
                    String alembic = "Branch name '" + label + "' in revision " + r.id() + " already used by revision "
                            + owner.id();
                    if (isId) {
                        add(
                                Diagnostic.error(
                                        DiagnosticCode.BRANCH_LABEL_IS_REVISION,
                                        s.path(),
                                        s.branchLabelsLine(),
                                        "branch label '" + label + "' of revision " + r.id()
                                                + " is also a revision id (" + fileName(owner)
                                                + "); labels share the namespace of revision ids.",
                                        "rename the branch label '" + label + "' to a name that is no revision id."),
                                alembic);
                    } else {
                        String where = owner == r ? "twice by the same revision" : "already by revision " + owner.id()
                                + " (" + fileName(owner) + ")";
                        add(
                                Diagnostic.error(
                                        DiagnosticCode.DUPLICATE_BRANCH_LABEL,
                                        s.path(),
                                        s.branchLabelsLine(),
                                        "branch label '" + label + "' of revision " + r.id() + " is declared " + where
                                                + ".",
                                        "rename the branch label in one of the revisions; a label may be declared by"
                                                + " one revision only (its descendants inherit it)."),
                                alembic);
                    }
                }
            }
        }

        /** {@code _add_depends_on}: exact id, else the revision declaring the label. */
        private void resolveDependencies() {
            for (Revision r : all) {
                RevisionScript s = r.script();
                if (s.dependsOn().isEmpty()) {
                    continue;
                }
                List<String> resolved = new ArrayList<>(s.dependsOn().size());
                int[] resolvedIdx = new int[s.dependsOn().size()];
                for (String dep : s.dependsOn()) {
                    Revision target = byId.get(dep);
                    if (target == null) {
                        target = byLabel.get(dep);
                    }
                    if (target != null) {
                        resolvedIdx[resolved.size()] = winner[target.loadIndex];
                        resolved.add(target.id());
                        continue;
                    }
                    add(
                            Diagnostic.error(
                                    DiagnosticCode.MISSING_DEPENDENCY,
                                    s.path(),
                                    s.dependsOnLine(),
                                    "depends_on '" + dep + "' of revision " + r.id()
                                            + " names neither a revision file nor a branch label" + prefixHint(dep)
                                            + ".",
                                    "point depends_on at an existing revision id or branch label (exact, not a"
                                            + " prefix), or restore the missing file."),
                            "KeyError: " + pyRepr(dep));
                }
                r.resolvedDependencies = List.copyOf(resolved);
                if (!resolved.isEmpty()) {
                    if (depIdx == null) {
                        depIdx = new int[all.size()][];
                    }
                    depIdx[r.loadIndex] = java.util.Arrays.copyOf(resolvedIdx, resolved.size());
                }
            }
        }

        /**
         * The {@code for rev in map_.values()} loop: children, heads and real heads. Alembic only walks the revisions
         * reachable from its map (the winner of each id, plus a stale duplicate that a branch label points at); a
         * missing parent is reported for every file since Alembic fails on it either here or in its cycle check.
         */
        private void linkChildren() {
            int n = all.size();
            boolean[] processed = new boolean[n];
            for (int i = 0; i < n; i++) {
                processed[i] = winner[i] == i; // in byId.values()
            }
            for (Revision r : byLabel.values()) {
                processed[r.loadIndex] = true;
            }
            downLinks = new int[n][];
            allDownLinks = new int[n][];
            nextLinks = new int[n][];
            allNextLinks = new int[n][];
            int[] nextCount = new int[n];
            int[] allNextCount = new int[n];
            for (Revision r : all) {
                int i = r.loadIndex;
                int[] downs = downIdx[i];
                for (int k = 0; k < downs.length; k++) {
                    if (downs[k] < 0) {
                        List<String> names = r.script().downRevisions();
                        String down = names.get(k);
                        if (names.indexOf(down) == k) {
                            reportMissingParent(r, down);
                        }
                    }
                }
                int[] versioned = versionedDownLinks(i);
                downLinks[i] = versioned;
                int[] deps = depIdx == null ? null : depIdx[i];
                int[] allDowns = deps == null ? versioned : allDownLinks(i, deps);
                allDownLinks[i] = allDowns;
                if (!processed[i]) {
                    continue;
                }
                // the existing entries of _all_down_revisions; a repeated parent only repeats an idempotent add
                int[] order = allDowns;
                String id = r.id();
                int w = winner[i];
                for (int t : order) {
                    boolean viaDown = contains(downs, t);
                    Revision target = all.get(t);
                    int allBefore = target.allNextRevisions.size();
                    int nextBefore = target.nextRevisions.size();
                    target.addChild(id, viaDown);
                    if (target.allNextRevisions.size() != allBefore) {
                        append(allNextLinks, allNextCount, t, w);
                    }
                    if (target.nextRevisions.size() != nextBefore) {
                        append(nextLinks, nextCount, t, w);
                    }
                }
            }
            for (int t = 0; t < n; t++) {
                nextLinks[t] = trim(nextLinks[t], nextCount[t]);
                allNextLinks[t] = trim(allNextLinks[t], allNextCount[t]);
            }
        }

        private static boolean contains(int[] values, int v) {
            for (int x : values) {
                if (x == v) {
                    return true;
                }
            }
            return false;
        }

        private static void append(int[][] lists, int[] counts, int at, int value) {
            int[] list = lists[at];
            int c = counts[at];
            if (list == null) {
                list = new int[2];
                lists[at] = list;
            } else if (c == list.length) {
                list = java.util.Arrays.copyOf(list, c * 2);
                lists[at] = list;
            }
            list[c] = value;
            counts[at] = c + 1;
        }

        private static int[] trim(int[] list, int count) {
            if (count == 0) {
                return NO_INDICES;
            }
            return list.length == count ? list : java.util.Arrays.copyOf(list, count);
        }

        /** {@code resolveExisting(versionedDownRevisions(r))}: existing parents, self-references out, duplicates kept. */
        private int[] versionedDownLinks(int i) {
            int[] downs = downIdx[i];
            int self = winner[i];
            int k = 0;
            for (int d : downs) {
                if (d >= 0 && d != self) {
                    k++;
                }
            }
            if (k == downs.length) {
                return downs;
            }
            if (k == 0) {
                return NO_INDICES;
            }
            int[] out = new int[k];
            k = 0;
            for (int d : downs) {
                if (d >= 0 && d != self) {
                    out[k++] = d;
                }
            }
            return out;
        }

        /**
         * {@code resolveExisting(allDownRevisions(r))}: down_revision then the resolved dependencies, each existing id
         * once; its own id is left out only when written as such in down_revision or depends_on (a depends_on on its
         * own branch label stays, as in Alembic).
         */
        private int[] allDownLinks(int i, int[] deps) {
            int[] downs = downIdx[i];
            Revision r = all.get(i);
            boolean dropSelf = contains(downs, winner[i]) || r.script().dependsOn().contains(r.id());
            int self = dropSelf ? winner[i] : -1;
            int[] out = new int[downs.length + deps.length];
            int k = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (int d : pass == 0 ? downs : deps) {
                    if (d < 0 || d == self) {
                        continue;
                    }
                    boolean seen = false;
                    for (int j = 0; j < k; j++) {
                        if (out[j] == d) {
                            seen = true;
                            break;
                        }
                    }
                    if (!seen) {
                        out[k++] = d;
                    }
                }
            }
            return k == out.length ? out : k == 0 ? NO_INDICES : java.util.Arrays.copyOf(out, k);
        }

        private void reportMissingParent(Revision r, String down) {
            RevisionScript s = r.script();
            String why;
            Revision labelled = byLabel.get(down);
            if (labelled != null) {
                why = " names branch label '" + down + "' (declared by " + labelled.id()
                        + "), but down_revision must be an exact revision id";
            } else {
                why = " names no revision file" + prefixHint(down);
            }
            add(
                    Diagnostic.error(
                            DiagnosticCode.MISSING_PARENT,
                            s.path(),
                            s.downRevisionLine(),
                            "down_revision '" + down + "' of revision " + r.id() + why + ".",
                            "point down_revision at an existing revision id (exact id, not a prefix or branch label),"
                                    + " or restore the missing file."),
                    "KeyError: " + pyRepr(down));
        }

        private String prefixHint(String value) {
            if (value.length() < 1) {
                return "";
            }
            List<String> matches = new ArrayList<>();
            for (String id : byId.keySet()) {
                if (id.length() > value.length() && id.startsWith(value)) {
                    matches.add(id);
                    if (matches.size() > 3) {
                        break;
                    }
                }
            }
            if (matches.isEmpty()) {
                return "";
            }
            return " ('" + value + "' is only a prefix of " + String.join(", ", matches.subList(0, Math.min(3,
                    matches.size()))) + (matches.size() > 3 ? ", ..." : "")
                    + "; Alembic does not resolve prefixes inside revision files)";
        }

        /** {@code _all_down_revisions} minus self-references (Alembic never builds a self-looping revision). */
        private List<String> allDownRevisions(Revision r) {
            RevisionScript s = r.script();
            List<String> downs = s.downRevisions();
            boolean self = downs.contains(r.id()) || s.dependsOn().contains(r.id());
            if (r.resolvedDependencies.isEmpty() && !self && downs.size() < 2) {
                return downs;
            }
            LinkedHashSet<String> out = new LinkedHashSet<>(downs);
            out.addAll(r.resolvedDependencies);
            if (self) {
                out.remove(r.id());
            }
            return new ArrayList<>(out);
        }

        private List<String> versionedDownRevisions(Revision r) {
            List<String> downs = r.script().downRevisions();
            if (downs.contains(r.id())) {
                List<String> out = new ArrayList<>(downs);
                out.removeIf(r.id()::equals);
                return out;
            }
            return downs;
        }

        // --- _detect_cycles ------------------------------------------------------------------------------------

        /** Resolved links per load index: parents via down_revision / all, children via nextrev / _all_nextrev. */
        private int[][] downLinks;
        private int[][] allDownLinks;
        private int[][] nextLinks;
        private int[][] allNextLinks;
        /** Per load index: the load index of the winning revision of the same id ({@code byId.get(r.id())}). */
        private int[] winner;
        /** Per load index: each down_revision entry as the winner's load index, -1 when missing. */
        private int[][] downIdx;
        /** Per load index: the resolved dependencies as winners' load indices; null when none (or no revision has any). */
        private int[][] depIdx;

        private void detectCycles() {
            if (byId.isEmpty()) {
                return;
            }
            Set<String> cycle = detect(false, Set.of());
            detect(true, cycle);
        }

        /**
         * One pass of {@code _detect_cycles} on the graph without broken links. Heads and bases are those of that
         * graph, so a revision whose only parent is missing counts as a base here.
         */
        private Set<String> detect(boolean dependencies, Set<String> alreadyReported) {
            int[][] downs = dependencies ? allDownLinks : downLinks;
            int[][] nexts = dependencies ? allNextLinks : nextLinks;
            int n = all.size();
            int[] heads = new int[n];
            int[] bases = new int[n];
            int headCount = 0;
            int baseCount = 0;
            for (int i = 0; i < n; i++) {
                // nexts[i] holds one entry per child id: empty exactly when r.isRealHead() / r.isHead()
                if (nexts[i].length == 0) {
                    heads[headCount++] = i;
                }
                if (downs[i].length == 0) {
                    bases[baseCount++] = i;
                }
            }
            List<String> members;
            if (headCount == 0 || baseCount == 0) {
                members = new ArrayList<>(byId.keySet());
            } else {
                boolean[] up = walk(heads, headCount, flatten(downs));
                boolean[] down = walk(bases, baseCount, flatten(nexts));
                members = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (winner[i] == i && !(up[i] && down[i])) {
                        members.add(all.get(i).id());
                    }
                }
                members.sort(PYTHON_ORDER); // ids are unique: the order does not depend on the scan order
            }
            if (members.isEmpty() || alreadyReported.containsAll(members)) {
                return Set.copyOf(members);
            }
            reportCycle(members, dependencies);
            return Set.copyOf(members);
        }

        /**
         * Alembic's {@code _iterate_related_revisions}: every object is visited once; the result marks the ids seen,
         * by the load index of the id's winning revision.
         */
        /**
         * The links as one compressed-row array: {@code [0..n]} are the offsets of each load index's targets, which
         * follow from {@code n + 1} on (one compact block instead of {@code n} small arrays spread over the heap).
         */
        private static int[] flatten(int[][] links) {
            int n = links.length;
            int size = n + 1;
            for (int[] l : links) {
                size += l.length;
            }
            int[] flat = new int[size];
            int at = n + 1;
            for (int i = 0; i < n; i++) {
                flat[i] = at;
                int[] l = links[i];
                System.arraycopy(l, 0, flat, at, l.length);
                at += l.length;
            }
            flat[n] = at;
            return flat;
        }

        private boolean[] walk(int[] starts, int startCount, int[] links) {
            int n = all.size();
            boolean[] visited = new boolean[n];
            boolean[] ids = new boolean[n];
            int[] stack = new int[Math.max(16, startCount)];
            for (int si = 0; si < startCount; si++) {
                int top = 0;
                stack[top++] = starts[si];
                while (top > 0) {
                    int r = stack[--top];
                    if (visited[r]) {
                        continue;
                    }
                    visited[r] = true;
                    ids[winner[r]] = true;
                    int from = links[r];
                    int to = links[r + 1];
                    if (top + to - from > stack.length) {
                        stack = java.util.Arrays.copyOf(stack, Math.max(stack.length * 2, top + to - from));
                    }
                    for (int k = from; k < to; k++) {
                        int x = links[k];
                        if (!visited[x]) {
                            stack[top++] = x;
                        }
                    }
                }
            }
            return ids;
        }

        private List<String> resolvedDowns(Revision r, boolean dependencies) {
            List<String> downs = dependencies ? allDownRevisions(r) : versionedDownRevisions(r);
            if (downs.size() == 1 && byId.containsKey(downs.get(0))) {
                return downs;
            }
            List<String> out = new ArrayList<>(downs.size());
            for (String d : downs) {
                if (byId.containsKey(d)) {
                    out.add(d);
                }
            }
            return out;
        }

        private void reportCycle(List<String> members, boolean dependencies) {
            Set<String> memberSet = new HashSet<>(members);
            List<String> path = null;
            Revision at = null;
            for (Revision r : byId.values()) {
                if (memberSet.contains(r.id())) {
                    path = cyclePath(r, memberSet, dependencies);
                    if (path != null) {
                        at = r;
                        break;
                    }
                }
            }
            String kind = dependencies ? "Dependency cycle" : "Cycle";
            String alembic = kind + " is detected in revisions (" + String.join(", ", members) + ")";
            String via = dependencies ? "down_revision and depends_on" : "down_revision";
            String message = "revisions " + String.join(", ", members) + " cannot be reached from both a base and a"
                    + " head through " + via + (path == null ? "." : ": " + String.join(" -> ", path) + " is a cycle.");
            String fix = "break the cycle: one of the " + via + " links"
                    + (path == null ? "" : " (" + String.join(" -> ", path) + ")")
                    + " must point at an older revision.";
            if (at == null) {
                at = byId.get(members.get(0));
            }
            RevisionScript s = at.script();
            int line = dependencies && !s.dependsOn().isEmpty() ? s.dependsOnLine() : s.downRevisionLine();
            add(
                    Diagnostic.error(
                            dependencies ? DiagnosticCode.DEPENDENCY_CYCLE : DiagnosticCode.CYCLE,
                            s.path(),
                            line,
                            message,
                            fix),
                    alembic);
        }

        /** A path {@code start -> parent -> ... -> start} inside {@code members}, or null if start is on no cycle. */
        private List<String> cyclePath(Revision start, Set<String> members, boolean dependencies) {
            Map<String, String> via = new HashMap<>();
            Deque<String> queue = new ArrayDeque<>();
            queue.add(start.id());
            via.put(start.id(), null);
            while (!queue.isEmpty()) {
                String cur = queue.poll();
                for (String p : resolvedDowns(byId.get(cur), dependencies)) {
                    if (!members.contains(p)) {
                        continue;
                    }
                    if (p.equals(start.id())) {
                        List<String> path = new ArrayList<>();
                        for (String x = cur; x != null; x = via.get(x)) {
                            path.add(x);
                        }
                        Collections.reverse(path);
                        path.add(start.id());
                        return path;
                    }
                    if (!via.containsKey(p)) {
                        via.put(p, cur);
                        queue.add(p);
                    }
                }
            }
            return null;
        }

        private void reportEffectiveHeads() {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < all.size(); i++) {
                // isEffectiveHead(): no child via down_revision, some via depends_on
                if (nextLinks[i].length != 0 || allNextLinks[i].length == 0) {
                    continue;
                }
                Revision r = all.get(i);
                if (!seen.add(r.id())) {
                    continue;
                }
                RevisionScript s = r.script();
                diagnostics.add(Diagnostic.info(
                        DiagnosticCode.EFFECTIVE_HEAD,
                        s.path(),
                        s.revisionLine(),
                        "revision " + r.id() + " is an effective head: no revision names it in down_revision, only in"
                                + " depends_on (" + String.join(", ", r.allNextRevisions)
                                + "); 'alembic upgrade head' counts it as a head, 'alembic merge heads' leaves it"
                                + " out."));
            }
        }

        private static String fileName(Revision r) {
            Path name = r.script().path().getFileName();
            return name == null ? r.script().path().toString() : name.toString();
        }

        private static String tupleText(List<String> values) {
            if (values.size() == 1) {
                return pyRepr(values.get(0));
            }
            List<String> parts = new ArrayList<>();
            for (String v : values) {
                parts.add(pyRepr(v));
            }
            return "(" + String.join(", ", parts) + ")";
        }
    }

    /** Python's {@code repr()} of a str (enough for ids and labels). */
    static String pyRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == quote) {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(quote).toString();
    }

    /** Labels propagation, {@code _add_branches}. */
    static final class Labels {
        private Labels() {}

        /**
         * Alembic gives every down_revision-descendant of a labelled revision R (R included) R's labels; then, from the
         * last node of that walk, it walks down single down_revision links while the node is neither a real branch
         * point nor a merge point. That second walk only leaves R's subtree when the subtree is a plain chain of such
         * nodes (otherwise it stops inside the subtree, whatever the visiting order), so: labels(n) = labels declared
         * on n's ancestors (descendant rule) ∪ labels carried down from labelled revisions whose subtree is such a
         * chain, along that same walk. Linear in the graph size; sets are shared along chains.
         *
         * @param all every revision, stale duplicates included, {@code loadIndex} = position
         * @param winner per load index, the load index of the winner of the same id
         * @param downIdx per load index, each down_revision entry as the winner's load index, -1 when missing
         * @param next children via nextrev (load indices), per load index
         * @param allNext children via _all_nextrev (load indices, one per child id), per load index
         */
        static void propagate(
                List<Revision> all, int[] winner, int[][] downIdx, int[][] next, int[][] allNext) {
            int n = all.size();
            @SuppressWarnings("unchecked")
            SortedSet<String>[] declared = new SortedSet[n];
            for (Revision r : all) {
                declared[r.loadIndex] = declared(r);
            }
            SortedSet<String>[] down = descendantLabels(all, winner, declared, next);
            @SuppressWarnings("unchecked")
            SortedSet<String>[] incoming = new SortedSet[n];
            byte[] chainMemo = new byte[n];
            // walkCondition(r) per load index: not a real branch point (allNext has one entry per child id, as
            // _all_nextrev) and not a merge point (more than one down_revision entry)
            boolean[] walkable = new boolean[n];
            for (int i = 0; i < n; i++) {
                walkable[i] = allNext[i].length <= 1 && downIdx[i].length <= 1;
            }
            for (Revision r : all) {
                if (!declared[r.loadIndex].isEmpty() && chainOk(r.loadIndex, walkable, next, chainMemo)) {
                    incoming[r.loadIndex] = union(incoming[r.loadIndex], down[r.loadIndex]);
                }
            }
            // walk successor: next(n) = winner of n's single down_revision, when n passes the walk's condition
            int[] walkNext = new int[n];
            int[] indegree = new int[n];
            for (int i = 0; i < n; i++) {
                int w = walkable[i] ? walkNext(i, winner, downIdx) : -1;
                walkNext[i] = w;
                if (w >= 0) {
                    indegree[w]++;
                }
            }
            int[] queue = new int[n];
            int head = 0;
            int tail = 0;
            for (int i = 0; i < n; i++) {
                if (indegree[i] == 0) {
                    queue[tail++] = i;
                }
            }
            while (head < tail) {
                int i = queue[head++];
                SortedSet<String> acc = walkable[i] ? incoming[i] : null;
                incoming[i] = acc;
                int w = walkNext[i];
                if (w >= 0) {
                    if (acc != null && !acc.isEmpty()) {
                        incoming[w] = union(incoming[w], acc);
                    }
                    if (--indegree[w] == 0) {
                        queue[tail++] = w;
                    }
                }
            }
            for (Revision r : all) {
                int i = r.loadIndex;
                SortedSet<String> labels = down[i];
                r.branchLabels = incoming[i] == null ? labels : union(labels, incoming[i]);
            }
        }

        /** Union of the labels declared on each revision and on its nextrev-ancestors (the descendant rule). */
        private static SortedSet<String>[] descendantLabels(
                List<Revision> all, int[] winner, SortedSet<String>[] declared, int[][] next) {
            int n = all.size();
            @SuppressWarnings("unchecked")
            SortedSet<String>[] labels = new SortedSet[n];
            @SuppressWarnings("unchecked")
            SortedSet<String>[] inherited = new SortedSet[n];
            int[] indegree = new int[n];
            int[] order = new int[n]; // the winners (byId.values()); the result does not depend on their order
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (winner[i] != i) {
                    continue;
                }
                order[count++] = i;
                for (int child : next[i]) {
                    indegree[child]++;
                }
            }
            int[] queue = new int[n];
            int head = 0;
            int tail = 0;
            for (int k = 0; k < count; k++) {
                if (indegree[order[k]] == 0) {
                    queue[tail++] = order[k];
                }
            }
            while (head < tail) {
                int i = queue[head++];
                SortedSet<String> mine = union(inherited[i], declared[i]);
                labels[i] = mine;
                for (int child : next[i]) {
                    if (!mine.isEmpty()) {
                        inherited[child] = union(inherited[child], mine);
                    }
                    if (--indegree[child] == 0) {
                        queue[tail++] = child;
                    }
                }
            }
            // revisions on or above a cycle (Alembic accepts a cycle that is reachable from a base and a head):
            // the union over every nextrev-ancestor, by a worklist; a set only grows, at most once per label
            Deque<Integer> work = new ArrayDeque<>();
            for (int k = 0; k < count; k++) {
                int i = order[k];
                if (labels[i] == null) {
                    labels[i] = union(inherited[i], declared[i]);
                    work.add(i);
                }
            }
            while (!work.isEmpty()) {
                int i = work.poll();
                SortedSet<String> mine = labels[i];
                if (mine.isEmpty()) {
                    continue;
                }
                for (int child : next[i]) {
                    SortedSet<String> before = labels[child];
                    SortedSet<String> after = union(before, mine);
                    if (after != before && after.size() != before.size()) {
                        labels[child] = after;
                        work.add(child);
                    }
                }
            }
            // stale duplicates: their own labels (no revision links to a stale file)
            for (Revision r : all) {
                if (labels[r.loadIndex] == null) {
                    labels[r.loadIndex] = union(inherited[r.loadIndex], declared[r.loadIndex]);
                }
            }
            return labels;
        }

        private static SortedSet<String> declared(Revision r) {
            List<String> own = r.script().branchLabels();
            return own.isEmpty() ? Revision.NO_LABELS : Collections.unmodifiableSortedSet(new TreeSet<>(own));
        }

        /** The winner of a walkable revision's single down_revision, or -1 (none, several, missing, itself). */
        private static int walkNext(int i, int[] winner, int[][] downIdx) {
            int[] downs = downIdx[i];
            if (downs.length != 1) {
                return -1;
            }
            int d = downs[0];
            return d == winner[i] ? -1 : d;
        }

        /** The walk from the subtree's last node passes {@code r}: its subtree is a chain of walkable nodes. */
        private static boolean chainOk(int r, boolean[] walkable, int[][] next, byte[] memo) {
            final byte yes = 1;
            final byte no = 2;
            final byte visiting = 3;
            int[] path = new int[8];
            int len = 0;
            int cur = r;
            boolean ok;
            while (true) {
                byte known = memo[cur];
                if (known == yes || known == no) {
                    ok = known == yes;
                    break;
                }
                if (known == visiting || !walkable[cur]) {
                    ok = false;
                    break;
                }
                memo[cur] = visiting;
                if (len == path.length) {
                    path = java.util.Arrays.copyOf(path, len * 2);
                }
                path[len++] = cur;
                int[] children = next[cur];
                if (children.length == 0) {
                    ok = true;
                    break;
                }
                cur = children[0];
            }
            for (int k = 0; k < len; k++) {
                memo[path[k]] = ok ? yes : no;
            }
            return ok;
        }

        static SortedSet<String> union(SortedSet<String> a, SortedSet<String> b) {
            if (a == null) {
                return b == null ? Revision.NO_LABELS : b;
            }
            if (b == null || b.isEmpty() || a == b) {
                return a;
            }
            if (a.isEmpty()) {
                return b;
            }
            if (a.size() >= b.size() && a.containsAll(b)) {
                return a;
            }
            if (b.containsAll(a)) {
                return b;
            }
            TreeSet<String> out = new TreeSet<>(a);
            out.addAll(b);
            return Collections.unmodifiableSortedSet(out);
        }
    }
}
