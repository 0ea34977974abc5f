package io.github.alembicmaven.core.differential;

import io.github.alembicmaven.core.ConvergeParameters;
import io.github.alembicmaven.core.GoalParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Generates runnable Alembic projects with forked histories for {@code alembic:converge}, deterministic per seed:
 * {@code alembic.ini} (with {@code sqlalchemy.url} to a sqlite file in the project), a minimal {@code env.py}, a
 * {@code script.py.mako} (Alembic 1.8.1's generic template, a variant, our built-in one, or none), and revision files
 * in the stock format, each creating (and dropping) its own table. The unlabelled line has 2–8 heads (about one tree
 * in twenty-five has one, as a control); about a quarter of the trees add one or two independent lines (a separate
 * base carrying a branch label that the tree lists in {@code independentBranches}) with 1–3 heads of their own. Branch
 * labels, in-tree merges, several bases, depends_on (on ids and labels, within and across lines; often on a tip, which
 * makes an effective head) and one to three version locations (every separator style Alembic 1.8.1 reads) vary.
 *
 * <p>Every tree is free of the pre-existing depends_on hazard ({@code ConvergePlanner}: a revision whose down_revision
 * + depends_on names a revision together with one of its down_revision + depends_on ancestors), since such a tree can
 * crash {@code alembic upgrade heads} without any merge: each revision gets its parents and dependencies when it is
 * created, only on earlier revisions, and only when they form an antichain under that ancestry.
 */
final class ForkedProjectGenerator {
    static final String DB_FILE = "db.sqlite";

    private static final String[] WORDS = {
        "add", "users", "orders", "index", "email", "invoice", "audit", "tenant", "billing", "token", "profile",
        "status", "backfill", "unique", "payments", "search",
    };
    private static final String[] LABEL_WORDS = {"core", "auth", "reports", "shop", "legacy", "etl", "mobile"};
    private static final String[] EXTRA_LOCATIONS = {"migrations/versions_b", "extra/versions", "db/more_versions"};
    private static final String[] MESSAGES = {
        "merge heads", "converge release branches", "merge feature heads into main", "Merge: Ünïcödé heads",
        "join auth's and billing's heads",
    };
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** One generated project. */
    record Project(
            int index,
            long seed,
            Path dir,
            String description,
            GoalParameters common,
            ConvergeParameters parameters,
            List<String> independentLabels,
            boolean needsMerge,
            boolean severalLocations,
            boolean branchLabels,
            boolean effectiveHeads,
            String template,
            Set<String> tables) {}

    /** One revision of the model. */
    private static final class Node {
        final int line;
        final String id;
        final List<String> parents = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        final List<String> deps = new ArrayList<>();
        /** Everything reachable through down_revision and depends_on (final once the node is created). */
        final Set<String> ancestors = new HashSet<>();
        int location;
        String date;
        String message;

        Node(int line, String id) {
            this.line = line;
            this.id = id;
        }
    }

    /** One line of history while it is built. */
    private static final class Line {
        final int index;
        final String label;
        final int wantHeads;
        final int minNodes;
        final List<Node> nodes = new ArrayList<>();
        final List<Node> tips = new ArrayList<>();

        Line(int index, String label, int wantHeads, int minNodes) {
            this.index = index;
            this.label = label;
            this.wantHeads = wantHeads;
            this.minNodes = minNodes;
        }

        boolean done() {
            return tips.size() == wantHeads && nodes.size() >= minNodes;
        }
    }

    private final Random r;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Node> byRef = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    private LocalDateTime clock;

    private ForkedProjectGenerator(long seed) {
        this.r = new Random(seed);
        this.clock = LocalDateTime.of(2023, 1, 1, 9, 0).plusMinutes(r.nextInt(500_000));
    }

    /** Writes the project for {@code seed} into {@code dir} (created; must not exist or be empty). */
    static Project generate(Path dir, long seed, int index) {
        try {
            return new ForkedProjectGenerator(seed).write(dir, seed, index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean chance(double p) {
        return r.nextDouble() < p;
    }

    private <T> T pick(List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    // ------------------------------------------------------------------------------------------------------------
    // the graph

    private Project write(Path dir, long seed, int index) throws IOException {
        boolean control = chance(0.04);
        List<Line> lines = new ArrayList<>();
        int mainHeads = control ? 1 : 2 + r.nextInt(7);
        lines.add(new Line(0, null, mainHeads, mainHeads + r.nextInt(2 * mainHeads + 3)));
        int independent = chance(0.25) ? (chance(0.25) ? 2 : 1) : 0;
        for (int i = 0; i < independent; i++) {
            int heads = control || chance(0.35) ? 1 : 2 + r.nextInt(2);
            lines.add(new Line(i + 1, unique("plugin_" + LABEL_WORDS[r.nextInt(LABEL_WORDS.length)]), heads,
                    heads + r.nextInt(4)));
        }
        for (Line line : lines) {
            Node base = node(line, List.of());
            if (line.label != null) {
                base.labels.add(line.label);
                byRef.put(line.label, base);
            } else if (chance(0.3)) {
                addLabel(base);
            }
            if (line.label == null && line.wantHeads >= 2 && chance(0.15)) {
                node(line, List.of()); // a second, unrelated base of the unlabelled line
            }
        }
        for (int step = 0; step < 400 && !lines.stream().allMatch(Line::done); step++) {
            List<Line> open = lines.stream().filter(l -> !l.done()).collect(Collectors.toList());
            grow(pick(open));
        }
        for (Line line : lines) {
            if (line.tips.size() != line.wantHeads) {
                throw new IllegalStateException("generator: line " + line.label + " has " + line.tips.size()
                        + " tips, wanted " + line.wantHeads + " (seed " + seed + ")");
            }
        }
        return layout(dir, seed, index, lines);
    }

    /** One step on a line: extend a tip, fork from an inner revision, or merge two tips. */
    private void grow(Line line) {
        List<Node> inner = line.nodes.stream().filter(n -> !line.tips.contains(n)).collect(Collectors.toList());
        if (line.tips.size() < line.wantHeads && !inner.isEmpty() && chance(0.5)) {
            node(line, List.of(pick(inner).id));
            return;
        }
        if (line.tips.size() >= 2 && (line.tips.size() > line.wantHeads || chance(0.1))) {
            Node a = pick(line.tips);
            Node b = pick(line.tips);
            if (a != b && antichain(List.of(a.id, b.id))) {
                node(line, List.of(a.id, b.id));
                return;
            }
        }
        node(line, List.of(pick(line.tips).id));
    }

    /** Creates a revision on {@code line} with these parents and maybe dependencies; updates the tips. */
    private Node node(Line line, List<String> parents) {
        Node n = new Node(line.index, revisionId());
        n.parents.addAll(parents);
        for (String p : parents) {
            n.ancestors.add(p);
            n.ancestors.addAll(byRef.get(p).ancestors);
        }
        if (!nodes.isEmpty() && chance(parents.isEmpty() ? 0.2 : 0.3)) {
            int k = chance(0.2) ? 2 : 1;
            for (int i = 0; i < k; i++) {
                addDependency(n, line);
            }
        }
        if (!parents.isEmpty() && line.label == null && chance(0.08)) {
            addLabel(n);
        }
        clock = clock.plusMinutes(1 + r.nextInt(60 * 24 * 3)).plusNanos(1000L * r.nextInt(1_000_000));
        n.date = chance(0.05) ? null : clock.format(DATE);
        n.message = WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)];
        nodes.add(n);
        byRef.put(n.id, n);
        line.nodes.add(n);
        line.tips.removeIf(t -> parents.contains(t.id));
        line.tips.add(n);
        return n;
    }

    /** A dependency on a tip of the same line (an effective head), on another line, or on any earlier revision. */
    private void addDependency(Node n, Line line) {
        List<Node> others = nodes.stream().filter(x -> x.line != n.line).collect(Collectors.toList());
        Node target;
        double c = r.nextDouble();
        if (c < 0.5 && !line.tips.isEmpty()) {
            target = pick(line.tips);
        } else if (c < 0.7 && !others.isEmpty()) {
            target = pick(others);
        } else {
            target = pick(nodes);
        }
        List<String> named = new ArrayList<>(n.parents);
        for (String d : n.deps) {
            named.add(byRef.get(d).id);
        }
        if (named.contains(target.id)) {
            return;
        }
        named.add(target.id);
        if (!antichain(named)) {
            return; // would be a pre-existing hazard
        }
        n.deps.add(!target.labels.isEmpty() && chance(0.3) ? pick(target.labels) : target.id);
        n.ancestors.add(target.id);
        n.ancestors.addAll(target.ancestors);
    }

    /** No id in {@code ids} is a (down_revision + depends_on) ancestor of another. */
    private boolean antichain(List<String> ids) {
        for (String p : ids) {
            for (String q : ids) {
                if (!p.equals(q) && byRef.get(q).ancestors.contains(p)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void addLabel(Node n) {
        String label = unique(LABEL_WORDS[r.nextInt(LABEL_WORDS.length)]);
        n.labels.add(label);
        byRef.put(label, n);
    }

    private String unique(String stem) {
        String name = stem;
        for (int i = 2; !names.add(name); i++) {
            name = stem + i;
        }
        return name;
    }

    private String revisionId() {
        while (true) {
            String id;
            if (chance(0.15)) {
                id = String.format(Locale.ROOT, "%04d_%s", nodes.size() + 1, WORDS[r.nextInt(WORDS.length)]);
            } else {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 12; i++) {
                    sb.append(Character.forDigit(r.nextInt(16), 16));
                }
                id = sb.toString();
            }
            if (names.add(id)) {
                return id;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // the project on disk

    private Project layout(Path dir, long seed, int index, List<Line> lines) throws IOException {
        List<String> locations = new ArrayList<>(List.of("migrations/versions"));
        if (chance(0.45)) {
            List<String> extra = new ArrayList<>(List.of(EXTRA_LOCATIONS));
            int more = 1 + r.nextInt(2);
            for (int i = 0; i < more; i++) {
                locations.add(extra.remove(r.nextInt(extra.size())));
            }
        }
        for (String loc : locations) {
            Files.createDirectories(dir.resolve(loc));
        }
        boolean here = chance(0.5);
        StringBuilder ini = new StringBuilder("[alembic]\n");
        ini.append("script_location = ").append(here ? "%(here)s/migrations" : "migrations").append('\n');
        ini.append("sqlalchemy.url = sqlite:///%(here)s/").append(DB_FILE).append('\n');
        String separator = locations.size() > 1 || chance(0.3) ? versionLocations(ini, locations) : "default";
        if (chance(0.25)) {
            ini.append(pick(List.of(
                    "file_template = %%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s\n",
                    "file_template = %%(rev)s\n",
                    "file_template = %%(epoch)s_%%(rev)s_%%(slug)s\ntruncate_slug_length = 12\n")));
        }
        Files.writeString(dir.resolve("alembic.ini"), ini.toString(), StandardCharsets.UTF_8);
        copyResource("/differential/converge_env.py", dir.resolve("migrations/env.py"));
        String template = pick(List.of("generic 1.8.1", "generic 1.8.1", "stock variants", "built-in copy", "none"));
        switch (template) {
            case "generic 1.8.1":
                copyResource("/merge/alembic-1.8.1/generic.py.mako", dir.resolve("migrations/script.py.mako"));
                break;
            case "stock variants":
                copyResource("/merge/stock-variants.py.mako", dir.resolve("migrations/script.py.mako"));
                break;
            case "built-in copy":
                copyResource("/io/github/alembicmaven/core/merge/script.py.mako",
                        dir.resolve("migrations/script.py.mako"));
                break;
            default:
                break;
        }
        Set<String> tables = new LinkedHashSet<>();
        boolean undated = false;
        for (Node n : nodes) {
            n.location = r.nextInt(locations.size());
            Path file = dir.resolve(locations.get(n.location))
                    .resolve(n.id + "_" + n.message.replace(' ', '_') + ".py");
            Files.writeString(file, revisionFile(n), StandardCharsets.UTF_8);
            tables.add("t_" + n.id);
            undated |= n.date == null;
        }

        List<String> independent = new ArrayList<>();
        boolean needsMerge = false;
        for (Line l : lines) {
            if (l.label != null) {
                independent.add(l.label);
            }
            needsMerge |= l.tips.size() > 1;
        }
        boolean oneLine = independent.isEmpty();
        String strategy = chance(0.4) ? "pairwise" : chance(0.5) ? "single" : null;
        String message = chance(0.3) ? pick(List.of(MESSAGES)) : null;
        String branchLabel = oneLine && chance(0.2) ? unique("release") : null;
        String revId = oneLine && !"pairwise".equals(strategy) && chance(0.15)
                ? String.format(Locale.ROOT, "m%011d", index)
                : null;
        String versionPath = locations.size() > 1 && chance(0.2) ? pick(locations) : null;
        GoalParameters common = new GoalParameters(null, null, null, null, null, chance(0.15) ? "3" : null,
                oneLine ? null : String.join(",", independent), null, null);
        ConvergeParameters parameters = new ConvergeParameters(message, branchLabel, null, strategy, revId,
                versionPath, false, null, null, undated || chance(0.2) ? "2024-06-01T00:00:00Z" : null, false);

        boolean labels = nodes.stream().anyMatch(n -> !n.labels.isEmpty());
        boolean effective = nodes.stream().anyMatch(n -> n.deps.stream()
                .map(byRef::get)
                .anyMatch(t -> lines.stream().anyMatch(l -> l.tips.contains(t))));
        String description = String.format(Locale.ROOT,
                "%d revisions, heads per line %s, %d with labels, %d with depends_on, locations %s (%s),"
                        + " template %s, strategy %s%s%s%s%s",
                nodes.size(), lines.stream().map(l -> (l.label == null ? "unlabelled" : l.label) + "="
                        + l.tips.size()).collect(Collectors.joining(" ")),
                nodes.stream().filter(n -> !n.labels.isEmpty()).count(),
                nodes.stream().filter(n -> !n.deps.isEmpty()).count(), locations, separator, template,
                Objects.requireNonNullElse(strategy, "default"),
                message == null ? "" : ", message '" + message + "'",
                branchLabel == null ? "" : ", branchLabel " + branchLabel,
                revId == null ? "" : ", revId " + revId,
                versionPath == null ? "" : ", versionPath " + versionPath);
        return new Project(index, seed, dir, description, common, parameters, List.copyOf(independent), needsMerge,
                locations.size() > 1, labels, effective, template, tables);
    }

    /** Writes {@code version_locations} (and the separator) in one of the forms Alembic 1.8.1 reads. */
    private String versionLocations(StringBuilder ini, List<String> locations) {
        boolean here = chance(0.5);
        List<String> entries = new ArrayList<>();
        for (String loc : locations) {
            entries.add(here ? "%(here)s/" + loc : loc);
        }
        String style = pick(List.of("os", ":", ";", "space", "legacy"));
        String joiner;
        switch (style) {
            case "os":
            case ":":
                joiner = ":";
                break;
            case ";":
                joiner = ";";
                break;
            case "space":
                joiner = " ";
                break;
            default:
                joiner = chance(0.5) ? ", " : " ";
                break;
        }
        ini.append("version_locations = ").append(String.join(joiner, entries)).append('\n');
        if (!style.equals("legacy")) {
            ini.append("version_path_separator = ").append(style).append('\n');
        }
        return style + (here ? ", %(here)s" : ", relative");
    }

    /** A revision file as Alembic 1.8.1's generic template writes it, creating and dropping its own table. */
    private static String revisionFile(Node n) {
        StringBuilder sb = new StringBuilder();
        sb.append("\"\"\"").append(n.message).append("\n\nRevision ID: ").append(n.id).append("\nRevises: ")
                .append(String.join(", ", n.parents)).append('\n');
        if (n.date != null) {
            sb.append("Create Date: ").append(n.date).append('\n');
        }
        sb.append("\n\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\n\n"
                + "# revision identifiers, used by Alembic.\n");
        sb.append("revision = ").append(repr(n.id)).append('\n');
        sb.append("down_revision = ").append(value(n.parents, false)).append('\n');
        sb.append("branch_labels = ").append(value(n.labels, true)).append('\n');
        sb.append("depends_on = ").append(value(n.deps, false)).append("\n\n\n");
        sb.append("def upgrade() -> None:\n    op.create_table(").append(repr("t_" + n.id))
                .append(", sa.Column('id', sa.Integer(), primary_key=True))\n\n\n");
        sb.append("def downgrade() -> None:\n    op.drop_table(").append(repr("t_" + n.id)).append(")\n");
        return sb.toString();
    }

    /** Python's repr of what Alembic's template writes: None, a string, or a tuple. */
    private static String value(List<String> values, boolean tuple) {
        if (values.isEmpty()) {
            return "None";
        }
        if (values.size() == 1) {
            return tuple ? "(" + repr(values.get(0)) + ",)" : repr(values.get(0));
        }
        return "(" + values.stream().map(ForkedProjectGenerator::repr).collect(Collectors.joining(", ")) + ")";
    }

    private static String repr(String s) {
        return "'" + s + "'";
    }

    private static void copyResource(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = ForkedProjectGenerator.class.getResourceAsStream(resource)) {
            Objects.requireNonNull(in, "test resource " + resource + " is missing");
            Files.copy(in, target);
        }
    }
}
