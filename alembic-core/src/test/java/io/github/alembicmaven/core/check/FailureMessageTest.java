package io.github.alembicmaven.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.graph.Revs;
import io.github.alembicmaven.core.script.RevisionScript;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The exact failure message layouts (integration tests assert on them). */
class FailureMessageTest {
    private static final Path BASE = Path.of("/proj");

    private static RevisionScript file(String name, String id, List<String> downs, List<String> labels,
            List<String> deps, String doc) {
        return new RevisionScript(BASE.resolve("migrations/versions/" + name), id, 5, downs, 6, labels, 7, deps, 8,
                doc);
    }

    private static String message(List<RevisionScript> scripts, HeadPolicy policy) {
        RevisionMap map = RevisionMap.build(scripts);
        return TreeCheck.check(map, map.diagnostics(), policy, BASE).failureMessage();
    }

    private static final String WHY_HEAD = "Why: 'alembic upgrade head' will fail with \"Multiple head revisions are"
            + " present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to"
            + " narrow to a specific head, or 'heads' for all heads\".";
    private static final String FIX = "Fix: run 'mvn alembic:converge' to write a merge revision (preview it first"
            + " with 'mvn alembic:converge -Dalembic.dryRun'), or with Alembic itself: ";

    @Test
    void twoHeadsWithACommonAncestor() {
        String msg = message(List.of(
                file("1a1a1a1a1a1a_init.py", "1a1a1a1a1a1a", List.of(), List.of(), List.of(), "init"),
                file("2b2b2b2b2b2b_add_orders.py", "2b2b2b2b2b2b", List.of("1a1a1a1a1a1a"), List.of(), List.of(),
                        "add orders\n\nRevision ID: 2b2b2b2b2b2b"),
                file("3c3c3c3c3c3c_add_users.py", "3c3c3c3c3c3c", List.of("1a1a1a1a1a1a"), List.of(), List.of(),
                        "add users")), HeadPolicy.defaults());
        assertThat(msg).isEqualTo(String.join("\n",
                "Alembic migration graph has 2 heads, but at most 1 is allowed:",
                "  - 2b2b2b2b2b2b (head)  migrations/versions/2b2b2b2b2b2b_add_orders.py  \"add orders\"",
                "  - 3c3c3c3c3c3c (head)  migrations/versions/3c3c3c3c3c3c_add_users.py  \"add users\"",
                "  They fork from 1a1a1a1a1a1a (migrations/versions/1a1a1a1a1a1a_init.py):",
                "    * 2b2b2b2b2b2b (head)  add orders",
                "    | * 3c3c3c3c3c3c (head)  add users",
                "    |/",
                "    * 1a1a1a1a1a1a (branchpoint) (base)  init",
                WHY_HEAD,
                FIX + "alembic merge -m \"merge heads\" 2b2b2b2b2b2b 3c3c3c3c3c3c"));
    }

    @Test
    void effectiveHeadAndNoCommonAncestor() {
        String msg = message(List.of(
                file("x_core.py", "xxxx", List.of(), List.of("core"), List.of(), "core"),
                file("y_app.py", "yyyy", List.of(), List.of(), List.of("core"), null)), HeadPolicy.defaults());
        assertThat(msg).isEqualTo(String.join("\n",
                "Alembic migration graph has 2 heads, but at most 1 is allowed:",
                "  - xxxx (core) (effective head)  migrations/versions/x_core.py  \"core\"",
                "  - yyyy (head)  migrations/versions/y_app.py",
                "  They share no common ancestor (bases: xxxx, yyyy). If these are meant to be independent lines of"
                        + " history, give each its own branch label and list the labels in independentBranches.",
                "  xxxx is an effective head: only depends_on points at it, so 'alembic merge heads' would miss it;"
                        + " and a merge naming xxxx together with a head that depends on it can crash 'alembic"
                        + " upgrade', so the commands below first give it a bridge revision and merge that.",
                WHY_HEAD,
                // the planner's deterministic ids; checked with real Alembic 1.8.1: afterwards one head, and
                // upgrade heads / downgrade base / upgrade head succeed on sqlite
                FIX + "alembic revision -m \"merge heads\" --head xxxx --rev-id 46eeb673bf44 && alembic merge -m"
                        + " \"merge heads\" --rev-id 7a13d7b46c82 46eeb673bf44 yyyy"));
    }

    @Test
    void effectiveHeadDependedOnByAnAncestorOfAHeadIsBridgedToo() {
        // wwww does not depend on xxxx itself, but its parent zzzz does: a merge of xxxx and wwww names a revision
        // together with its dependency-ancestor (spec §7), so xxxx gets a bridge as well
        String msg = message(List.of(
                file("x_core.py", "xxxx", List.of(), List.of("core"), List.of(), "core"),
                file("z_app.py", "zzzz", List.of("yyyy"), List.of(), List.of("core"), null),
                file("y_app.py", "yyyy", List.of(), List.of(), List.of(), null),
                file("w_app.py", "wwww", List.of("zzzz"), List.of(), List.of(), null)), HeadPolicy.defaults());
        assertThat(msg).contains("so the commands below first give it a bridge revision and merge that.")
                .contains("alembic revision -m \"merge heads\" --head xxxx --rev-id ")
                .doesNotContain("alembic merge -m \"merge heads\" xxxx wwww");
    }

    @Test
    void branchLineAndSeveralForkPoints() {
        String msg = message(List.of(
                file("a.py", "aaaa", List.of(), List.of("app_a"), List.of(), null),
                file("b1.py", "b1b1", List.of("aaaa"), List.of(), List.of(), null),
                file("b2.py", "b2b2", List.of("aaaa"), List.of(), List.of(), null),
                file("m1.py", "m1m1", List.of("b1b1", "b2b2"), List.of(), List.of(), null),
                file("m2.py", "m2m2", List.of("b1b1", "b2b2"), List.of(), List.of(), null),
                file("z.py", "zzzz", List.of(), List.of("app_z"), List.of(), null)),
                new HeadPolicy(1, Set.of("app_a", "app_z")));
        assertThat(msg).isEqualTo(String.join("\n",
                "Branch 'app_a' of the Alembic migration graph has 2 heads, but at most 1 is allowed:",
                "  - m1m1 (app_a) (head)  migrations/versions/m1.py",
                "  - m2m2 (app_a) (head)  migrations/versions/m2.py",
                "  They fork from b1b1 (migrations/versions/b1.py), b2b2 (migrations/versions/b2.py):",
                "    * m1m1 (app_a) (head) (mergepoint)",
                "    |\\",
                "    | | * m2m2 (app_a) (head) (mergepoint)",
                "    |_|/",
                "    * | b1b1 (branchpoint)",
                "      * b2b2 (branchpoint)",
                "Why: 'alembic upgrade app_a@head' will fail with \"Multiple head revisions are present for given"
                        + " argument 'app_a@head'; please specify a specific target revision, '<branchname>@head' to"
                        + " narrow to a specific head, or 'heads' for all heads\".",
                "Fix: run 'mvn alembic:converge -Dalembic.independentBranches=app_a,app_z' to write a merge revision"
                        + " (preview it first with 'mvn alembic:converge -Dalembic.independentBranches=app_a,app_z"
                        + " -Dalembic.dryRun'), or with Alembic itself: alembic merge -m \"merge app_a heads\" m1m1"
                        + " m2m2"));
    }

    @Test
    void severalViolatedLinesGetOneBlockEachThenOneWhyAndOneFix() {
        String msg = message(List.of(
                file("a.py", "aaaa", List.of(), List.of("app_a"), List.of(), null),
                file("a1.py", "a1a1", List.of("aaaa"), List.of(), List.of(), null),
                file("a2.py", "a2a2", List.of("aaaa"), List.of(), List.of(), null),
                file("r.py", "rrrr", List.of(), List.of(), List.of(), null),
                file("r1.py", "r1r1", List.of("rrrr"), List.of(), List.of(), null),
                file("r2.py", "r2r2", List.of("rrrr"), List.of(), List.of(), null)),
                new HeadPolicy(1, Set.of("app_a")));
        assertThat(msg.lines().filter(l -> l.contains("has 2 heads"))).containsExactly(
                "Branch 'app_a' of the Alembic migration graph has 2 heads, but at most 1 is allowed:",
                "Alembic migration graph has 2 heads, but at most 1 is allowed:");
        assertThat(msg.lines().filter(l -> l.startsWith("Why: "))).singleElement().asString()
                .contains("'alembic upgrade app_a@head' will fail", "; 'alembic upgrade head' will fail");
        assertThat(msg.lines().filter(l -> l.startsWith("Fix: "))).containsExactly(
                "Fix: run 'mvn alembic:converge -Dalembic.independentBranches=app_a' to write the merge revisions"
                        + " (preview it first with 'mvn alembic:converge -Dalembic.independentBranches=app_a"
                        + " -Dalembic.dryRun'), or with Alembic itself: alembic merge -m \"merge app_a heads\" a1a1"
                        + " a2a2 and alembic merge -m \"merge heads\" r1r1 r2r2");
    }

    @Test
    void integrityErrorsComeFirstWithFixAndAlembicsOwnError() {
        String msg = message(List.of(
                file("aaaa_a.py", "aaaa00000001", List.of(), List.of(), List.of(), null),
                new RevisionScript(BASE.resolve("migrations/versions/bbbb_b.py"), "bbbb00000002", 8,
                        List.of("ffff0000dead"), 9, List.of(), 0, List.of(), 0, null)), HeadPolicy.defaults());
        assertThat(msg).isEqualTo(String.join("\n",
                "Alembic migration graph has 1 integrity error:",
                "  - [missing-parent] migrations/versions/bbbb_b.py:9: down_revision 'ffff0000dead' of revision"
                        + " bbbb00000002 names no revision file.",
                "    Fix: point down_revision at an existing revision id (exact id, not a prefix or branch label), or"
                        + " restore the missing file.",
                "Why: Alembic cannot load this history; every command, 'alembic upgrade head' included, fails"
                        + " (KeyError: 'ffff0000dead').",
                // the orphan is a "head" only because its parent is missing: no merge advice on a broken history
                "The number of heads is checked again once the history loads."));
    }

    @Test
    void cycleDuplicateAndForeignErrorsExplainThemselves() {
        RevisionMap map = Revs.of()
                .rev("a", "c").rev("b", "a").rev("c", "b")
                .rev("d").script(RevisionScript.of(Revs.path("d_again"), "d", List.of()))
                .map();
        Diagnostic foreign = Diagnostic.error(io.github.alembicmaven.core.diagnostic.DiagnosticCode.SYNTAX_ERROR,
                Path.of("/proj/migrations/versions/broken.py"), 3, "invalid syntax", "fix the syntax");
        List<Diagnostic> all = new java.util.ArrayList<>(map.diagnostics());
        all.add(0, foreign);
        String msg = TreeCheck.check(map, all, new HeadPolicy(2, Set.of()), BASE).failureMessage();
        assertThat(msg).startsWith("Alembic migration graph has 3 integrity errors:\n"
                + "  - [syntax-error] migrations/versions/broken.py:3: invalid syntax\n"
                + "    Fix: fix the syntax\n"
                + "  - [duplicate-revision] migrations/versions/d_again.py: revision id d is also declared by d.py;");
        String why = msg.lines().filter(l -> l.startsWith("Why: ")).findFirst().orElseThrow();
        assertThat(why).isEqualTo("Why: Alembic cannot load this history; every command, 'alembic upgrade head'"
                + " included, fails (Cycle is detected in revisions (a, b, c))."
                + " Alembic only warns \"Revision d is present more than once\" and silently keeps one of the two files"
                + " (the one loaded last): the other migration never runs and stays behind as an extra head."
                + " The file problems listed above either make Alembic fail while importing the revision files or keep"
                + " this check from seeing the values Alembic would see.");
        assertThat(msg).contains("  - [cycle] migrations/versions/a.py:8: ");
    }

    @Test
    void passingTreeHasNoMessage() {
        assertThat(message(List.of(file("a.py", "a", List.of(), List.of(), List.of(), null)), HeadPolicy.defaults()))
                .isEmpty();
        assertThat(FailureMessage.render(null, List.of(), List.of(), BASE)).isEmpty();
    }
}
