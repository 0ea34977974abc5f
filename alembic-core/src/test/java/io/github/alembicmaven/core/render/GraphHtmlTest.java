package io.github.alembicmaven.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.graph.Revs;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphHtmlTest {

    @Test
    void thePageHoldsEveryRevisionAndNothingFromTheNetwork() {
        RevisionMap map = RevisionMap.build(GraphFixture.realistic(300, 42));

        String html = GraphHtml.render(map, GraphFixture.BASEDIR, "migrations/versions");

        for (Revision r : map.revisions()) {
            assertThat(html).contains("{\"id\":\"" + r.id() + "\",\"m\":");
        }
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("@import", "url(");
        assertThat(html).contains("<title>Alembic migration graph - migrations/versions</title>");
        assertThat(GraphHtml.render(RevisionMap.build(GraphFixture.realistic(300, 42)), GraphFixture.BASEDIR,
                "migrations/versions")).as("deterministic").isEqualTo(html);
    }

    @Test
    void textCannotEndTheScriptElement() {
        RevisionMap map = Revs.of().full("a", List.of(), List.of(), List.of(), "</script><script>alert(1)</script>")
                .map();

        String html = GraphHtml.render(map, Revs.BASE, "<versions>");

        assertThat(html).doesNotContain("</script><script>alert").contains("\\u003c/script>")
                .contains("<span class=\"where\">&lt;versions&gt;</span>");
    }

    @Test
    void theDataMarksHeadsBasesMergesBranchPointsAndTheFork() {
        RevisionMap map = Revs.of().rev("a").rev("b", "a").rev("c", "a").rev("m", "b", "c").rev("d", "m")
                .rev("e", "m").map();

        String data = GraphHtml.data(map, Revs.BASE);

        assertThat(data).contains(
                "{\"id\":\"d\",\"m\":\"\",\"p\":\"migrations/versions/d.py\",\"c\":0,\"d\":[\"m\"],\"o\":[],\"r\":[],"
                        + "\"l\":[],\"b\":[],\"f\":\"hz\"}",
                "\"id\":\"m\",", "\"f\":\"mxkz\"}", "\"f\":\"sx\"}",
                "\"forks\":[{\"heads\":[\"d\",\"e\"],\"forkPoints\":[\"m\"],\"revisions\":3}]");
    }
}
