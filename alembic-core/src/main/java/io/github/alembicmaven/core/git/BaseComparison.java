package io.github.alembicmaven.core.git;

import io.github.alembicmaven.core.Analysis;
import io.github.alembicmaven.core.check.HeadLine;
import io.github.alembicmaven.core.check.HeadPolicy;
import io.github.alembicmaven.core.check.TreeCheck;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.Severity;
import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.script.RevisionScript;
import io.github.alembicmaven.core.script.ScriptReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * The working tree compared with a base ref: the graph the merge would produce and what is wrong with it.
 *
 * <h2>Terms</h2>
 *
 * <ul>
 *   <li><b>published</b>: a revision id declared at the base ({@link BaseSnapshot}). Its {@code revision},
 *       {@code down_revision}, {@code depends_on} and {@code branch_labels} must not change and its file must not be
 *       deleted.
 *   <li><b>new</b> ({@link #added()}): declared in the working tree but not at the base; it may change freely.
 *   <li><b>union</b> ({@link #unionMap()}): the working tree's revisions plus the base's revisions whose id the working
 *       tree does not declare (for a shared id the working tree's file wins). Base-only revisions keep their display
 *       path {@code <ref>:<path>}; {@link #checkoutPath(String)} says where their file goes in the working tree.
 * </ul>
 *
 * <h2>Findings</h2> (all errors unless said otherwise)
 *
 * <ol>
 *   <li>{@code head-after-merge}: the union is split into lines of history by the head policy ({@link
 *       TreeCheck#lines}); a line that has more heads than allowed, among them both a new revision and a published
 *       one, yields one finding per new head: it does not descend from the published head(s) of its line. The
 *       finding names the first new revision(s) of that head's ancestry (the "roots": new revisions whose parents are
 *       not new), their published parent, the base head, and both fixes (re-parent the new root onto the base head,
 *       or merge and converge). A line that is over the limit in the working tree alone, with new heads only, is
 *       {@code multiple-heads} of the ordinary check, not repeated here; a base head this branch deleted is reported
 *       as deleted, not as a head to build on.
 *   <li>{@code duplicate-across-base}: an id declared on both sides, added on both (it is absent at the merge base of
 *       {@code HEAD} and the base), whose files differ (blob ids, line endings ignored). Without a merge base (shallow
 *       history) an id in a file at another path than at the base counts as added on both sides.
 *   <li>{@code published-revision-changed}: a published revision whose {@code down_revision}, {@code depends_on} or
 *       {@code branch_labels} differ (compared as sets: order and repetition do not matter to Alembic's graph), one
 *       finding per field; or whose file (same path) now declares another id and the old id is gone.
 *       {@code published-revision-deleted}: a published id no working-tree file declares any more, among those the
 *       branch had: declared at the merge base (without one: still named by a working-tree revision). A revision the
 *       base added after the fork is not deleted, only not merged yet.
 *   <li>integrity errors of the union graph that the working tree's graph does not have (a branch label declared on
 *       both sides, a missing parent or a cycle that only the merge creates) are reported with their own codes.
 *   <li>a base file that cannot be read is a warning (its revision is left out of the comparison): the base's own
 *       problems are not this branch's.
 * </ol>
 */
public final class BaseComparison {
    private final Analysis working;
    private final BaseSnapshot base;
    private final RevisionMap baseMap;
    private final RevisionMap unionMap;
    private final List<RevisionScript> unionScripts;
    private final List<String> published;
    private final List<String> added;
    private final List<String> baseOnly;
    private final List<String> deleted;
    private final List<Diagnostic> findings;
    private final Map<String, BaseFile> baseFileById;

    private BaseComparison(Analysis working, BaseSnapshot base, HeadPolicy policy) {
        this.working = working;
        this.base = base;
        List<RevisionScript> baseScripts = base.scripts();
        this.baseMap = RevisionMap.build(baseScripts);
        Map<Path, BaseFile> byDisplay = new HashMap<>();
        for (BaseFile f : base.files()) {
            byDisplay.put(f.displayPath(), f);
        }
        this.baseFileById = new HashMap<>();
        for (Revision r : baseMap.revisions()) {
            baseFileById.put(r.id(), byDisplay.get(r.script().path()));
        }
        List<RevisionScript> workingScripts = working.scripts();
        Set<String> workingIds = new LinkedHashSet<>();
        for (RevisionScript s : workingScripts) {
            workingIds.add(s.revision());
        }
        this.unionScripts = new ArrayList<>();
        for (RevisionScript s : baseScripts) {
            if (!workingIds.contains(s.revision())) {
                unionScripts.add(s);
            }
        }
        unionScripts.addAll(workingScripts);
        this.unionMap = RevisionMap.build(unionScripts);
        this.published = new ArrayList<>();
        this.added = new ArrayList<>();
        for (String id : workingIds) {
            (baseFileById.containsKey(id) ? published : added).add(id);
        }
        this.baseOnly = new ArrayList<>();
        for (Revision r : baseMap.revisions()) {
            if (!workingIds.contains(r.id())) {
                baseOnly.add(r.id());
            }
        }
        this.deleted = new ArrayList<>();
        BaseMessages messages = new BaseMessages(base, working.basedir());
        List<Diagnostic> out = new ArrayList<>();
        List<Diagnostic> deletions = new ArrayList<>();
        deletedIds(messages, deletions); // first: a deleted base head is no head the branch must build on
        unreadableAtBase(messages, out);
        headsAfterMerge(policy, messages, out);
        sharedIds(messages, out);
        out.addAll(deletions);
        unionOnlyErrors(out);
        this.findings = List.copyOf(out);
    }

    /**
     * Compares the working tree with the base.
     *
     * @param working the working tree's analysis (configured)
     * @param base the base ref's files ({@link BaseRefReader#read})
     * @param policy the head policy of the check (independent branches and the heads allowed per line)
     * @return the comparison
     */
    public static BaseComparison compare(Analysis working, BaseSnapshot base, HeadPolicy policy) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(policy, "policy");
        if (!working.configured()) {
            throw new IllegalArgumentException("no Alembic configuration: nothing to compare");
        }
        return new BaseComparison(working, base, policy);
    }

    /** The base as read. */
    public BaseSnapshot base() {
        return base;
    }

    /** The ref as given ({@code origin/main}). */
    public String ref() {
        return base.ref();
    }

    /** The commit the ref resolved to (40 hex digits). */
    public String commitId() {
        return base.commitId();
    }

    /** The base's graph. */
    public RevisionMap baseMap() {
        return baseMap;
    }

    /**
     * The graph of base ∪ working tree: what the tree looks like after merging the base. {@code ConvergePlanner.plan}
     * on it plans the merge revision over both sides' heads (see {@link #checkoutPath(String)} for its directory).
     */
    public RevisionMap unionMap() {
        return unionMap;
    }

    /** The union's revision files: base-only ones (base load order), then the working tree's (its load order). */
    public List<RevisionScript> unionScripts() {
        return List.copyOf(unionScripts);
    }

    /** Alembic's heads of the base, load order. */
    public List<String> baseHeads() {
        return baseMap.heads();
    }

    /** Alembic's heads of the working tree, load order. */
    public List<String> workingHeads() {
        return working.map().heads();
    }

    /** Alembic's heads of the union, load order. */
    public List<String> unionHeads() {
        return unionMap.heads();
    }

    /** Working-tree revisions that are published (their id is declared at the base), working-tree load order. */
    public List<String> published() {
        return List.copyOf(published);
    }

    /** Working-tree revisions that are new (not declared at the base), working-tree load order. */
    public List<String> added() {
        return List.copyOf(added);
    }

    /** Base revisions that no working-tree file declares (added on the base since the fork, or deleted here). */
    public List<String> baseOnly() {
        return List.copyOf(baseOnly);
    }

    /**
     * Published revisions this branch deleted (or whose file now declares another id): the subjects of
     * {@code published-revision-deleted} and of the id form of {@code published-revision-changed}.
     */
    public List<String> deleted() {
        return List.copyOf(deleted);
    }

    /** Every finding, in the order of the class comment's list. */
    public List<Diagnostic> findings() {
        return findings;
    }

    /**
     * Integrity findings of the working tree's own graph that the union does not have: a parent or dependency that
     * only the base declares (a new revision already re-parented onto the base head before the base was merged). An
     * adapter that checks against the base may leave these out of the working tree's errors, since the merge resolves
     * them.
     */
    public List<Diagnostic> resolvedByBase() {
        Set<String> union = new HashSet<>();
        for (Diagnostic d : unionMap.diagnostics()) {
            union.add(key(d));
        }
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : working.map().diagnostics()) {
            if (d.isError() && !union.contains(key(d))) {
                out.add(d);
            }
        }
        return out;
    }

    private static String key(Diagnostic d) {
        return d.code() + "\n" + d.message();
    }

    /** Whether any finding is an error (warnings are files of the base that could not be read). */
    public boolean hasErrors() {
        return findings.stream().anyMatch(Diagnostic::isError);
    }

    /**
     * Where the file of a union revision is, or will be after the merge, in the working tree: the working-tree file,
     * or the repository root plus the base file's path for a base-only revision. {@code ConvergePlanner} puts a merge
     * next to its first parent's file, so a caller planning on {@link #unionMap()} whose first parent is base-only
     * passes this directory as {@code versionPath}.
     *
     * @param revision a revision id of the union
     * @return the absolute path, or empty for an id the union does not declare
     */
    public Optional<Path> checkoutPath(String revision) {
        Optional<Revision> w = working.map().get(revision);
        if (w.isPresent()) {
            return Optional.of(w.get().script().path());
        }
        return Optional.ofNullable(baseFileById.get(revision)).map(BaseFile::checkoutPath);
    }

    // --- findings --------------------------------------------------------------------------------------------------

    private void unreadableAtBase(BaseMessages messages, List<Diagnostic> out) {
        for (ScriptReadResult r : base.reads()) {
            for (Diagnostic d : r.diagnostics()) {
                if (d.isError()) {
                    out.add(messages.unreadable(d));
                }
            }
        }
    }

    private void headsAfterMerge(HeadPolicy policy, BaseMessages messages, List<Diagnostic> out) {
        Set<String> newIds = new HashSet<>(added);
        for (HeadLine line : TreeCheck.lines(unionMap, policy)) {
            if (!line.violated()) {
                continue;
            }
            List<String> newHeads = new ArrayList<>();
            List<String> baseHeads = new ArrayList<>();
            for (String h : new LinkedHashSet<>(line.heads())) {
                if (newIds.contains(h)) {
                    newHeads.add(h);
                } else if (baseFileById.containsKey(h) && !deleted.contains(h)) {
                    baseHeads.add(h);
                }
            }
            if (newHeads.isEmpty() || baseHeads.isEmpty()) {
                continue;
            }
            for (String head : newHeads) {
                List<RevisionScript> roots = new ArrayList<>();
                Set<String> ancestry = unionMap.ancestors(head);
                for (Revision r : unionMap.revisions()) {
                    if (ancestry.contains(r.id()) && newIds.contains(r.id())
                            && r.downRevisions().stream().noneMatch(newIds::contains)) {
                        roots.add(r.script());
                    }
                }
                out.add(messages.headAfterMerge(head, roots, baseHeads, line, unionMap, baseFileById));
            }
        }
    }

    private void sharedIds(BaseMessages messages, List<Diagnostic> out) {
        for (String id : published) {
            RevisionScript mine = working.map().get(id).orElseThrow().script();
            RevisionScript theirs = baseMap.get(id).orElseThrow().script();
            BaseFile file = baseFileById.get(id);
            boolean addedOnBoth = base.mergeBaseRevisions() != null
                    ? !base.mergeBaseRevisions().contains(id)
                    : !file.checkoutPath().equals(realPath(mine.path()));
            if (addedOnBoth) {
                if (!sameContent(mine.path(), file.blobId())) {
                    out.add(messages.duplicate(mine, theirs, referrers(id)));
                }
                continue;
            }
            compare(messages, out, mine, theirs, "down_revision", mine.downRevisions(), theirs.downRevisions(),
                    mine.downRevisionLine());
            compare(messages, out, mine, theirs, "branch_labels", mine.branchLabels(), theirs.branchLabels(),
                    mine.branchLabelsLine());
            compare(messages, out, mine, theirs, "depends_on", mine.dependsOn(), theirs.dependsOn(),
                    mine.dependsOnLine());
        }
    }

    private static void compare(BaseMessages messages, List<Diagnostic> out, RevisionScript mine,
            RevisionScript theirs, String field, List<String> now, List<String> then, int line) {
        if (!new HashSet<>(now).equals(new HashSet<>(then))) {
            out.add(messages.changed(mine, theirs, field, then, now, line));
        }
    }

    /** New working-tree revisions that name {@code id} in down_revision or depends_on. */
    private List<String> referrers(String id) {
        List<String> out = new ArrayList<>();
        for (String n : added) {
            RevisionScript s = working.map().get(n).orElseThrow().script();
            if (s.downRevisions().contains(id) || s.dependsOn().contains(id)) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * Base revisions missing from the working tree that this branch removed: with a merge base, those declared there
     * (the others were added on the base after the fork: the branch is merely behind); without one, those a
     * working-tree revision still names in down_revision or depends_on, or whose file now declares another id.
     */
    private void deletedIds(BaseMessages messages, List<Diagnostic> out) {
        Map<Path, ScriptReadResult> workingByPath = new HashMap<>();
        for (ScriptReadResult r : working.reads()) {
            workingByPath.put(realPath(r.path()), r);
        }
        Set<String> named = new HashSet<>();
        for (RevisionScript s : working.scripts()) {
            named.addAll(s.downRevisions());
            named.addAll(s.dependsOn());
        }
        for (String id : baseOnly) {
            BaseFile file = baseFileById.get(id);
            ScriptReadResult now = workingByPath.get(file.checkoutPath());
            boolean removed = base.mergeBaseRevisions() != null
                    ? base.mergeBaseRevisions().contains(id)
                    : now != null || named.contains(id);
            if (!removed) {
                continue;
            }
            deleted.add(id);
            RevisionScript theirs = baseMap.get(id).orElseThrow().script();
            if (now == null) {
                out.add(messages.deleted(theirs, file));
            } else if (now.script() != null) {
                out.add(messages.idChanged(now.script(), theirs));
            } // else: the file no longer reads; its own error says why
        }
    }

    private void unionOnlyErrors(List<Diagnostic> out) {
        Set<String> known = new HashSet<>();
        for (Diagnostic d : working.map().diagnostics()) {
            known.add(key(d));
        }
        for (Diagnostic d : unionMap.diagnostics()) {
            if (d.severity() == Severity.ERROR && !known.contains(key(d))) {
                out.add(d);
            }
        }
    }

    /** Whether the working-tree file has the blob's content (also with CRLF turned into LF, as autocrlf checks out). */
    private static boolean sameContent(Path file, String blobId) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return false;
        }
        try (ObjectInserter.Formatter f = new ObjectInserter.Formatter()) {
            if (f.idFor(Constants.OBJ_BLOB, bytes).name().equals(blobId)) {
                return true;
            }
            byte[] lf = lf(bytes);
            return lf.length != bytes.length && f.idFor(Constants.OBJ_BLOB, lf).name().equals(blobId);
        }
    }

    private static byte[] lf(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        int n = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\r' || i + 1 >= bytes.length || bytes[i + 1] != '\n') {
                out[n++] = bytes[i];
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
