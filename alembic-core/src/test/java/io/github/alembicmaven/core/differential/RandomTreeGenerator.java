package io.github.alembicmaven.core.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates random Alembic migration trees, deterministic per seed: random DAGs (linear runs, branch points, 2-3 way
 * merges, several bases), branch labels on bases and mid-chain, depends_on on ids and on labels, 1-3 version
 * locations listed in {@code alembic.ini} with every separator style, decoy files, and one injected {@link Fault} in
 * about a quarter of the trees.
 *
 * <p>Only constructs on which Alembic 1.8.1 (the oracle) and the newest Alembic agree are produced: no set-valued
 * {@code down_revision}, no {@code down_revision = ""}, no {@code :} in ids, no {@code path_separator} key, no
 * {@code recursive_version_locations}, no pyproject.toml.
 */
public final class RandomTreeGenerator {

    private static final String[] WORDS = {
        "add", "users", "table", "index", "drop", "orders", "column", "email", "rename", "invoice", "audit", "log",
        "tenant", "billing", "payment", "session", "token", "profile", "status", "cleanup", "backfill", "unique",
    };
    private static final String[] LABEL_WORDS = {
        "core", "billing", "auth", "feature", "reports", "analytics", "legacy", "mobile", "search", "audit",
        "tenant", "shop", "inventory", "ml", "etl",
    };
    private static final String[] LOCATION_DIRS = {
        "migrations/versions", "versions_b", "extra/versions", "db/alembic_v2", "Upper_Versions", "z_last",
        "migrations/more",
    };

    /** One revision of the model. */
    private static final class Node {
        final int order;
        String id;
        final List<String> parents = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        final List<String> deps = new ArrayList<>();
        boolean labelsAbsent = true;
        boolean depsAbsent = true;
        boolean legacy;
        boolean omitRevision;
        boolean omitDownRevision;
        int location;
        String fileName;
        String message;

        Node(int order) {
            this.order = order;
        }
    }

    private Random r;
    private List<Node> nodes;
    private Set<String> names;
    private StringBuilder notes;

    /** SplitMix64 of {@code base} and {@code index}: independent, reproducible per-tree seeds. */
    public static long treeSeed(long base, int index) {
        long z = base + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private boolean chance(double p) {
        return r.nextDouble() < p;
    }

    private <T> T pick(T[] values) {
        return values[r.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    /** Chooses the fault for a seed: ~75% valid, the rest spread over the faults. */
    static Fault chooseFault(Random random) {
        if (random.nextDouble() < 0.75) {
            return Fault.NONE;
        }
        Fault[] faults = Fault.values();
        while (true) {
            Fault f = faults[1 + random.nextInt(faults.length - 1)];
            if (f == Fault.DEPENDENCY_ON_OWN_LABEL && random.nextDouble() < 0.6) {
                continue; // rarer variant
            }
            return f;
        }
    }

    /**
     * Writes the tree for {@code seed} into {@code dir} (created if needed; must be empty).
     *
     * @param index position in the run, only recorded
     */
    public GeneratedTree generate(Path dir, long seed, int index) {
        r = new Random(seed);
        nodes = new ArrayList<>();
        names = new HashSet<>();
        notes = new StringBuilder();
        Fault fault = chooseFault(r);
        buildGraph(fault);
        Fault applied = injectFault(fault);
        try {
            int files = layout(dir);
            String description = describe(applied);
            return new GeneratedTree(index, seed, dir, applied, description, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // ids and labels

    private String hexId() {
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                sb.append(Character.forDigit(r.nextInt(16), 16));
            }
            if (names.add(sb.toString())) {
                return sb.toString();
            }
        }
    }

    private String readableId(int order) {
        while (true) {
            String id;
            switch (r.nextInt(3)) {
                case 0:
                    id = String.format(Locale.ROOT, "%04d_%s_%s", order + 1, pick(WORDS), pick(WORDS));
                    break;
                case 1:
                    id = pick(WORDS) + "_" + pick(WORDS) + "_v" + r.nextInt(100);
                    break;
                default:
                    id = "rev_" + Integer.toHexString(0x1000 + r.nextInt(0xF000)) + "_" + pick(WORDS);
                    break;
            }
            if (names.add(id)) {
                return id;
            }
        }
    }

    private String newLabel() {
        while (true) {
            String l = pick(LABEL_WORDS);
            int f = r.nextInt(6);
            if (f == 0) {
                l = l + "_" + pick(WORDS);
            } else if (f == 1) {
                l = l + r.nextInt(10);
            } else if (f == 2) {
                l = l + "-branch";
            }
            if (names.add(l)) {
                return l;
            }
        }
    }

    private String message() {
        int n = 2 + r.nextInt(3);
        List<String> w = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            w.add(pick(WORDS));
        }
        return String.join(" ", w);
    }

    // ------------------------------------------------------------------------------------------------------------
    // the DAG

    private Set<Integer> ancestors(Node n) {
        Set<Integer> seen = new HashSet<>();
        List<Node> todo = new ArrayList<>(List.of(n));
        Map<String, Node> byId = byId();
        while (!todo.isEmpty()) {
            Node x = todo.remove(todo.size() - 1);
            if (seen.add(x.order)) {
                for (String p : x.parents) {
                    Node pn = byId.get(p);
                    if (pn != null) {
                        todo.add(pn);
                    }
                }
            }
        }
        return seen;
    }

    private Map<String, Node> byId() {
        Map<String, Node> m = new HashMap<>();
        for (Node n : nodes) {
            m.put(n.id, n);
        }
        return m;
    }

    private void buildGraph(Fault fault) {
        int n;
        double size = r.nextDouble();
        if (size < 0.01 && fault == Fault.NONE) {
            n = 0;
        } else if (size < 0.15) {
            n = 1 + r.nextInt(3);
        } else if (size < 0.85) {
            n = 4 + r.nextInt(14);
        } else if (size < 0.97) {
            n = 18 + r.nextInt(18);
        } else {
            n = 36 + r.nextInt(40);
        }
        if (fault != Fault.NONE) {
            n = Math.max(n, 4);
        }
        int bases = chance(0.6) ? 1 : chance(0.7) ? 2 : 3;
        List<Node> tips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Node node = new Node(i);
            double op = r.nextDouble();
            if (i < bases || tips.isEmpty() || op < 0.04) {
                // a new base
            } else if (op < 0.62) {
                Node parent = chance(0.6) ? tips.get(tips.size() - 1) : pick(tips);
                node.parents.add(parent.id);
            } else if (op < 0.80) {
                node.parents.add(pick(nodes).id); // branch from anywhere
            } else {
                mergeParents(node, tips);
            }
            node.id = chooseId(i);
            node.message = message();
            for (String p : node.parents) {
                tips.removeIf(t -> t.id.equals(p));
            }
            tips.add(node);
            nodes.add(node);
        }
        // branch labels: on bases and mid-chain
        for (Node node : nodes) {
            double p = node.parents.isEmpty() ? 0.35 : 0.08;
            if (chance(p)) {
                node.labelsAbsent = false;
                node.labels.add(newLabel());
                if (chance(0.15)) {
                    node.labels.add(newLabel());
                }
            } else if (chance(0.15)) {
                node.labelsAbsent = false; // branch_labels = None / ()
            }
        }
        // depends_on, by id or by label: mostly on revisions created earlier (never descendants); sometimes on any
        // revision that does not already reach this one through down_revision/depends_on (no dependency cycle)
        for (Node node : nodes) {
            if (nodes.size() > 1 && chance(0.15)) {
                node.depsAbsent = false;
                int k = chance(0.2) ? 2 : 1;
                Set<String> refs = new LinkedHashSet<>();
                for (int j = 0; j < k; j++) {
                    Node target = node.order > 0 && chance(0.7) ? nodes.get(r.nextInt(node.order)) : pick(nodes);
                    if (target == node || reaches(target, node)) {
                        continue;
                    }
                    refs.add(!target.labels.isEmpty() && chance(0.5) ? pick(target.labels) : target.id);
                }
                node.deps.addAll(refs);
            } else if (chance(0.15)) {
                node.depsAbsent = false; // depends_on = None / ()
            }
        }
    }

    /** Whether {@code from} reaches {@code to} through down_revision and depends_on (ids or labels). */
    private boolean reaches(Node from, Node to) {
        Map<String, Node> byRef = byId();
        for (Node n : nodes) {
            for (String l : n.labels) {
                byRef.put(l, n);
            }
        }
        Set<Integer> seen = new HashSet<>();
        List<Node> todo = new ArrayList<>(List.of(from));
        while (!todo.isEmpty()) {
            Node x = todo.remove(todo.size() - 1);
            if (x == to) {
                return true;
            }
            if (seen.add(x.order)) {
                for (String ref : x.parents) {
                    if (byRef.containsKey(ref)) {
                        todo.add(byRef.get(ref));
                    }
                }
                for (String ref : x.deps) {
                    if (byRef.containsKey(ref)) {
                        todo.add(byRef.get(ref));
                    }
                }
            }
        }
        return false;
    }

    private void mergeParents(Node node, List<Node> tips) {
        List<Node> candidates = new ArrayList<>(tips);
        if (candidates.size() < 2 || chance(0.15)) {
            candidates = new ArrayList<>(nodes);
        }
        int want = chance(0.25) ? 3 : 2;
        List<Node> chosen = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && chosen.size() < want; attempt++) {
            Node c = pick(candidates);
            boolean related = false;
            for (Node o : chosen) {
                if (o == c || ancestors(o).contains(c.order) || ancestors(c).contains(o.order)) {
                    related = true;
                    break;
                }
            }
            if (!related) {
                chosen.add(c);
            }
        }
        for (Node c : chosen) {
            node.parents.add(c.id);
        }
        if (chosen.size() == 1 && chance(0.1)) {
            node.parents.add(chosen.get(0).id); // ("a", "a"): a merge point with a repeated parent
            notes.append("repeated-parent ");
        }
    }

    private String chooseId(int order) {
        double k = r.nextDouble();
        if (k < 0.72) {
            return hexId();
        }
        if (k < 0.94) {
            return readableId(order);
        }
        return hexId(); // and a legacy <hex>.py file (decided in layout)
    }

    // ------------------------------------------------------------------------------------------------------------
    // faults

    private List<Node> withDescendants() {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            for (Node m : nodes) {
                if (m != n && ancestors(m).contains(n.order)) {
                    out.add(n);
                    break;
                }
            }
        }
        return out;
    }

    /** A random revision that has descendants, and one of them; {@code null} when no revision has any. */
    private Node[] nodeAndDescendant() {
        List<Node> cands = withDescendants();
        if (cands.isEmpty()) {
            return null;
        }
        Node x = pick(cands);
        return new Node[] {x, descendantOf(x)};
    }

    private Node descendantOf(Node a) {
        List<Node> ds = new ArrayList<>();
        for (Node m : nodes) {
            if (m != a && ancestors(m).contains(a.order)) {
                ds.add(m);
            }
        }
        return pick(ds);
    }

    /**
     * A reference that is no revision id: a fresh id, a prefix of an existing id (Alembic never resolves prefixes in
     * files), a fresh label, or, for down_revision, an existing branch label (down_revision must be an id).
     */
    private String unknownReference(Node a, boolean parent) {
        // a label as down_revision: only on a non-base, naming a non-head, so that bases and heads stay non-empty
        // (else Alembic's first complaint is CycleDetected, an artifact of the label)
        List<String> labels = new ArrayList<>();
        Set<String> hasChild = new HashSet<>();
        for (Node n : nodes) {
            hasChild.addAll(n.parents);
        }
        for (Node n : nodes) {
            if (n != a && hasChild.contains(n.id) && !a.parents.isEmpty()) {
                labels.addAll(n.labels);
            }
        }
        int k = r.nextInt(10);
        if (parent && k < 3 && !labels.isEmpty()) {
            notes.append("(a branch label) ");
            return pick(labels);
        }
        if (k < 6) {
            Node other = pick(nodes);
            String prefix = other.id.substring(0, Math.max(4, other.id.length() - 3));
            if (!names.contains(prefix)) {
                notes.append("(an id prefix) ");
                return prefix;
            }
        }
        return parent || chance(0.5) ? hexId() : newLabel();
    }

    private boolean labelsContain(String name) {
        return nodes.stream().anyMatch(n -> n.labels.contains(name));
    }

    private Fault injectFault(Fault fault) {
        if (nodes.isEmpty()) {
            return Fault.NONE;
        }
        Node a = pick(nodes);
        switch (fault) {
            case NONE:
                return fault;
            case DUPLICATE_REVISION: {
                List<Node> plain = new ArrayList<>();
                for (Node n : nodes) {
                    if (n.labels.isEmpty()) {
                        plain.add(n);
                    }
                }
                if (plain.isEmpty()) {
                    return Fault.NONE;
                }
                Node x = pick(plain);
                Node dup = new Node(nodes.size());
                dup.id = x.id;
                dup.message = "duplicate of " + x.message;
                if (chance(0.5) || x.order == 0) {
                    dup.parents.addAll(x.parents);
                } else if (chance(0.8)) {
                    dup.parents.add(nodes.get(r.nextInt(x.order)).id);
                }
                nodes.add(dup);
                notes.append("duplicate id ").append(x.id).append(' ');
                return fault;
            }
            case MISSING_PARENT: {
                String ghost = unknownReference(a, true);
                if (a.parents.isEmpty() || chance(0.5) || labelsContain(ghost)) {
                    a.parents.add(ghost);
                } else {
                    a.parents.set(r.nextInt(a.parents.size()), ghost);
                }
                notes.append(a.id).append(" -> missing parent ").append(ghost).append(' ');
                return fault;
            }
            case MISSING_DEPENDENCY: {
                String ghost = unknownReference(a, false);
                a.depsAbsent = false;
                a.deps.add(ghost);
                notes.append(a.id).append(" depends on missing ").append(ghost).append(' ');
                return fault;
            }
            case CYCLE: {
                Node[] xd = nodeAndDescendant();
                if (xd == null) {
                    return Fault.NONE;
                }
                Node x = xd[0];
                Node d = xd[1];
                if (x.parents.isEmpty() || chance(0.5)) {
                    x.parents.clear();
                }
                x.parents.add(d.id);
                notes.append("cycle ").append(x.id).append(" <- ").append(d.id).append(' ');
                return fault;
            }
            case SELF_LOOP: {
                if (chance(0.5)) {
                    a.parents.clear();
                }
                a.parents.add(a.id);
                notes.append("self-loop ").append(a.id).append(' ');
                return fault;
            }
            case DEPENDENCY_CYCLE: {
                Node[] xd = nodeAndDescendant();
                if (xd == null) {
                    return Fault.NONE;
                }
                Node x = xd[0];
                Node d = xd[1];
                x.depsAbsent = false;
                x.deps.add(!d.labels.isEmpty() && chance(0.4) ? pick(d.labels) : d.id);
                notes.append("dependency cycle ").append(x.id).append(" depends on descendant ").append(d.id);
                notes.append(' ');
                return fault;
            }
            case DEPENDENCY_SELF_LOOP: {
                a.depsAbsent = false;
                a.deps.add(a.id);
                notes.append("dependency self-loop ").append(a.id).append(' ');
                return fault;
            }
            case DEPENDENCY_ON_OWN_LABEL: {
                if (a.labels.isEmpty()) {
                    a.labelsAbsent = false;
                    a.labels.add(newLabel());
                }
                a.depsAbsent = false;
                a.deps.add(a.labels.get(0));
                notes.append(a.id).append(" depends on its own label ").append(a.labels.get(0)).append(' ');
                return fault;
            }
            case DUPLICATE_BRANCH_LABEL: {
                Node b = pick(nodes);
                if (b == a) {
                    b = nodes.get((a.order + 1) % nodes.size());
                }
                String label;
                if (!a.labels.isEmpty()) {
                    label = a.labels.get(0);
                } else {
                    label = newLabel();
                    a.labelsAbsent = false;
                    a.labels.add(label);
                }
                b.labelsAbsent = false;
                b.labels.add(label);
                notes.append("label ").append(label).append(" on ").append(a.id).append(" and ").append(b.id);
                notes.append(' ');
                return fault;
            }
            case BRANCH_LABEL_IS_REVISION: {
                Node b = pick(nodes);
                a.labelsAbsent = false;
                a.labels.add(b.id);
                notes.append("label ").append(b.id).append(" on ").append(a.id).append(' ');
                return fault;
            }
            case MISSING_REVISION: {
                a.omitRevision = true;
                notes.append("no revision in the file of ").append(a.id).append(' ');
                return fault;
            }
            case MISSING_DOWN_REVISION_ATTRIBUTE: {
                a.omitDownRevision = true;
                notes.append("no down_revision in ").append(a.id).append(' ');
                return fault;
            }
            case ILLEGAL_REVISION_CHARS: {
                String old = a.id;
                String bad;
                do {
                    int at = 1 + r.nextInt(old.length() - 1);
                    bad = old.substring(0, at) + pick(new String[] {"-", "@", "+"}) + old.substring(at);
                } while (!names.add(bad));
                a.id = bad;
                String illegal = bad;
                for (Node n : nodes) {
                    n.parents.replaceAll(p -> p.equals(old) ? illegal : p);
                    n.deps.replaceAll(p -> p.equals(old) ? illegal : p);
                }
                notes.append("illegal id ").append(bad).append(' ');
                return fault;
            }
            default:
                throw new IllegalStateException(fault.name());
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // files

    private String slug(String message) {
        return message.replace(' ', '_');
    }

    private String fileNameFor(Node n) {
        String safeId = n.id.replaceAll("[^A-Za-z0-9_]", "_");
        String slug = slug(n.message);
        int f = r.nextInt(100);
        if (f < 50) {
            return safeId + "_" + slug + ".py";
        }
        if (f < 62) {
            return String.format(Locale.ROOT, "%04d_%s.py", n.order + 1, slug);
        }
        if (f < 72) {
            return slug + "_" + safeId + ".py";
        }
        if (f < 82) {
            return String.format(Locale.ROOT, "2024_%02d_%02d_%04d-%s_%s.py", 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(2400), safeId, slug);
        }
        if (f < 86) {
            return "." + slug + "_" + safeId + ".py"; // dot-files are loaded too
        }
        if (f < 93) {
            return slug.toUpperCase(Locale.ROOT).charAt(0) + slug.substring(1) + "_" + safeId + ".py";
        }
        // a hex file name whose revision attribute says otherwise: the attribute wins
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8 + r.nextInt(8); i++) {
            sb.append(Character.forDigit(r.nextInt(16), 16));
        }
        return sb + ".py";
    }

    private int layout(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path scriptDir = dir.resolve("migrations");
        Files.createDirectories(scriptDir);
        // version locations
        List<String> locations = new ArrayList<>();
        boolean explicit = chance(0.7);
        if (!explicit) {
            locations.add("migrations/versions");
        } else {
            List<String> pool = new ArrayList<>(List.of(LOCATION_DIRS));
            int k = 1 + r.nextInt(3);
            for (int i = 0; i < k; i++) {
                locations.add(pool.remove(r.nextInt(pool.size())));
            }
        }
        for (String loc : locations) {
            Files.createDirectories(dir.resolve(loc));
        }
        // which nodes are legacy files: hex id, no revision attribute, named <id>.py
        Map<Integer, Set<String>> taken = new HashMap<>();
        PythonRevisionWriter writer = new PythonRevisionWriter(r);
        int files = 0;
        for (Node n : nodes) {
            n.location = r.nextInt(locations.size());
            Set<String> used = taken.computeIfAbsent(n.location, k -> new HashSet<>());
            boolean hex = n.id.matches("[0-9a-f]+");
            n.legacy = hex && !n.omitRevision && chance(0.06);
            String name;
            if (n.legacy) {
                name = n.id + ".py";
                if (used.contains(name)) {
                    n.legacy = false;
                    name = fileNameFor(n);
                }
            } else if (n.omitRevision) {
                name = slug(n.message) + "_" + n.order + ".py"; // not a hex name: Alembic cannot guess the id
            } else {
                name = fileNameFor(n);
            }
            while (used.contains(name) || (n.omitRevision && name.matches("[a-f0-9]+\\.py"))) {
                name = "x" + r.nextInt(1000) + "_" + name;
            }
            used.add(name);
            n.fileName = name;
            List<String> labels = n.labelsAbsent ? null : n.labels;
            List<String> deps = n.depsAbsent ? null : n.deps;
            String revision = n.legacy || n.omitRevision ? null : n.id;
            byte[] bytes = writer.write(new PythonRevisionWriter.FileSpec(
                    revision, n.parents, n.omitDownRevision, labels, deps, n.message));
            Files.write(dir.resolve(locations.get(n.location)).resolve(name), bytes);
            files++;
        }
        for (String loc : locations) {
            writeDecoys(dir.resolve(loc));
        }
        if (explicit && !locations.contains("migrations/versions") && chance(0.3)) {
            // version_locations replaces the default <script_location>/versions: this file is never read
            Path unlisted = dir.resolve("migrations/versions");
            Files.createDirectories(unlisted);
            Files.writeString(unlisted.resolve("zzz_unlisted.py"),
                    "revision = 'zzzunlisted'\ndown_revision = 'zzzmissing'\n");
            notes.append("unlisted-default-versions ");
        }
        writeScriptDir(scriptDir);
        writeIni(dir, locations, explicit);
        return files;
    }

    private void writeDecoys(Path versions) throws IOException {
        if (chance(0.3)) {
            Files.writeString(versions.resolve(chance(0.5) ? "README" : "README.md"),
                    "Revision files live here.\nrevision = \"zzzreadme\"\n");
        }
        if (chance(0.3)) {
            Files.writeString(versions.resolve("__init__.py"), chance(0.5) ? "" : "this is not python (((\n");
        }
        if (chance(0.1)) {
            Files.writeString(versions.resolve("__init__old.py"), "revision = 'zzzinit'\ndown_revision = None\n");
        }
        if (chance(0.2)) {
            Path lock = versions.resolve(".#lock_" + r.nextInt(100) + ".py");
            try {
                if (chance(0.5)) {
                    Files.createSymbolicLink(lock, Path.of("user@host.1234:1700000000")); // dangling, like emacs
                } else {
                    Files.writeString(lock, "garbage {{{\n");
                }
            } catch (IOException | UnsupportedOperationException e) {
                Files.writeString(lock, "garbage {{{\n");
            }
        }
        if (chance(0.2)) {
            byte[] junk = new byte[64];
            r.nextBytes(junk);
            Files.write(versions.resolve("x" + r.nextInt(100) + ".pyc"), junk);
        }
        if (chance(0.2)) {
            Files.writeString(versions.resolve("old_" + r.nextInt(100) + ".py.bak"),
                    "revision = 'zzzbackup'\ndown_revision = 'zzzmissing'\n");
        }
        if (chance(0.15)) {
            Files.writeString(versions.resolve("script.py.mako"),
                    "revision = ${repr(up_revision)}\ndown_revision = ${repr(down_revision)}\n");
        }
        if (chance(0.08)) {
            Files.writeString(versions.resolve("NOTES.PY"), "not python at all: revision = 'zzzupper'\n");
        }
        if (chance(0.1)) {
            // sub-directories are not scanned without recursive_version_locations
            Path archive = versions.resolve("archive");
            Files.createDirectories(archive);
            Files.writeString(archive.resolve("0000_archived.py"),
                    "revision = 'zzzarchived'\ndown_revision = 'zzzgone'\n");
        }
        if (chance(0.1)) {
            Path cache = versions.resolve("__pycache__");
            Files.createDirectories(cache);
            Files.write(cache.resolve("stale.cpython-311.pyc"), new byte[] {1, 2, 3});
        }
    }

    private void writeScriptDir(Path scriptDir) throws IOException {
        Files.writeString(scriptDir.resolve("env.py"),
                "raise RuntimeError('env.py must not run while only the revision map is read')\n");
        Files.writeString(scriptDir.resolve("script.py.mako"),
                "\"\"\"${message}\"\"\"\nrevision = ${repr(up_revision)}\ndown_revision = ${repr(down_revision)}\n");
        if (chance(0.3)) {
            Files.writeString(scriptDir.resolve("README"), "Generic single-database configuration.\n");
        }
    }

    private void writeIni(Path dir, List<String> locations, boolean explicit) throws IOException {
        boolean relative = chance(0.2);
        String prefix = relative ? "" : "%(here)s/";
        boolean odd = chance(0.05); // "key : value" and upper-case keys (ConfigParser lower-cases keys)
        String sep = odd ? " : " : chance(0.1) ? "=" : " = ";
        StringBuilder ini = new StringBuilder();
        ini.append("# A generic, single database configuration.\n\n[alembic]\n");
        ini.append("# path to migration scripts\n");
        boolean baseVar = !relative && chance(0.1);
        if (baseVar) {
            ini.append("root_dir").append(sep).append("%(here)s\n");
        }
        ini.append(odd ? "Script_Location" : "script_location").append(sep)
                .append(baseVar ? "%(root_dir)s/" : prefix).append("migrations\n");
        if (chance(0.2)) {
            ini.append("file_template = %%(rev)s_%%(slug)s\n");
        }
        if (explicit) {
            List<String> entries = new ArrayList<>();
            for (String l : locations) {
                entries.add((baseVar ? "%(root_dir)s/" : prefix) + l + (chance(0.05) ? "/" : ""));
            }
            if (chance(0.08)) {
                entries.add(r.nextInt(entries.size() + 1), prefix + "does_not_exist");
                notes.append("missing-location ");
            }
            if (chance(0.03)) {
                entries.add(entries.get(0)); // listed twice: "loaded twice! ignoring."
                notes.append("location-twice ");
            }
            int style = r.nextInt(6);
            String joined;
            String sepKey = null;
            switch (style) {
                case 0:
                    joined = String.join(" ", entries); // legacy split
                    break;
                case 1:
                    joined = String.join(chance(0.5) ? ", " : ",", entries); // legacy split
                    break;
                case 2:
                    sepKey = "space";
                    joined = String.join(chance(0.8) ? " " : "   ", entries);
                    break;
                case 3:
                    sepKey = "os";
                    joined = String.join(java.io.File.pathSeparator, entries);
                    break;
                case 4:
                    sepKey = ";";
                    joined = String.join(";", entries);
                    break;
                default:
                    sepKey = ":";
                    joined = String.join(":", entries);
                    break;
            }
            notes.append("locations[").append(sepKey == null ? "legacy" : sepKey).append("] ");
            ini.append("\n# version location specification\n");
            ini.append(odd ? "Version_Locations" : "version_locations").append(sep).append(joined).append('\n');
            if (sepKey != null) {
                ini.append("; separator for version_locations\n");
                ini.append("version_path_separator").append(sep).append(sepKey).append('\n');
            }
        }
        ini.append("\nsqlalchemy.url = driver://user:pass@localhost/dbname\n");
        ini.append("\n[post_write_hooks]\n\n[loggers]\nkeys = root,sqlalchemy,alembic\n\n[handlers]\nkeys = console\n");
        ini.append("\n[formatters]\nkeys = generic\n\n[logger_root]\nlevel = WARN\nhandlers = console\nqualname =\n");
        ini.append("\n[formatter_generic]\nformat = %%(levelname)-5.5s [%%(name)s] %%(message)s\n");
        String text = chance(0.1) ? ini.toString().replace("\n", "\r\n") : ini.toString();
        Files.writeString(dir.resolve("alembic.ini"), text, StandardCharsets.UTF_8);
    }

    private String describe(Fault fault) {
        int bases = 0;
        int merges = 0;
        int labelled = 0;
        int deps = 0;
        Set<Integer> locs = new HashSet<>();
        for (Node n : nodes) {
            bases += n.parents.isEmpty() ? 1 : 0;
            merges += n.parents.size() > 1 ? 1 : 0;
            labelled += n.labels.isEmpty() ? 0 : 1;
            deps += n.deps.isEmpty() ? 0 : 1;
            locs.add(n.location);
        }
        return String.format(Locale.ROOT, "%d revisions, %d bases, %d merges, %d labelled, %d with depends_on, "
                + "%d locations used; fault=%s %s", nodes.size(), bases, merges, labelled, deps, locs.size(),
                fault.label(), notes.toString().trim());
    }
}
