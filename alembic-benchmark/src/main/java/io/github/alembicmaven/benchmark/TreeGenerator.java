package io.github.alembicmaven.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a realistic Alembic tree of {@code n} revisions: {@code alembic.ini} ({@code script_location = %(here)s}), a
 * minimal {@code env.py} and {@code script.py.mako}, and {@code versions/<12-hex>_<slug>.py} files rendered like
 * Alembic's stock {@code generic} template (typed identifiers, docstring with Revision ID / Revises / Create Date, an
 * {@code upgrade()} with a few {@code op.add_column(...)} calls and the matching {@code downgrade()}).
 *
 * <p>The history is mostly linear, with branch points (two changes started from the same revision), merges (of two,
 * sometimes three heads), a rare {@code depends_on} on an older revision and one branch label on the root; it always
 * ends in exactly one head. Everything ({@code java.util.Random}, whose algorithm is specified) depends only on
 * {@code (n, seed)}, so the same tree is produced on every machine.
 */
public final class TreeGenerator {
    /** Bumped whenever the output changes, so cached trees are regenerated. */
    static final int FORMAT_VERSION = 2;

    static final String ROOT_LABEL = "app";

    private static final double P_MERGE = 0.015;
    private static final double P_BRANCH = 0.02;
    /** Rare, as in real projects (Alembic 1.8's cost grows with their number times the history length). */
    private static final double P_DEPENDS_ON = 0.0005;
    private static final int MAX_OPEN_HEADS = 4;

    private static final String[] TABLES = {
        "users", "accounts", "orders", "order_items", "invoices", "payments", "products", "categories", "customers",
        "addresses", "shipments", "warehouses", "inventory", "audit_log", "sessions", "api_keys", "webhooks",
        "subscriptions", "plans", "coupons", "tenants", "roles", "permissions", "notifications", "reports"
    };
    private static final String[] COLUMNS = {
        "created_at", "updated_at", "deleted_at", "status", "email", "display_name", "external_id", "currency",
        "amount_cents", "notes", "priority", "is_active", "version", "locale", "timezone", "metadata_json", "source",
        "reference", "score", "expires_at", "owner_id", "tenant_id", "slug", "checksum", "retries"
    };
    private static final String[] TYPES = {
        "sa.String(length=64)", "sa.String(length=255)", "sa.Integer()", "sa.BigInteger()", "sa.Boolean()",
        "sa.DateTime(timezone=True)", "sa.Text()", "sa.Numeric(precision=12, scale=2)", "sa.JSON()"
    };
    private static final DateTimeFormatter CREATE_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    private TreeGenerator() {}

    /** {@code TreeGenerator <dir> <n> [seed]}: writes one tree (for trying Alembic or the plugin on it by hand). */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: TreeGenerator <dir> <revisions> [seed]");
            System.exit(2);
        }
        Tree t = generate(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 42);
        System.out.printf(Locale.ROOT, "%s: %d revisions, %d bytes, %d branch points, %d merges, %d depends_on, head %s%n",
                t.dir(), t.size(), t.totalBytes(), t.branchPoints(), t.mergePoints(), t.dependsOn(), t.expectedHeads());
    }

    /** One generated revision; {@code down} holds indices of earlier revisions. */
    record Rev(int index, String id, String slug, String message, int[] down, int dependsOn, boolean labelled) {}

    /** What was generated. */
    public record Tree(Path dir, int size, long seed, List<String> expectedHeads, long totalBytes, int branchPoints,
            int mergePoints, int dependsOn) {
        public Path ini() {
            return dir.resolve("alembic.ini");
        }

        public Path versions() {
            return dir.resolve("versions");
        }
    }

    /**
     * Returns the tree for {@code (n, seed)} under {@code root}, generating it unless a complete one of the same
     * format is already there.
     */
    public static Tree ensure(Path root, int n, long seed) {
        Path dir = root.resolve("tree-" + n + "-seed" + seed);
        List<Rev> revs = plan(n, seed);
        Path marker = dir.resolve(".generated");
        String stamp = "format=" + FORMAT_VERSION + " n=" + n + " seed=" + seed + "\n";
        try {
            if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(stamp)) {
                deleteRecursively(dir);
                write(dir, revs, seed);
                Files.writeString(marker, stamp);
            }
            return describe(dir, n, seed, revs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generates into {@code dir} (which must not exist or be empty). */
    public static Tree generate(Path dir, int n, long seed) {
        List<Rev> revs = plan(n, seed);
        try {
            write(dir, revs, seed);
            return describe(dir, n, seed, revs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The graph, without writing anything. Index order is a topological order. */
    static List<Rev> plan(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1");
        }
        Random rnd = new Random(seed * 1_000_003L + n);
        Set<String> ids = new HashSet<>();
        List<Rev> revs = new ArrayList<>(n);
        List<Integer> heads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = newId(rnd, ids);
            int[] down;
            String message;
            if (i == 0) {
                down = new int[0];
                message = "initial schema";
            } else if (i == n - 1 && heads.size() > 1) {
                down = heads.stream().mapToInt(Integer::intValue).toArray();
                heads.clear();
                message = "merge heads";
            } else {
                double r = rnd.nextDouble();
                if (heads.size() >= 2 && (r < P_MERGE || heads.size() >= MAX_OPEN_HEADS)) {
                    int k = heads.size() >= 3 && rnd.nextInt(10) == 0 ? 3 : 2;
                    down = new int[k];
                    for (int j = 0; j < k; j++) {
                        down[j] = heads.remove(rnd.nextInt(heads.size()));
                    }
                    message = "merge heads";
                } else if (r < P_MERGE + P_BRANCH && revs.get(heads.get(heads.size() - 1)).down.length == 1) {
                    // a second change started from the same revision as the newest head: a branch point
                    down = new int[] {revs.get(heads.get(heads.size() - 1)).down[0]};
                    message = randomMessage(rnd);
                } else {
                    int h = rnd.nextInt(5) == 0 ? rnd.nextInt(heads.size()) : heads.size() - 1;
                    down = new int[] {heads.remove(h)};
                    message = randomMessage(rnd);
                }
            }
            int dependsOn = -1;
            if (i > 10 && down.length == 1 && rnd.nextDouble() < P_DEPENDS_ON) {
                int d = rnd.nextInt(i);
                if (d != down[0]) {
                    dependsOn = d;
                }
            }
            heads.add(i);
            revs.add(new Rev(i, id, slug(message), message, down, dependsOn, i == 0));
        }
        if (heads.size() != 1) {
            throw new IllegalStateException("generator bug: " + heads.size() + " heads");
        }
        return revs;
    }

    private static Tree describe(Path dir, int n, long seed, List<Rev> revs) throws IOException {
        int[] children = new int[n];
        int merges = 0;
        int deps = 0;
        boolean[] hasChild = new boolean[n];
        for (Rev r : revs) {
            for (int d : r.down) {
                children[d]++;
                hasChild[d] = true;
            }
            if (r.down.length > 1) {
                merges++;
            }
            if (r.dependsOn >= 0) {
                deps++;
            }
        }
        int branchPoints = 0;
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (children[i] > 1) {
                branchPoints++;
            }
            if (!hasChild[i]) {
                heads.add(revs.get(i).id);
            }
        }
        long bytes;
        try (Stream<Path> files = Files.list(dir.resolve("versions"))) {
            bytes = files.filter(p -> p.getFileName().toString().endsWith(".py"))
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        }
        return new Tree(dir, n, seed, List.copyOf(heads), bytes, branchPoints, merges, deps);
    }

    private static void write(Path dir, List<Rev> revs, long seed) throws IOException {
        Path versions = dir.resolve("versions");
        Files.createDirectories(versions);
        Files.writeString(dir.resolve("alembic.ini"), INI);
        Files.writeString(dir.resolve("env.py"), ENV_PY);
        Files.writeString(dir.resolve("script.py.mako"), SCRIPT_MAKO);
        Random rnd = new Random(seed * 7_919L + revs.size());
        LocalDateTime date = LocalDateTime.of(2019, 1, 7, 9, 30, 0);
        for (Rev r : revs) {
            // about six years of history whatever the size, a few minutes to a few days apart
            date = date.plusMinutes(1 + rnd.nextInt(Math.max(2, 2 * 6 * 365 * 24 * 60 / revs.size())))
                    .plusNanos(rnd.nextInt(1_000_000) * 1_000L);
            String text = render(r, revs, date, rnd);
            Files.write(versions.resolve(r.id + "_" + r.slug + ".py"), text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String render(Rev r, List<Rev> revs, LocalDateTime date, Random rnd) {
        StringBuilder sb = new StringBuilder(1200);
        String revises = r.down.length == 0 ? "" : String.join(", ", ids(r.down, revs));
        sb.append("\"\"\"").append(r.message).append("\n\n");
        sb.append("Revision ID: ").append(r.id).append('\n');
        sb.append("Revises: ").append(revises).append('\n');
        sb.append("Create Date: ").append(CREATE_DATE.format(date)).append("\n\n");
        sb.append("\"\"\"\n");
        sb.append("from typing import Sequence, Union\n\n");
        sb.append("from alembic import op\n");
        sb.append("import sqlalchemy as sa\n\n\n");
        sb.append("# revision identifiers, used by Alembic.\n");
        sb.append("revision: str = '").append(r.id).append("'\n");
        sb.append("down_revision: Union[str, Sequence[str], None] = ").append(downLiteral(r, revs)).append('\n');
        sb.append("branch_labels: Union[str, Sequence[str], None] = ")
                .append(r.labelled ? "('" + ROOT_LABEL + "',)" : "None")
                .append('\n');
        sb.append("depends_on: Union[str, Sequence[str], None] = ")
                .append(r.dependsOn >= 0 ? "'" + revs.get(r.dependsOn).id + "'" : "None")
                .append("\n\n\n");
        sb.append("def upgrade() -> None:\n");
        sb.append("    \"\"\"Upgrade schema.\"\"\"\n");
        if (r.down.length > 1) {
            sb.append("    pass\n\n\n");
            sb.append("def downgrade() -> None:\n");
            sb.append("    \"\"\"Downgrade schema.\"\"\"\n");
            sb.append("    pass\n");
            return sb.toString();
        }
        String table = TABLES[rnd.nextInt(TABLES.length)];
        int cols = 1 + rnd.nextInt(4);
        List<String> names = new ArrayList<>(cols);
        sb.append("    # ### commands auto generated by Alembic - please adjust! ###\n");
        for (int c = 0; c < cols; c++) {
            String col = COLUMNS[rnd.nextInt(COLUMNS.length)] + "_" + (r.index % 97) + c;
            names.add(col);
            sb.append("    op.add_column('").append(table).append("', sa.Column('").append(col).append("', ")
                    .append(TYPES[rnd.nextInt(TYPES.length)]).append(", nullable=")
                    .append(rnd.nextBoolean() ? "True" : "False").append("))\n");
        }
        if (rnd.nextInt(4) == 0) {
            sb.append("    op.create_index(op.f('ix_").append(table).append('_').append(names.get(0))
                    .append("'), '").append(table).append("', ['").append(names.get(0))
                    .append("'], unique=False)\n");
        }
        sb.append("    # ### end Alembic commands ###\n\n\n");
        sb.append("def downgrade() -> None:\n");
        sb.append("    \"\"\"Downgrade schema.\"\"\"\n");
        sb.append("    # ### commands auto generated by Alembic - please adjust! ###\n");
        for (int c = cols - 1; c >= 0; c--) {
            sb.append("    op.drop_column('").append(table).append("', '").append(names.get(c)).append("')\n");
        }
        sb.append("    # ### end Alembic commands ###\n");
        return sb.toString();
    }

    private static String downLiteral(Rev r, List<Rev> revs) {
        if (r.down.length == 0) {
            return "None";
        }
        if (r.down.length == 1) {
            return "'" + revs.get(r.down[0]).id + "'";
        }
        // repr() of a tuple, as the template renders merge revisions
        return "(" + String.join(", ", ids(r.down, revs).stream().map(s -> "'" + s + "'").toList()) + ")";
    }

    private static List<String> ids(int[] idx, List<Rev> revs) {
        List<String> out = new ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(revs.get(i).id);
        }
        return out;
    }

    private static String newId(Random rnd, Set<String> seen) {
        while (true) {
            String id = String.format(Locale.ROOT, "%012x", rnd.nextLong() & 0xFFFF_FFFF_FFFFL);
            if (seen.add(id)) {
                return id;
            }
        }
    }

    private static String randomMessage(Random rnd) {
        String t = TABLES[rnd.nextInt(TABLES.length)];
        String c = COLUMNS[rnd.nextInt(COLUMNS.length)];
        switch (rnd.nextInt(6)) {
            case 0:
                return "create " + t + " table";
            case 1:
                return "add index on " + t + "." + c;
            case 2:
                return "drop " + c + " from " + t;
            case 3:
                return "make " + t + "." + c + " nullable";
            default:
                return "add " + c + " to " + t;
        }
    }

    /** Alembic's slug: words of the message joined by '_', lower-cased, cut at 40 characters on a word boundary. */
    static String slug(String message) {
        String slug = String.join("_", message.toLowerCase(Locale.ROOT).split("\\W+"));
        if (slug.length() > 40) {
            slug = slug.substring(0, 40);
            slug = slug.substring(0, Math.max(slug.lastIndexOf('_'), 0)) + "_";
        }
        return slug;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static final String INI = "# A generic, single database configuration (generated by alembic-benchmark).\n"
            + "\n"
            + "[alembic]\n"
            + "script_location = %(here)s\n"
            + "prepend_sys_path = .\n"
            + "version_path_separator = os\n"
            + "sqlalchemy.url = sqlite:///%(here)s/bench.db\n"
            + "\n"
            + "[loggers]\n"
            + "keys = root,sqlalchemy,alembic\n"
            + "\n"
            + "[handlers]\n"
            + "keys = console\n"
            + "\n"
            + "[formatters]\n"
            + "keys = generic\n"
            + "\n"
            + "[logger_root]\n"
            + "level = WARN\n"
            + "handlers = console\n"
            + "qualname =\n"
            + "\n"
            + "[logger_sqlalchemy]\n"
            + "level = WARN\n"
            + "handlers =\n"
            + "qualname = sqlalchemy.engine\n"
            + "\n"
            + "[logger_alembic]\n"
            + "level = INFO\n"
            + "handlers =\n"
            + "qualname = alembic\n"
            + "\n"
            + "[handler_console]\n"
            + "class = StreamHandler\n"
            + "args = (sys.stderr,)\n"
            + "level = NOTSET\n"
            + "formatter = generic\n"
            + "\n"
            + "[formatter_generic]\n"
            + "format = %(levelname)-5.5s [%(name)s] %(message)s\n"
            + "datefmt = %H:%M:%S\n";

    /** Minimal offline-only env.py: enough for `alembic upgrade --sql`; `alembic heads` does not run it. */
    private static final String ENV_PY = "from alembic import context\n"
            + "\n"
            + "config = context.config\n"
            + "\n"
            + "\n"
            + "def run_migrations_offline() -> None:\n"
            + "    context.configure(\n"
            + "        url=config.get_main_option(\"sqlalchemy.url\"),\n"
            + "        target_metadata=None,\n"
            + "        literal_binds=True,\n"
            + "        dialect_opts={\"paramstyle\": \"named\"},\n"
            + "    )\n"
            + "    with context.begin_transaction():\n"
            + "        context.run_migrations()\n"
            + "\n"
            + "\n"
            + "if context.is_offline_mode():\n"
            + "    run_migrations_offline()\n"
            + "else:\n"
            + "    raise SystemExit(\"benchmark tree: offline mode (--sql) only\")\n";

    private static final String SCRIPT_MAKO = "\"\"\"${message}\n"
            + "\n"
            + "Revision ID: ${up_revision}\n"
            + "Revises: ${down_revision | comma,n}\n"
            + "Create Date: ${create_date}\n"
            + "\n"
            + "\"\"\"\n"
            + "from typing import Sequence, Union\n"
            + "\n"
            + "from alembic import op\n"
            + "import sqlalchemy as sa\n"
            + "${imports if imports else \"\"}\n"
            + "\n"
            + "# revision identifiers, used by Alembic.\n"
            + "revision: str = ${repr(up_revision)}\n"
            + "down_revision: Union[str, Sequence[str], None] = ${repr(down_revision)}\n"
            + "branch_labels: Union[str, Sequence[str], None] = ${repr(branch_labels)}\n"
            + "depends_on: Union[str, Sequence[str], None] = ${repr(depends_on)}\n"
            + "\n"
            + "\n"
            + "def upgrade() -> None:\n"
            + "    \"\"\"Upgrade schema.\"\"\"\n"
            + "    ${upgrades if upgrades else \"pass\"}\n"
            + "\n"
            + "\n"
            + "def downgrade() -> None:\n"
            + "    \"\"\"Downgrade schema.\"\"\"\n"
            + "    ${downgrades if downgrades else \"pass\"}\n";
}
