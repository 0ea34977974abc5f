package io.github.alembicmaven.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.AlembicAnalyzer;
import io.github.alembicmaven.core.Analysis;
import io.github.alembicmaven.core.AnalysisRequest;
import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.graph.RevisionMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code graph.html} in a real browser: headless Chromium opens the page for a 300-revision history, and the DOM it
 * dumps must show every revision drawn (the page counts the nodes it drew into {@code <body data-rendered>}) and no
 * error logged ({@code data-errors}, counting {@code window.onerror} and {@code console.error}). The screenshots under
 * {@code target/} are for review (the README's picture is {@code target/graph-example-shop.png}).
 */
class GraphPageBrowserTest {
    private static final Path OUT = Path.of("target");

    @Test
    void everyRevisionOfA300RevisionHistoryIsDrawnWithoutErrors() throws Exception {
        Chromium chromium = Chromium.require();
        RevisionMap map = RevisionMap.build(GraphFixture.realistic(300, 42));
        LaneLayout layout = LaneLayout.of(map);
        Path page = write("graph-300", GraphHtml.render(map, GraphFixture.BASEDIR, "migrations/versions"));

        String dom = chromium.dumpDom(page);

        assertThat(bodyAttribute(dom, "data-ready")).isEqualTo("true");
        assertThat(bodyAttribute(dom, "data-errors")).isEqualTo("0");
        assertThat(bodyAttribute(dom, "data-total")).isEqualTo("300");
        assertThat(bodyAttribute(dom, "data-rendered")).isEqualTo("300");
        assertThat(bodyAttribute(dom, "data-edges")).isEqualTo(String.valueOf(layout.edges().size()));
        for (Revision r : map.revisions()) {
            assertThat(dom).contains("data-i=\"" + layout.rowOf(r.id()) + "\"><span class=\"id\">" + r.id() + "</span>");
        }
        chromium.screenshot(page, OUT.resolve("graph-300.png"), 1400, 1000);
    }

    @Test
    void aThousandsOfRevisionsHistoryOpensCollapsedAndFast() throws Exception {
        Chromium chromium = Chromium.require();
        RevisionMap map = RevisionMap.build(GraphFixture.realistic(3000, 7));
        Path page = write("graph-3000", GraphHtml.render(map, GraphFixture.BASEDIR, "migrations/versions"));

        String dom = chromium.dumpDom(page);

        assertThat(bodyAttribute(dom, "data-errors")).isEqualTo("0");
        assertThat(bodyAttribute(dom, "data-total")).isEqualTo("3000");
        int drawn = Integer.parseInt(bodyAttribute(dom, "data-rendered"));
        assertThat(drawn).as("collapsed linear runs draw fewer nodes").isBetween(1, 2999);
        assertThat(Integer.parseInt(bodyAttribute(dom, "data-render-ms"))).isLessThan(3000);
        chromium.screenshot(page, OUT.resolve("graph-3000.png"), 1400, 1000);
    }

    @Test
    void theShippedExample() throws Exception {
        Chromium chromium = Chromium.require();
        Path shop = Path.of("..", "examples", "shop").toAbsolutePath().normalize();
        Analysis analysis = AlembicAnalyzer.analyze(AnalysisRequest.builder(shop).build());
        Path dir = OUT.resolve("graph-example-shop");
        GraphFiles.write(analysis, dir);
        Path page = dir.resolve(GraphFiles.HTML);

        String dom = chromium.dumpDom(page);

        assertThat(bodyAttribute(dom, "data-errors")).isEqualTo("0");
        assertThat(bodyAttribute(dom, "data-rendered")).isEqualTo("6");
        chromium.screenshot(page, OUT.resolve("graph-example-shop.png"), 1200, 420);
    }

    private static Path write(String name, String html) throws Exception {
        Path dir = OUT.resolve(name);
        Files.createDirectories(dir);
        Path page = dir.resolve("graph.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        return page;
    }

    private static String bodyAttribute(String dom, String name) {
        Matcher body = Pattern.compile("<body[^>]*>").matcher(dom);
        assertThat(body.find(Math.max(0, dom.indexOf("</head>")))).as("a <body> in the dumped DOM").isTrue();
        Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(body.group());
        assertThat(m.find()).as(name + " on " + body.group()).isTrue();
        return m.group(1);
    }
}
