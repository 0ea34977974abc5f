package io.github.alembicmaven.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.graph.Revs;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsciiGraphTest {

    @Test
    void aForkLikeGitLogGraph() {
        RevisionMap map = Revs.of().full("a", List.of(), List.of(), List.of(), "init")
                .full("b", List.of("a"), List.of(), List.of(), "add orders")
                .full("c", List.of("a"), List.of(), List.of(), "add users").map();

        assertThat(AsciiGraph.newest(map, 20)).containsExactly(
                "* b (head)  add orders",
                "| * c (head)  add users",
                "|/",
                "* a (branchpoint) (base)  init");
    }

    @Test
    void mergesLabelsAndLanesPassingBy() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").rev("c", "a").rev("m", "b", "c").rev("d", "m")
                .labelled("x", List.of("audit")).rev("e", "d", "x").map();

        assertThat(AsciiGraph.newest(map, 20)).containsExactly(
                "* e (audit) (head) (mergepoint)",
                "|\\",
                "* | d",
                "* | m (mergepoint)",
                "|\\|_",
                "* | | b",
                "| | * c",
                "|_|/",
                "* | a (branchpoint) (base)",
                "  * x (audit) (base)");
    }

    @Test
    void theNewestRowsOnlyAndHowManyAreLeftOut() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").rev("c", "b").rev("d", "c").map();

        assertThat(AsciiGraph.newest(map, 2)).containsExactly("* d (head)", "* c", "... 2 older revisions");
        assertThat(AsciiGraph.newest(map, 3)).containsExactly("* d (head)", "* c", "* b", "... 1 older revision");
        assertThat(AsciiGraph.newest(map, 0)).containsExactly("... 4 older revisions");
    }

    @Test
    void effectiveHeadsAreNamedAsAlembicHeadsNamesThem() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").dep("c", List.of("b"), "a").map();

        assertThat(AsciiGraph.newest(map, 5)).containsExactly(
                "* b (effective head)",
                "| * c (head)",
                "|/",
                "* a (branchpoint) (base)");
    }
}
