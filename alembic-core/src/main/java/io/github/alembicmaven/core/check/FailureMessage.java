package io.github.alembicmaven.core.check;

import io.github.alembicmaven.core.ProjectPaths;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.graph.HeadsListing;
import io.github.alembicmaven.core.graph.Revision;
import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.merge.ConvergePlanner;
import io.github.alembicmaven.core.merge.ConvergePlannerOptions;
import io.github.alembicmaven.core.merge.CreateDate;
import io.github.alembicmaven.core.merge.MergePlan;
import io.github.alembicmaven.core.merge.PlannedMerge;
import io.github.alembicmaven.core.render.AsciiGraph;
import io.github.alembicmaven.core.render.ForkRegion;
import io.github.alembicmaven.core.render.LaneLayout;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The failure message of {@link TreeCheck}: what is wrong, why it matters (what Alembic does), and the fix. Integrity
 * errors come first, then the head violations, each with a picture of the fork (fork point to heads, like
 * {@code git log --graph}); paths are relative to the basedir with {@code /}.
 */
public final class FailureMessage {
    /**
     * The converge advice: {@code mvn alembic:converge}, carrying {@code independentBranches} so that converge splits
     * the lines of history as the check did.
     */
    static String converge(Set<String> independentBranches, boolean several) {
        String command = "mvn alembic:converge";
        if (!independentBranches.isEmpty()) {
            command += " -Dalembic.independentBranches=" + String.join(",", new java.util.TreeSet<>(independentBranches));
        }
        return "run '" + command + "' to write " + (several ? "the merge revisions" : "a merge revision")
                + " (preview it first with '" + command + " -Dalembic.dryRun'), or with Alembic itself: ";
    }

    private FailureMessage() {}

    /**
     * Renders the message.
     *
     * @param map the graph (for paths, docstrings, fork points and Alembic's own error texts); may be {@code null}
     * @param integrityErrors error diagnostics, in the order to list them
     * @param violated the lines of history with too many heads
     * @param basedir paths are shown relative to it
     * @return the message, lines joined with {@code \n}; empty when there is nothing to report
     */
    public static String render(
            RevisionMap map, List<Diagnostic> integrityErrors, List<HeadLine> violated, Path basedir) {
        return render(map, integrityErrors, violated, basedir, Set.of());
    }

    /**
     * Renders the message for a head policy with independent lines of history.
     *
     * @param independentBranches the policy's {@code independentBranches}, repeated in the converge command
     * @see #render(RevisionMap, List, List, Path)
     */
    public static String render(RevisionMap map, List<Diagnostic> integrityErrors, List<HeadLine> violated,
            Path basedir, Set<String> independentBranches) {
        List<String> out = new ArrayList<>();
        if (!integrityErrors.isEmpty()) {
            integrity(out, map, integrityErrors, basedir);
        }
        if (!violated.isEmpty() && map != null) {
            heads(out, map, violated, basedir, independentBranches);
        }
        return String.join("\n", out);
    }

    private static void integrity(List<String> out, RevisionMap map, List<Diagnostic> errors, Path basedir) {
        int n = errors.size();
        out.add("Alembic migration graph has " + n + " integrity error" + (n == 1 ? "" : "s") + ":");
        Set<String> fatal = new LinkedHashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        boolean other = false;
        for (Diagnostic d : errors) {
            String location = d.path() == null
                    ? "<tree>"
                    : ProjectPaths.relative(basedir, d.path()) + (d.line() > 0 ? ":" + d.line() : "");
            out.add("  - [" + d.code().id() + "] " + location + ": " + d.message());
            if (d.fix() != null && !d.fix().isEmpty()) {
                out.add("    Fix: " + d.fix());
            }
            String alembic = map == null ? null : map.alembicError(d).orElse(null);
            if (alembic == null) {
                other = true;
            } else if (d.code() == DiagnosticCode.DUPLICATE_REVISION) {
                duplicates.add("\"" + alembic + "\"");
            } else {
                fatal.add(alembic);
            }
        }
        List<String> why = new ArrayList<>();
        if (!fatal.isEmpty()) {
            why.add("Alembic cannot load this history; every command, 'alembic upgrade head' included, fails ("
                    + String.join("; ", fatal) + ").");
        }
        if (!duplicates.isEmpty()) {
            why.add("Alembic only warns " + String.join(", ", duplicates) + " and silently keeps one of the two files"
                    + " (the one loaded last): the other migration never runs and stays behind as an extra head.");
        }
        if (other) {
            why.add("The file problems listed above either make Alembic fail while importing the revision files or"
                    + " keep this check from seeing the values Alembic would see.");
        }
        out.add("Why: " + String.join(" ", why));
    }

    private static void heads(List<String> out, RevisionMap map, List<HeadLine> violated, Path basedir,
            Set<String> independentBranches) {
        List<String> whys = new ArrayList<>();
        List<String> merges = new ArrayList<>();
        for (HeadLine line : violated) {
            String subject = line.branchLabel() == null
                    ? "Alembic migration graph"
                    : "Branch '" + line.branchLabel() + "' of the Alembic migration graph";
            out.add(subject + " has " + line.heads().size() + " heads, but at most " + line.allowed() + " "
                    + (line.allowed() == 1 ? "is" : "are") + " allowed:");
            List<String> effective = new ArrayList<>();
            for (String id : line.heads()) {
                Revision r = map.get(id).orElse(null);
                if (r == null) {
                    out.add("  - " + id);
                    continue;
                }
                StringBuilder sb = new StringBuilder("  - ").append(HeadsListing.line(r));
                sb.append("  ").append(ProjectPaths.relative(basedir, r.script().path()));
                String message = r.script().message();
                if (!message.isEmpty()) {
                    sb.append("  \"").append(message).append('"');
                }
                out.add(sb.toString());
                if (r.isEffectiveHead() && !effective.contains(id)) {
                    effective.add(id);
                }
            }
            if (line.forkPoints().isEmpty()) {
                out.add("  They share no common ancestor (bases: " + String.join(", ", bases(map, line.heads()))
                        + "). If these are meant to be independent lines of history, give each its own branch label"
                        + " and list the labels in independentBranches.");
            } else {
                List<String> forks = new ArrayList<>();
                for (String f : line.forkPoints()) {
                    forks.add(f + map.get(f).map(r -> " (" + ProjectPaths.relative(basedir, r.script().path()) + ")")
                            .orElse(""));
                }
                out.add("  They fork from " + String.join(", ", forks) + ":");
                forkView(map, line).forEach(l -> out.add("    " + l));
            }
            List<String> bridged = bridged(map, line);
            if (!effective.isEmpty()) {
                out.add("  " + String.join(", ", effective) + (effective.size() == 1 ? " is an effective head" :
                        " are effective heads") + ": only depends_on points at "
                        + (effective.size() == 1 ? "it" : "them") + ", so 'alembic merge heads' would miss "
                        + (effective.size() == 1 ? "it" : "them") + (bridged.isEmpty()
                                ? "; merge the ids explicitly as below."
                                : "; and a merge naming " + String.join(", ", bridged) + " together with a head that"
                                        + " depends on it can crash 'alembic upgrade', so the commands below first"
                                        + " give it a bridge revision and merge that."));
            }
            String target = target(line);
            whys.add("'alembic upgrade " + target + "' will fail with \"Multiple head revisions are present for given"
                    + " argument '" + target + "'; please specify a specific target revision, '<branchname>@head' to"
                    + " narrow to a specific head, or 'heads' for all heads\"");
            merges.add(mergeCommand(map, line));
        }
        out.add("Why: " + String.join("; ", whys) + ".");
        out.add("Fix: " + converge(independentBranches, merges.size() > 1) + String.join(" and ", merges));
    }

    /**
     * The fork as text, fork points at the bottom, heads on top ({@link AsciiGraph}); at most {@value #FORK_VIEW_ROWS}
     * rows.
     */
    static List<String> forkView(RevisionMap map, HeadLine line) {
        List<Revision> forked = ForkRegion.of(map, line.heads(), line.forkPoints());
        return forked.isEmpty() ? List.of() : AsciiGraph.lines(LaneLayout.of(map, forked), FORK_VIEW_ROWS);
    }

    /** The most rows of a fork view in the message. */
    static final int FORK_VIEW_ROWS = 30;

    /** {@code head} or {@code <label>@head}: the upgrade target that fails for this line. */
    static String target(HeadLine line) {
        return line.branchLabel() == null ? "head" : line.branchLabel() + "@head";
    }

    /**
     * The Alembic commands that converge {@code line}: {@code alembic merge -m "merge heads" a b}, naming the heads
     * explicitly (effective heads included). When a head is an effective head that another head of the line depends on
     * (a merge naming both can crash {@code alembic upgrade}, spec §7), the commands come from the {@link
     * ConvergePlanner}, which closes such a head with a bridge revision first; the {@code --rev-id}s are the planner's
     * deterministic ids, so everybody following the message writes the same revisions.
     */
    static String mergeCommand(RevisionMap map, HeadLine line) {
        String msg = line.branchLabel() == null ? "merge heads" : "merge " + line.branchLabel() + " heads";
        if (map != null && !bridged(map, line).isEmpty()) {
            List<String> commands = new ArrayList<>();
            for (PlannedMerge m : plan(map, line, msg).merges()) {
                commands.add(m.kind() == PlannedMerge.Kind.BRIDGE
                        ? "alembic revision -m \"" + m.message() + "\" --head " + m.parents().get(0) + " --rev-id "
                                + m.id()
                        : "alembic merge -m \"" + m.message() + "\" --rev-id " + m.id() + " "
                                + String.join(" ", m.parents()));
            }
            if (!commands.isEmpty()) {
                return String.join(" && ", commands);
            }
        }
        return "alembic merge -m \"" + msg + "\" " + String.join(" ", new LinkedHashSet<>(line.heads()));
    }

    /** The heads of {@code line} the planner closes with a bridge revision (none when the plan is not writable). */
    private static List<String> bridged(RevisionMap map, HeadLine line) {
        boolean anyEffective = line.heads().stream()
                .anyMatch(h -> map.get(h).map(Revision::isEffectiveHead).orElse(false));
        if (!anyEffective) {
            return List.of();
        }
        MergePlan plan = plan(map, line, "merge heads");
        return plan.lines().stream().flatMap(l -> l.bridged().stream()).collect(Collectors.toList());
    }

    /** The converge plan of {@code line} alone (ids and parents do not depend on the date, so any date serves). */
    private static MergePlan plan(RevisionMap map, HeadLine line, String message) {
        HeadPolicy policy = line.branchLabel() == null
                ? new HeadPolicy(line.allowed(), Set.of())
                : new HeadPolicy(Integer.MAX_VALUE, Set.of(line.branchLabel()));
        MergePlan plan = ConvergePlanner.plan(map, ConvergePlannerOptions.defaults()
                .withMessage(message)
                .withPolicy(policy)
                .withFallbackCreateDate(CreateDate.naive(LocalDateTime.of(2000, 1, 1, 0, 0))));
        if (!plan.writable()) {
            return plan;
        }
        List<PlannedMerge> mine = plan.merges().stream()
                .filter(m -> Objects.equals(m.line(), line.branchLabel()))
                .collect(Collectors.toList());
        return new MergePlan(plan.status(), plan.reason(), plan.notes(),
                plan.lines().stream().filter(l -> Objects.equals(l.branchLabel(), line.branchLabel()))
                        .collect(Collectors.toList()),
                mine, plan.verification());
    }

    /** The bases (no down_revision) below the given heads, load order. */
    private static List<String> bases(RevisionMap map, List<String> heads) {
        Set<String> below = new LinkedHashSet<>();
        for (String h : heads) {
            below.addAll(map.ancestors(h));
        }
        List<String> out = new ArrayList<>();
        for (Revision r : map.revisions()) {
            if (r.isBase() && below.contains(r.id())) {
                out.add(r.id());
            }
        }
        return out;
    }
}
