package io.github.alembicmaven.core.graph;

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
    private static final Comparator<String> PYTHON_ORDER = RevisionMap::compareCodePoints;
    private static final Revision[] NO_REVISIONS = new Revision[0];

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

    /** Python's {@code sorted()} order for str: by code point. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
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
            indexLinks();
            detectCycles();
            Labels.propagate(all, byId, nextLinks);
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
            for (Revision r : all) {
                Revision earlier = byId.put(r.id(), r);
                if (earlier != null) {
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
        }

        private void checkSelfLoops() {
            for (Revision r : all) {
                RevisionScript s = r.script();
                if (s.downRevisions().contains(r.id())) {
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
                for (String dep : s.dependsOn()) {
                    Revision target = byId.get(dep);
                    if (target == null) {
                        target = byLabel.get(dep);
                    }
                    if (target != null) {
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
            }
        }

        /**
         * The {@code for rev in map_.values()} loop: children, heads and real heads. Alembic only walks the revisions
         * reachable from its map (the winner of each id, plus a stale duplicate that a branch label points at); a
         * missing parent is reported for every file since Alembic fails on it either here or in its cycle check.
         */
        private void linkChildren() {
            boolean[] processed = new boolean[all.size()];
            for (Revision r : byId.values()) {
                processed[r.loadIndex] = true;
            }
            for (Revision r : byLabel.values()) {
                processed[r.loadIndex] = true;
            }
            for (Revision r : all) {
                RevisionScript s = r.script();
                List<String> downs = s.downRevisions();
                for (int i = 0; i < downs.size(); i++) {
                    String down = downs.get(i);
                    if (!byId.containsKey(down) && downs.indexOf(down) == i) {
                        reportMissingParent(r, down);
                    }
                }
                if (!processed[r.loadIndex]) {
                    continue;
                }
                for (String down : allDownRevisions(r)) {
                    Revision target = byId.get(down);
                    if (target == null) {
                        continue;
                    }
                    target.addChild(r.id(), downs.contains(down));
                }
            }
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
        private Revision[][] downLinks;
        private Revision[][] allDownLinks;
        private Revision[][] nextLinks;
        private Revision[][] allNextLinks;
        /** Per load index: the load index of the winning revision of the same id ({@code byId.get(r.id())}). */
        private int[] winner;

        private void indexLinks() {
            int n = all.size();
            downLinks = new Revision[n][];
            allDownLinks = new Revision[n][];
            nextLinks = new Revision[n][];
            allNextLinks = new Revision[n][];
            winner = new int[n];
            for (Revision r : all) {
                int i = r.loadIndex;
                Revision w = byId.get(r.id());
                winner[i] = w == null ? i : w.loadIndex;
                downLinks[i] = resolveExisting(versionedDownRevisions(r));
                allDownLinks[i] = r.resolvedDependencies.isEmpty() ? downLinks[i]
                        : resolveExisting(allDownRevisions(r));
                nextLinks[i] = resolve(r.nextRevisions);
                allNextLinks[i] = r.allNextRevisions.size() == r.nextRevisions.size()
                        ? nextLinks[i]
                        : resolve(r.allNextRevisions);
            }
        }

        /**
         * {@code resolve(resolvedDowns(...))} with one lookup per id: the ids found in {@code byId}, in order,
         * duplicates kept.
         */
        private Revision[] resolveExisting(List<String> ids) {
            int size = ids.size();
            if (size == 0) {
                return NO_REVISIONS;
            }
            if (size == 1) {
                Revision only = byId.get(ids.get(0));
                return only == null ? NO_REVISIONS : new Revision[] {only};
            }
            Revision[] out = new Revision[size];
            int k = 0;
            for (String id : ids) {
                Revision target = byId.get(id);
                if (target != null) {
                    out[k++] = target;
                }
            }
            return k == size ? out : k == 0 ? NO_REVISIONS : java.util.Arrays.copyOf(out, k);
        }

        private Revision[] resolve(Collection<String> ids) {
            if (ids.isEmpty()) {
                return NO_REVISIONS;
            }
            Revision[] out = new Revision[ids.size()];
            int k = 0;
            for (String id : ids) {
                out[k++] = byId.get(id);
            }
            return out;
        }

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
            Revision[][] downs = dependencies ? allDownLinks : downLinks;
            Revision[][] nexts = dependencies ? allNextLinks : nextLinks;
            List<Revision> heads = new ArrayList<>();
            List<Revision> bases = new ArrayList<>();
            for (Revision r : all) {
                if (dependencies ? r.isRealHead() : r.isHead()) {
                    heads.add(r);
                }
                if (downs[r.loadIndex].length == 0) {
                    bases.add(r);
                }
            }
            List<String> members;
            if (heads.isEmpty() || bases.isEmpty()) {
                members = new ArrayList<>(byId.keySet());
            } else {
                boolean[] up = walk(heads, downs);
                boolean[] down = walk(bases, nexts);
                members = new ArrayList<>();
                for (Revision r : byId.values()) {
                    if (!(up[r.loadIndex] && down[r.loadIndex])) {
                        members.add(r.id());
                    }
                }
                members.sort(PYTHON_ORDER);
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
        private boolean[] walk(List<Revision> starts, Revision[][] links) {
            boolean[] visited = new boolean[all.size()];
            boolean[] ids = new boolean[all.size()];
            Deque<Revision> todo = new ArrayDeque<>();
            for (Revision s : starts) {
                todo.push(s);
                while (!todo.isEmpty()) {
                    Revision r = todo.pop();
                    if (visited[r.loadIndex]) {
                        continue;
                    }
                    visited[r.loadIndex] = true;
                    ids[winner[r.loadIndex]] = true;
                    for (Revision n : links[r.loadIndex]) {
                        if (!visited[n.loadIndex]) {
                            todo.push(n);
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
            for (Revision r : all) {
                if (!r.isEffectiveHead() || !seen.add(r.id())) {
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
         * @param next children via nextrev, per load index
         */
        static void propagate(List<Revision> all, Map<String, Revision> byId, Revision[][] next) {
            int n = all.size();
            SortedSet<String>[] down = descendantLabels(all, byId, next);
            @SuppressWarnings("unchecked")
            SortedSet<String>[] incoming = new SortedSet[n];
            byte[] chainMemo = new byte[n];
            for (Revision r : all) {
                if (!r.script().branchLabels().isEmpty() && chainOk(r, next, chainMemo)) {
                    incoming[r.loadIndex] = union(incoming[r.loadIndex], down[r.loadIndex]);
                }
            }
            // walk successor: next(n) = winner of n's single down_revision, when n passes the walk's condition
            Revision[] walkNext = new Revision[n];
            int[] indegree = new int[n];
            for (Revision r : all) {
                Revision w = walkNext(r, byId);
                walkNext[r.loadIndex] = w;
                if (w != null) {
                    indegree[w.loadIndex]++;
                }
            }
            Deque<Revision> queue = new ArrayDeque<>();
            for (Revision r : all) {
                if (indegree[r.loadIndex] == 0) {
                    queue.add(r);
                }
            }
            while (!queue.isEmpty()) {
                Revision r = queue.poll();
                int i = r.loadIndex;
                SortedSet<String> acc = walkCondition(r) ? incoming[i] : null;
                incoming[i] = acc;
                Revision w = walkNext[i];
                if (w != null) {
                    if (acc != null && !acc.isEmpty()) {
                        incoming[w.loadIndex] = union(incoming[w.loadIndex], acc);
                    }
                    if (--indegree[w.loadIndex] == 0) {
                        queue.add(w);
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
                List<Revision> all, Map<String, Revision> byId, Revision[][] next) {
            int n = all.size();
            @SuppressWarnings("unchecked")
            SortedSet<String>[] labels = new SortedSet[n];
            @SuppressWarnings("unchecked")
            SortedSet<String>[] inherited = new SortedSet[n];
            int[] indegree = new int[n];
            for (Revision r : byId.values()) {
                for (Revision child : next[r.loadIndex]) {
                    indegree[child.loadIndex]++;
                }
            }
            Deque<Revision> queue = new ArrayDeque<>();
            for (Revision r : byId.values()) {
                if (indegree[r.loadIndex] == 0) {
                    queue.add(r);
                }
            }
            while (!queue.isEmpty()) {
                Revision r = queue.poll();
                SortedSet<String> mine = union(inherited[r.loadIndex], declared(r));
                labels[r.loadIndex] = mine;
                for (Revision child : next[r.loadIndex]) {
                    if (!mine.isEmpty()) {
                        inherited[child.loadIndex] = union(inherited[child.loadIndex], mine);
                    }
                    if (--indegree[child.loadIndex] == 0) {
                        queue.add(child);
                    }
                }
            }
            // revisions on or above a cycle (Alembic accepts a cycle that is reachable from a base and a head):
            // the union over every nextrev-ancestor, by a worklist; a set only grows, at most once per label
            Deque<Revision> work = new ArrayDeque<>();
            for (Revision r : byId.values()) {
                if (labels[r.loadIndex] == null) {
                    labels[r.loadIndex] = union(inherited[r.loadIndex], declared(r));
                    work.add(r);
                }
            }
            while (!work.isEmpty()) {
                Revision r = work.poll();
                SortedSet<String> mine = labels[r.loadIndex];
                if (mine.isEmpty()) {
                    continue;
                }
                for (Revision child : next[r.loadIndex]) {
                    SortedSet<String> before = labels[child.loadIndex];
                    SortedSet<String> after = union(before, mine);
                    if (after != before && after.size() != before.size()) {
                        labels[child.loadIndex] = after;
                        work.add(child);
                    }
                }
            }
            // stale duplicates: their own labels (no revision links to a stale file)
            for (Revision r : all) {
                if (labels[r.loadIndex] == null) {
                    labels[r.loadIndex] = union(inherited[r.loadIndex], declared(r));
                }
            }
            return labels;
        }

        private static SortedSet<String> declared(Revision r) {
            List<String> own = r.script().branchLabels();
            return own.isEmpty() ? Revision.NO_LABELS : Collections.unmodifiableSortedSet(new TreeSet<>(own));
        }

        /** Neither {@code _is_real_branch_point} nor {@code is_merge_point}. */
        private static boolean walkCondition(Revision r) {
            return !r.isRealBranchPoint() && !r.isMergePoint();
        }

        private static Revision walkNext(Revision r, Map<String, Revision> byId) {
            if (!walkCondition(r) || r.downRevisions().size() != 1) {
                return null;
            }
            String down = r.downRevisions().get(0);
            return down.equals(r.id()) ? null : byId.get(down);
        }

        /** The walk from the subtree's last node passes {@code r}: its subtree is a chain of walkable nodes. */
        private static boolean chainOk(Revision r, Revision[][] next, byte[] memo) {
            final byte yes = 1;
            final byte no = 2;
            final byte visiting = 3;
            List<Revision> path = new ArrayList<>();
            Revision cur = r;
            boolean ok;
            while (true) {
                byte known = memo[cur.loadIndex];
                if (known == yes || known == no) {
                    ok = known == yes;
                    break;
                }
                if (known == visiting || !walkCondition(cur)) {
                    ok = false;
                    break;
                }
                memo[cur.loadIndex] = visiting;
                path.add(cur);
                Revision[] children = next[cur.loadIndex];
                if (children.length == 0) {
                    ok = true;
                    break;
                }
                cur = children[0];
            }
            for (Revision p : path) {
                memo[p.loadIndex] = ok ? yes : no;
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
