package io.github.alembicmaven.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.script.RevisionScript;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadsListingTest {

    @Test
    void plainHeadsInLoadOrderWithSortedLabels() {
        RevisionMap map = Revs.of().rev("a").labelled("ccc", List.of("feature", "alpha"), "a").rev("bbb", "a").map();
        assertThat(HeadsListing.lines(map, false, false, Revs.BASE))
                .containsExactly("ccc (alpha, feature) (head)", "bbb (head)");
    }

    @Test
    void effectiveHeadIsMarkedAndDroppedWithResolveDependencies() {
        RevisionMap map = Revs.of().labelled("c1", List.of("core")).dep("b1", List.of("c1")).map();
        assertThat(HeadsListing.lines(map, false, false, Revs.BASE))
                .containsExactly("c1 (core) (effective head)", "b1 (head)");
        assertThat(HeadsListing.lines(map, true, false, Revs.BASE)).containsExactly("b1 (head)");
    }

    @Test
    void duplicatedIdIsListedTwiceLikeAlembic() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").script(RevisionScript.of(Revs.path("b2"), "b", List.of("a")))
                .map();
        assertThat(HeadsListing.lines(map, false, false, Revs.BASE)).containsExactly("b (head)", "b (head)");
    }

    @Test
    void staleDuplicateWhoseWinnerHasAChildHasNoMarker() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").script(RevisionScript.of(Revs.path("b2"), "b", List.of("a")))
                .rev("c", "b").map();
        assertThat(HeadsListing.lines(map, false, false, Revs.BASE)).containsExactly("b", "c (head)");
    }

    @Test
    void verboseAddsRelativePathAndFirstDocstringLine() {
        RevisionMap map = Revs.of()
                .full("a", List.of(), List.of(), List.of(), "add users\n\nRevision ID: a\n")
                .full("b", List.of("a"), List.of("x"), List.of(), "\n  add orders table\n  and more\n")
                .rev("c", "a")
                .map();
        assertThat(HeadsListing.lines(map, false, true, Revs.BASE)).containsExactly(
                "b (x) (head)  migrations/versions/b.py, add orders table",
                "c (head)  migrations/versions/c.py");
    }
}
