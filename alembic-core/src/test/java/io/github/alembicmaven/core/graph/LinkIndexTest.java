package io.github.alembicmaven.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.script.RevisionScript;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Graphs where an id and its load index are easy to confuse (duplicated ids, a stale file that declares a label,
 * self-references by id and by label, repeated parents, missing ids): every observable result, pinned to what the
 * map gave before its links were indexed by load position.
 */
class LinkIndexTest {

    static Revs dup(Revs revs, String file, String id, List<String> downs, List<String> labels, List<String> deps) {
        return revs.script(new RevisionScript(
                Revs.BASE.resolve("migrations/versions/" + file + ".py"), id, 7, downs, 8, labels, 9, deps, 10, null));
    }

    static Map<String, Revs> cases() {
        return Map.of(
                "staleDuplicateDeclaresLabel",
                dup(Revs.of().rev("a").rev("b", "a"), "b_old", "b", List.of("a"), List.of("lbl"), List.of())
                        .rev("c", "b")
                        .dep("d", List.of("lbl"), "c"),
                "dependsOnOwnLabelAndRepeatedParent",
                Revs.of().rev("a").rev("b", "a", "a").full("c", List.of("b"), List.of("own"), List.of("own", "b"), null)
                        .rev("d", "c"),
                "selfByIdAndMissing",
                Revs.of().rev("a").full("b", List.of("a", "b", "zz"), List.of("x"), List.of("b", "a", "nope"), null)
                        .rev("c", "b").dep("e", List.of("x"), "a"),
                "duplicateWinnerLaterWithChildren",
                dup(Revs.of().rev("a").rev("m", "a"), "m2", "m", List.of("a"), List.of(), List.of("a"))
                        .rev("n1", "m").rev("n2", "m").rev("z", "n1", "n2").labelled("q", List.of("top"), "z"),
                "cycleWithLabels",
                Revs.of().labelled("a", List.of("root")).rev("b", "a", "d").rev("c", "b").rev("d", "c").rev("h", "d"));
    }

    static String fingerprint(RevisionMap map) {
        StringBuilder sb = new StringBuilder();
        for (Revision r : map.revisions()) {
            sb.append(r.id()).append(" next=").append(r.nextRevisions()).append(" all=").append(r.allNextRevisions())
                    .append(" deps=").append(r.resolvedDependencies()).append(" labels=").append(r.branchLabels())
                    .append('\n');
        }
        sb.append("heads=").append(map.heads()).append(" real=").append(map.realHeads()).append(" effective=")
                .append(map.effectiveHeads()).append(" bases=").append(map.bases()).append(" realBases=")
                .append(map.realBases()).append(" branchPoints=").append(map.branchPoints()).append(" merges=")
                .append(map.mergePoints()).append('\n');
        for (Diagnostic d : map.diagnostics()) {
            sb.append(d.code()).append(' ').append(d.path().getFileName()).append(':').append(d.line()).append(' ')
                    .append(d.message()).append(" | ").append(map.alembicError(d).orElse("-")).append('\n');
        }
        return sb.toString();
    }

    static String all() {
        StringBuilder sb = new StringBuilder();
        for (String name : new java.util.TreeSet<>(cases().keySet())) {
            sb.append("== ").append(name).append('\n').append(fingerprint(cases().get(name).map()));
        }
        return sb.toString();
    }

    @Test
    void everyObservableResultIsPinned() {
        assertThat(all()).isEqualTo(EXPECTED);
    }

    private static final String EXPECTED = """
            == cycleWithLabels
            a next=[b] all=[b] deps=[] labels=[root]
            b next=[c] all=[c] deps=[] labels=[root]
            c next=[d] all=[d] deps=[] labels=[root]
            d next=[b, h] all=[b, h] deps=[] labels=[root]
            h next=[] all=[] deps=[] labels=[root]
            heads=[h] real=[h] effective=[] bases=[a] realBases=[a] branchPoints=[d] merges=[b]
            == dependsOnOwnLabelAndRepeatedParent
            a next=[b] all=[b] deps=[] labels=[]
            b next=[c] all=[c] deps=[] labels=[]
            c next=[d] all=[c, d] deps=[c, b] labels=[own]
            d next=[] all=[] deps=[] labels=[own]
            heads=[d] real=[d] effective=[] bases=[a] realBases=[a] branchPoints=[] merges=[b]
            == duplicateWinnerLaterWithChildren
            a next=[m] all=[m] deps=[] labels=[]
            m next=[n1, n2] all=[n1, n2] deps=[a] labels=[]
            n1 next=[z] all=[z] deps=[] labels=[]
            n2 next=[z] all=[z] deps=[] labels=[]
            z next=[q] all=[q] deps=[] labels=[]
            q next=[] all=[] deps=[] labels=[top]
            heads=[m, q] real=[m, q] effective=[] bases=[a] realBases=[a] branchPoints=[m] merges=[z]
            DUPLICATE_REVISION m2.py:7 revision id m is also declared by m.py; Alembic keeps only the file loaded last and leaves the other one as a stale extra head. | Revision m is present more than once
            == selfByIdAndMissing
            a next=[b, e] all=[b, e] deps=[] labels=[]
            b next=[c] all=[c, e] deps=[b, a] labels=[x]
            c next=[] all=[] deps=[] labels=[x]
            e next=[] all=[] deps=[b] labels=[]
            heads=[c, e] real=[c, e] effective=[] bases=[a] realBases=[a] branchPoints=[a] merges=[b]
            SELF_LOOP b.py:8 revision b names itself in down_revision ('a', 'b', 'zz'). | Self-loop is detected in revisions (b)
            DEPENDENCY_SELF_LOOP b.py:10 revision b names itself in depends_on ('b', 'a', 'nope'). | Dependency self-loop is detected in revisions (b)
            MISSING_DEPENDENCY b.py:10 depends_on 'nope' of revision b names neither a revision file nor a branch label. | KeyError: 'nope'
            MISSING_PARENT b.py:8 down_revision 'zz' of revision b names no revision file. | KeyError: 'zz'
            == staleDuplicateDeclaresLabel
            a next=[b] all=[b] deps=[] labels=[]
            b next=[c] all=[c, d] deps=[] labels=[lbl]
            c next=[d] all=[d] deps=[] labels=[lbl]
            d next=[] all=[] deps=[b] labels=[lbl]
            heads=[b, d] real=[b, d] effective=[] bases=[a] realBases=[a] branchPoints=[] merges=[]
            DUPLICATE_REVISION b_old.py:7 revision id b is also declared by b.py; Alembic keeps only the file loaded last and leaves the other one as a stale extra head. | Revision b is present more than once
            """;
}
