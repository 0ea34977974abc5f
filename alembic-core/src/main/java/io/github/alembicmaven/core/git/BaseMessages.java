package io.github.alembicmaven.core.git;

import io.github.alembicmaven.core.ProjectPaths;
import io.github.alembicmaven.core.check.HeadLine;
import io.github.alembicmaven.core.config.PythonText;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.script.RevisionScript;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The texts of {@link BaseComparison}'s findings: what is wrong, why it matters, and the exact fix. */
final class BaseMessages {
    private final BaseSnapshot base;
    private final Path basedir;
    private final String ref;

    BaseMessages(BaseSnapshot base, Path basedir) {
        this.base = base;
        this.basedir = basedir;
        this.ref = base.ref();
    }

    Diagnostic headAfterMerge(String head, List<RevisionScript> roots, List<String> baseHeads, HeadLine line,
            RevisionMap union, Map<String, BaseFile> baseFiles) {
        String target = line.branchLabel() == null ? "head" : line.branchLabel() + "@head";
        String onLine = line.branchLabel() == null ? "" : " (branch '" + line.branchLabel() + "')";
        StringBuilder m = new StringBuilder()
                .append("New revision ").append(q(head)).append(" does not descend from ").append(ids(baseHeads))
                .append(", the head").append(baseHeads.size() == 1 ? "" : "s").append(" of ").append(ref)
                .append(onLine).append(": after merging, the migration graph has ").append(line.heads().size())
                .append(" heads (").append(String.join(", ", line.heads())).append(") and 'alembic upgrade ")
                .append(target).append("' fails.");
        List<String> parents = new ArrayList<>();
        for (RevisionScript root : roots) {
            m.append(root.revision().equals(head) ? " It" : " The new line starts at " + q(root.revision()) + ", which")
                    .append(" is new (only on this branch: ").append(shown(root.path())).append(") and has ");
            if (root.downRevisions().isEmpty()) {
                m.append("down_revision = None (a new base).");
            } else {
                m.append("down_revision = ").append(tuple(root.downRevisions())).append(", ")
                        .append(publishedOrNot(root.downRevisions(), baseFiles)).append('.');
            }
            for (String p : root.downRevisions()) {
                if (!parents.contains(p)) {
                    parents.add(p);
                }
            }
        }
        for (String h : baseHeads) {
            BaseFile f = baseFiles.get(h);
            Set<String> below = union.ancestors(h);
            m.append(' ').append(ref).append(" has ").append(q(h)).append(" (").append(shown(f.displayPath()))
                    .append(')');
            if (!parents.isEmpty() && below.containsAll(parents)) {
                m.append(" on top of ").append(ids(parents));
            }
            m.append('.');
        }
        List<String> files = new ArrayList<>();
        List<String> rootIds = new ArrayList<>();
        for (RevisionScript root : roots) {
            files.add(shown(root.path()));
            rootIds.add(q(root.revision()));
        }
        List<String> mergeParents = new ArrayList<>(baseHeads);
        mergeParents.add(head);
        String fix = "re-parent the new, unpublished revision onto " + ref + "'s head: bring in " + ref + " (git"
                + " rebase " + ref + ", or git merge " + ref + ") and set down_revision = " + tuple(baseHeads) + " in "
                + String.join(" and ", files) + " (safe while " + String.join(", ", rootIds)
                + " exists on no shared branch or database); or merge " + ref + " into this branch and run"
                + " 'mvn alembic:converge', which writes a merge revision over " + String.join(", ", mergeParents) + ".";
        RevisionScript at = roots.isEmpty() ? union.get(head).map(Revision::script).orElseThrow() : roots.get(0);
        return Diagnostic.error(DiagnosticCode.HEAD_AFTER_MERGE, at.path(), at.downRevisionLine(), m.toString(), fix);
    }

    private String publishedOrNot(List<String> ids, Map<String, BaseFile> baseFiles) {
        List<String> published = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            (baseFiles.containsKey(id) ? published : unknown).add(id);
        }
        StringBuilder sb = new StringBuilder();
        if (!published.isEmpty()) {
            sb.append(published.size() == 1 ? "which is" : "of which " + ids(published) + " are")
                    .append(" published (present at ").append(ref).append(')');
        }
        if (!unknown.isEmpty()) {
            sb.append(sb.length() == 0 ? "" : "; ").append(ids(unknown)).append(unknown.size() == 1 ? " is" : " are")
                    .append(" not at ").append(ref);
        }
        return sb.toString();
    }

    Diagnostic duplicate(RevisionScript mine, RevisionScript theirs, List<String> referrers) {
        String message = "Revision id " + q(mine.revision()) + " was added both on this branch ("
                + shown(mine.path()) + ") and on " + ref + " (" + shown(theirs.path()) + "), with different content:"
                + " after merging, two files declare " + q(mine.revision()) + " and Alembic loads only one of them."
                + " The one at " + ref + " is published; the one here is new.";
        String fix = "give the new revision here another id: set revision = '<new id>' in " + shown(mine.path())
                + " (and its file name)"
                + (referrers.isEmpty() ? "" : ", and replace " + q(mine.revision()) + " in the down_revision or"
                        + " depends_on of " + ids(referrers))
                + "; the published one at " + ref + " keeps its id.";
        return Diagnostic.error(DiagnosticCode.DUPLICATE_ACROSS_BASE, mine.path(), mine.revisionLine(), message, fix);
    }

    Diagnostic changed(RevisionScript mine, RevisionScript theirs, String field, List<String> then, List<String> now,
            int line) {
        String message = "Published revision changed: " + field + " of " + q(mine.revision()) + " is "
                + tuple(then) + " at " + ref + " (" + shown(theirs.path()) + ") but " + tuple(now) + " in "
                + shown(mine.path()) + ". " + q(mine.revision()) + " is published (present at " + ref + "): other"
                + " branches and databases may already have it, and rewriting its history forks or breaks their"
                + " upgrade path. Only revisions new on this branch may be edited.";
        String fix = "restore " + field + " = " + tuple(then) + " in " + shown(mine.path()) + "; to change the"
                + " history, add a new revision (or run 'mvn alembic:converge' for a merge) instead of editing a"
                + " published one.";
        return Diagnostic.error(DiagnosticCode.PUBLISHED_REVISION_CHANGED, mine.path(), line, message, fix);
    }

    Diagnostic idChanged(RevisionScript mine, RevisionScript theirs) {
        String message = "Published revision changed: revision of " + shown(mine.path()) + " is "
                + q(theirs.revision()) + " at " + ref + " (" + shown(theirs.path()) + ") but " + q(mine.revision())
                + " now, and no file declares " + q(theirs.revision()) + " any more. " + q(theirs.revision())
                + " is published (present at " + ref + "): databases that ran it record it in alembic_version and"
                + " can no longer upgrade.";
        String fix = "restore revision = " + q(theirs.revision()) + " in " + shown(mine.path()) + " and put the new"
                + " revision " + q(mine.revision()) + " in a new file.";
        return Diagnostic.error(DiagnosticCode.PUBLISHED_REVISION_CHANGED, mine.path(), mine.revisionLine(), message,
                fix);
    }

    Diagnostic deleted(RevisionScript theirs, BaseFile file) {
        String restore = ProjectPaths.relative(basedir, file.checkoutPath());
        String message = "Published revision " + q(theirs.revision()) + " (" + shown(file.displayPath()) + ") was"
                + " deleted on this branch. " + q(theirs.revision()) + " is published (present at " + ref + "):"
                + " databases that ran it record it in alembic_version, and 'alembic upgrade' fails there with"
                + " \"Can't locate revision identified by " + q(theirs.revision()) + "\".";
        String fix = "restore it: git checkout " + ref + " -- " + restore;
        return Diagnostic.error(DiagnosticCode.PUBLISHED_REVISION_DELETED, file.displayPath(), 0, message, fix);
    }

    Diagnostic unreadable(Diagnostic d) {
        return Diagnostic.warning(d.code(), d.path(), d.line(), "At " + ref + " (" + base.shortCommitId() + "): "
                + d.message() + "; this file is left out of the comparison with " + ref + ".", d.fix());
    }

    private String shown(Path p) {
        return p.isAbsolute() ? ProjectPaths.relative(basedir, p) : p.toString().replace(File.separatorChar, '/');
    }

    private static String q(String id) {
        return PythonText.repr(id);
    }

    private static String ids(List<String> ids) {
        List<String> quoted = new ArrayList<>();
        for (String id : ids) {
            quoted.add(q(id));
        }
        return String.join(", ", quoted);
    }

    /** A declared tuple as one would write it: {@code None}, {@code 'a'} or {@code ('a', 'b')}. */
    static String tuple(List<String> values) {
        if (values.isEmpty()) {
            return "None";
        }
        return values.size() == 1 ? q(values.get(0)) : "(" + ids(values) + ")";
    }
}
