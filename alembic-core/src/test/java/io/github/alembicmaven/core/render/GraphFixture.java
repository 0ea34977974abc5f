package io.github.alembicmaven.core.render;

import io.github.alembicmaven.core.script.RevisionScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A realistic revision history, made up deterministically from a seed: a main line labelled {@code core} on which
 * feature branches fork (often two from one revision) and are merged back, an independent {@code audit} line with its
 * own base that depends_on the main line, and, at the top, one current fork (two heads on the main line).
 */
final class GraphFixture {
    static final Path BASEDIR = Path.of("/project");

    private static final String[] VERBS = {"add", "create", "drop", "rename", "alter", "index", "backfill", "split"};
    private static final String[] TABLES = {"customers", "orders", "order_items", "products", "invoices", "payments",
        "shipments", "coupons", "warehouses", "suppliers", "carts", "reviews", "refunds", "tax_rates", "users"};
    private static final String[] COLUMNS = {"email", "status", "created_at", "currency", "phone", "sku", "note",
        "discount", "region", "version", "archived", "external_id"};

    private final Random random;
    private final List<RevisionScript> scripts = new ArrayList<>();

    private GraphFixture(long seed) {
        random = new Random(seed);
    }

    /**
     * About {@code size} revisions (exactly {@code size} when {@code size >= 40}).
     *
     * @param size the number of revisions
     * @param seed the seed
     * @return the scripts in load order (file name order, as Alembic's directory listing usually is)
     */
    static List<RevisionScript> realistic(int size, long seed) {
        return new GraphFixture(seed).build(size);
    }

    private List<RevisionScript> build(int size) {
        int auditSize = Math.max(3, size / 15);
        int mainBudget = size - auditSize - 4; // the current fork: 1 + 2 + 1 revisions at the top
        String main = add("create initial schema", List.of(), List.of("core"), List.of());
        List<List<String>> features = new ArrayList<>(); // each: [forkPoint, tip]
        String lastBranchPoint = null;
        while (scripts.size() < mainBudget) {
            int roll = random.nextInt(100);
            int left = mainBudget - scripts.size();
            if (!features.isEmpty() && (roll < 11 || left <= features.size() + 1)) {
                // merge the oldest feature
                List<String> f = features.remove(0);
                main = add("merge " + shortId(main) + " and " + shortId(f.get(1)), List.of(main, f.get(1)), List.of(),
                        List.of());
            } else if (roll < 24 && features.size() < 3 && left > 8) {
                // start a feature from the main tip (sometimes a second one from the same revision)
                String from = main;
                features.add(new ArrayList<>(List.of(from, add(message(), List.of(from), List.of(), List.of()))));
                if (random.nextInt(3) == 0 && features.size() < 3 && scripts.size() < mainBudget) {
                    features.add(new ArrayList<>(List.of(from, add(message(), List.of(from), List.of(), List.of()))));
                }
                lastBranchPoint = from;
            } else if (roll < 62 && !features.isEmpty()) {
                List<String> f = features.get(random.nextInt(features.size()));
                f.set(1, add(message(), List.of(f.get(1)), List.of(), List.of()));
            } else {
                main = add(message(), List.of(main), List.of(), List.of());
            }
        }
        // the audit line: its own base, labelled, depending on a main-line revision
        String audit = add("create audit schema", List.of(), List.of("audit"), List.of(lastBranchPoint == null ? main
                : lastBranchPoint));
        for (int i = 1; i < auditSize; i++) {
            audit = add("audit " + message(), List.of(audit), List.of(), List.of());
        }
        // the current fork: two developers, one of them with two revisions
        main = add("add " + pick(COLUMNS) + " to " + pick(TABLES), List.of(main), List.of(), List.of());
        add("add loyalty points to customers", List.of(main), List.of(), List.of());
        String other = add("create gift cards table", List.of(main), List.of(), List.of());
        add("index gift cards by code", List.of(other), List.of(), List.of());
        List<RevisionScript> sorted = new ArrayList<>(scripts);
        sorted.sort(java.util.Comparator.comparing(s -> s.path().getFileName().toString()));
        return sorted;
    }

    private String add(String message, List<String> downs, List<String> labels, List<String> dependsOn) {
        String id = String.format("%012x", random.nextLong() & 0xffffffffffffL);
        String slug = message.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        Path path = BASEDIR.resolve("migrations/versions/" + id + "_" + (slug.length() > 40 ? slug.substring(0, 40)
                : slug) + ".py");
        scripts.add(new RevisionScript(path, id, 14, downs, 15, labels, labels.isEmpty() ? 0 : 16, dependsOn,
                dependsOn.isEmpty() ? 0 : 17, message + "\n\nRevision ID: " + id + "\n"));
        return id;
    }

    private String message() {
        String verb = pick(VERBS);
        String table = pick(TABLES);
        switch (verb) {
            case "add":
            case "drop":
            case "rename":
            case "alter":
            case "backfill":
                return verb + " " + pick(COLUMNS) + (verb.equals("add") ? " to " : verb.equals("drop") ? " from "
                        : " of ") + table;
            case "index":
                return "index " + table + " by " + pick(COLUMNS);
            default:
                return verb + " " + table + (verb.equals("create") ? " table" : " into " + table + "_archive");
        }
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String shortId(String id) {
        return id.substring(0, 6);
    }
}
