package io.github.alembicmaven.core.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.alembicmaven.core.ProjectPaths;
import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.graph.RevisionMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code graph.html}: one self-contained page (inline CSS and script, no network) that draws the {@link LaneLayout} as
 * SVG lanes next to one row per revision (id, markers, message, file). Hovering or clicking a row shows its
 * down_revision, depends_on, children and path in a side panel; long linear runs can be collapsed into one row; the
 * forked part of a graph with several heads is highlighted. The layout is computed here, the page only draws it, so the
 * same tree gives the same file.
 */
public final class GraphHtml {
    private static final String TEMPLATE = "graph.html";
    /** Linear runs of at least this many revisions can be collapsed into one row. */
    static final int MIN_RUN = 4;
    /** Above this many revisions the page opens with the linear runs collapsed. */
    static final int COLLAPSE_ABOVE = 500;
    private static final JsonFactory JSON = new JsonFactory();

    private GraphHtml() {}

    /**
     * Renders the page.
     *
     * @param map the graph
     * @param basedir paths are shown relative to it
     * @param where what the header names after the title (e.g. the version locations)
     * @return the HTML text
     */
    public static String render(RevisionMap map, Path basedir, String where) {
        String template = template();
        String data = data(map, basedir);
        return template.replace("@@TITLE@@", escape("Alembic migration graph" + (where.isEmpty() ? "" : " - " + where)))
                .replace("@@WHERE@@", escape(where))
                .replace("@@DATA@@", data);
    }

    private static String template() {
        try (InputStream in = GraphHtml.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TEMPLATE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's data: rows in layout order, links as {@code [child, parent, lane]} triples, runs, forks, counts. */
    static String data(RevisionMap map, Path basedir) {
        LaneLayout layout = LaneLayout.of(map);
        List<ForkRegion.Fork> forks = ForkRegion.all(map);
        Set<String> forked = new HashSet<>();
        Set<String> forkPoints = new HashSet<>();
        forks.forEach(f -> {
            forked.addAll(f.revisions());
            forkPoints.addAll(f.forkPoints());
        });
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("width", layout.width());
            g.writeNumberField("collapseAbove", COLLAPSE_ABOVE);
            g.writeObjectFieldStart("counts");
            g.writeNumberField("revisions", map.revisions().size());
            g.writeNumberField("heads", new LinkedHashSet<>(map.heads()).size());
            g.writeNumberField("bases", new LinkedHashSet<>(map.bases()).size());
            g.writeNumberField("mergePoints", map.mergePoints().size());
            g.writeNumberField("branchPoints", map.branchPoints().size());
            Set<String> labels = new TreeSet<>();
            map.revisions().forEach(r -> labels.addAll(r.script().branchLabels()));
            g.writeNumberField("labels", labels.size());
            g.writeEndObject();
            g.writeArrayFieldStart("revisions");
            for (LaneLayout.Row row : layout.rows()) {
                Revision r = row.revision();
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("m", r.script().message());
                g.writeStringField("p", ProjectPaths.relative(basedir, r.script().path()));
                g.writeNumberField("c", row.column());
                strings(g, "d", r.downRevisions());
                strings(g, "o", r.dependsOn());
                strings(g, "r", r.resolvedDependencies());
                strings(g, "l", List.copyOf(new TreeSet<>(r.script().branchLabels())));
                strings(g, "b", List.copyOf(r.branchLabels()));
                g.writeStringField("f", flags(r, forked, forkPoints));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("edges");
            for (LaneLayout.Edge e : layout.edges()) {
                g.writeNumber(e.child());
                g.writeNumber(e.parent());
                g.writeNumber(e.lane());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("runs");
            for (int[] run : layout.linearRuns(MIN_RUN)) {
                g.writeNumber(run[0]);
                g.writeNumber(run[1]);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("forks");
            for (ForkRegion.Fork f : forks) {
                g.writeStartObject();
                strings(g, "heads", f.heads());
                strings(g, "forkPoints", f.forkPoints());
                g.writeNumberField("revisions", f.revisions().size());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // inside <script>, "</script>" or "<!--" in a message must not end the element: JSON allows \u003c anywhere
        return out.toString().replace("<", "\\u003c");
    }

    /** h head, e effective head, s base, m merge point, x branch point, k fork point, z in a forked part. */
    private static String flags(Revision r, Set<String> forked, Set<String> forkPoints) {
        StringBuilder sb = new StringBuilder();
        if (r.isRealHead()) {
            sb.append('h');
        } else if (r.isHead()) {
            sb.append('e');
        }
        if (r.isBase()) {
            sb.append('s');
        }
        if (r.isMergePoint()) {
            sb.append('m');
        }
        if (r.isBranchPoint()) {
            sb.append('x');
        }
        if (forkPoints.contains(r.id())) {
            sb.append('k');
        }
        if (forked.contains(r.id())) {
            sb.append('z');
        }
        return sb.toString();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
