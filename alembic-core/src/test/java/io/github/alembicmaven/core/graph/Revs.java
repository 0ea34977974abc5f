package io.github.alembicmaven.core.graph;

import io.github.alembicmaven.core.script.RevisionScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures: compact revision scripts under {@code /proj/migrations/versions}. */
public final class Revs {
    public static final Path BASE = Path.of("/proj");

    private final List<RevisionScript> scripts = new ArrayList<>();

    public static Revs of() {
        return new Revs();
    }

    public static Path path(String id) {
        return BASE.resolve("migrations/versions/" + id + ".py");
    }

    /** A revision with down revisions (none: a base). */
    public Revs rev(String id, String... downs) {
        return full(id, List.of(downs), List.of(), List.of(), null);
    }

    public Revs labelled(String id, List<String> labels, String... downs) {
        return full(id, List.of(downs), labels, List.of(), null);
    }

    public Revs dep(String id, List<String> deps, String... downs) {
        return full(id, List.of(downs), List.of(), deps, null);
    }

    public Revs full(String id, List<String> downs, List<String> labels, List<String> deps, String doc) {
        scripts.add(new RevisionScript(path(id), id, 7, downs, 8, labels, 9, deps, 10, doc));
        return this;
    }

    /** Adds a script as is (e.g. a second file with an existing id). */
    public Revs script(RevisionScript s) {
        scripts.add(s);
        return this;
    }

    public List<RevisionScript> scripts() {
        return scripts;
    }

    public RevisionMap map() {
        return RevisionMap.build(scripts);
    }
}
