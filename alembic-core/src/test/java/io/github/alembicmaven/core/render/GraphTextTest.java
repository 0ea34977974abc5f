package io.github.alembicmaven.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.graph.Revs;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphTextTest {
    private static final RevisionMap SMALL = Revs.of()
            .full("1a1a", List.of(), List.of(), List.of(), "init")
            .full("2b2b", List.of("1a1a"), List.of(), List.of(), "add \"orders\"")
            .full("3c3c", List.of("1a1a"), List.of("audit"), List.of("2b2b"), "add <users> #2")
            .full("4d4d", List.of("2b2b", "3c3c"), List.of(), List.of(), "merge heads")
            .map();

    @Test
    void mermaid() {
        assertThat(GraphText.mermaid(SMALL)).isEqualTo("""
                %% Alembic migration graph: 4 revisions, 1 head, 1 base, 1 merge point, 1 branch point
                flowchart BT
                  r_4d4d["4d4d (audit) (head) (mergepoint)<br/>merge heads"]
                  r_2b2b["2b2b<br/>add #quot;orders#quot;"]
                  r_3c3c["3c3c (audit)<br/>add #lt;users#gt; #35;2"]
                  r_1a1a["1a1a (branchpoint) (base)<br/>init"]
                  r_2b2b --> r_4d4d
                  r_3c3c --> r_4d4d
                  r_1a1a --> r_2b2b
                  r_1a1a --> r_3c3c
                  r_2b2b -. depends_on .-> r_3c3c
                  classDef head fill:#fde68a,stroke:#b45309,stroke-width:2px
                  class r_4d4d head
                  classDef base fill:#dbeafe,stroke:#1d4ed8
                  class r_1a1a base
                  classDef mergepoint fill:#ede9fe,stroke:#6d28d9
                  class r_4d4d mergepoint
                  classDef branchpoint fill:#dcfce7,stroke:#15803d
                  class r_1a1a branchpoint
                """);
    }

    @Test
    void dot() {
        assertThat(GraphText.dot(SMALL)).isEqualTo("""
                // Alembic migration graph: 4 revisions, 1 head, 1 base, 1 merge point, 1 branch point
                digraph alembic {
                  rankdir=BT;
                  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=10];
                  edge [color="#64748b"];
                  "4d4d" [label="4d4d (audit) (head) (mergepoint)\\nmerge heads", fillcolor="#fde68a", penwidth=2];
                  "2b2b" [label="2b2b\\nadd \\"orders\\""];
                  "3c3c" [label="3c3c (audit)\\nadd <users> #2"];
                  "1a1a" [label="1a1a (branchpoint) (base)\\ninit", fillcolor="#dcfce7"];
                  "2b2b" -> "4d4d";
                  "3c3c" -> "4d4d";
                  "1a1a" -> "2b2b";
                  "1a1a" -> "3c3c";
                  "2b2b" -> "3c3c" [style=dashed, label="depends_on"];
                }
                """);
    }

    @Test
    void everyRevisionOfALargeHistoryIsANodeWithItsId() {
        RevisionMap map = RevisionMap.build(GraphFixture.realistic(300, 42));

        String mermaid = GraphText.mermaid(map);
        String dot = GraphText.dot(map);

        for (Revision r : map.revisions()) {
            assertThat(mermaid).contains("  r_" + r.id() + "[\"" + r.id());
            assertThat(dot).contains("  \"" + r.id() + "\" [label=\"" + r.id());
        }
        assertThat(GraphText.mermaid(RevisionMap.build(GraphFixture.realistic(300, 42)))).isEqualTo(mermaid);
    }

    @Test
    void idsThatAreNoMermaidNamesAreMadeOne() {
        RevisionMap map = Revs.of().rev("a-1").rev("a_1", "a-1").map();

        assertThat(GraphText.mermaid(map)).contains("  r_a_1[\"a_1 (head)\"]", "  r_a_1_2[\"a-1 (base)\"]",
                "  r_a_1_2 --> r_a_1");
    }
}
