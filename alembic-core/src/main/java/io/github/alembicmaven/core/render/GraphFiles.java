package io.github.alembicmaven.core.render;

import io.github.alembicmaven.core.Analysis;
import io.github.alembicmaven.core.ProjectPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The files of {@code alembic:graph}: {@code graph.html}, {@code graph.mmd} and {@code graph.dot} in one directory. */
public final class GraphFiles {
    /** The page. */
    public static final String HTML = "graph.html";
    /** The Mermaid flowchart. */
    public static final String MERMAID = "graph.mmd";
    /** The Graphviz digraph. */
    public static final String DOT = "graph.dot";

    private GraphFiles() {}

    /**
     * Writes the three files (UTF-8, {@code \n} line ends), creating the directory.
     *
     * @param analysis a configured analysis
     * @param directory where to write
     * @return the files written: page, Mermaid, Graphviz
     * @throws IOException when a file cannot be written
     */
    public static List<Path> write(Analysis analysis, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path basedir = analysis.basedir();
        String where = where(analysis);
        Path html = directory.resolve(HTML);
        Path mermaid = directory.resolve(MERMAID);
        Path dot = directory.resolve(DOT);
        Files.writeString(html, GraphHtml.render(analysis.map(), basedir, where), StandardCharsets.UTF_8);
        Files.writeString(mermaid, GraphText.mermaid(analysis.map()), StandardCharsets.UTF_8);
        Files.writeString(dot, GraphText.dot(analysis.map()), StandardCharsets.UTF_8);
        return List.of(html, mermaid, dot);
    }

    /**
     * What the graph shows: the version locations relative to the project directory, comma separated.
     *
     * @param analysis a configured analysis
     * @return e.g. {@code migrations/versions}
     */
    public static String where(Analysis analysis) {
        return analysis.settings().versionLocations().stream()
                .map(p -> ProjectPaths.relative(analysis.basedir(), p))
                .collect(Collectors.joining(", "));
    }
}
