package io.github.alembicmaven.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.check.HeadPolicy;
import io.github.alembicmaven.core.config.PythonText;
import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.graph.Revs;
import io.github.alembicmaven.core.merge.ConvergePlannerOptions.Strategy;
import io.github.alembicmaven.core.merge.MergePlan.Status;
import io.github.alembicmaven.core.script.RevisionScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConvergePlannerTest {
    static final Path VERSIONS = Revs.BASE.resolve("migrations/versions");
    static final ConvergePlannerOptions DEFAULTS = ConvergePlannerOptions.defaults();

    static String doc(String date) {
        return "msg\n\nRevision ID: x\nRevises: \nCreate Date: " + date + "\n\n";
    }

    /** a → {b, c}, with Create Dates. */
    static Revs twoHeads() {
        return Revs.of()
                .full("aaaa00000001", List.of(), List.of(), List.of(), doc("2024-01-01 10:00:00"))
                .full("bbbb00000002", List.of("aaaa00000001"), List.of(), List.of(), doc("2024-02-01 10:00:00"))
                .full("cccc00000003", List.of("aaaa00000001"), List.of(), List.of(), doc("2024-03-01 10:00:00.5"
                        .replace(".5", ".500000")));
    }

    static MergePlan plan(Revs revs, ConvergePlannerOptions options) {
        return ConvergePlanner.plan(revs.map(), options);
    }

    /** The planned graph: existing files then planned ones. */
    static RevisionMap after(Revs revs, MergePlan plan) {
        List<RevisionScript> scripts = new ArrayList<>(revs.scripts());
        for (PlannedMerge m : plan.merges()) {
            scripts.add(m.toScript());
        }
        return RevisionMap.build(scripts);
    }

    @Test
    void twoHeadsGetOneMergeWithDerivedIdSortedParentsNewestDateAndTheHeadsDirectory() {
        MergePlan plan = plan(twoHeads(), DEFAULTS);

        assertThat(plan.status()).isEqualTo(Status.PLANNED);
        assertThat(plan.writable()).isTrue();
        assertThat(plan.merges()).hasSize(1);
        PlannedMerge m = plan.merges().get(0);
        assertThat(m.parents()).containsExactly("bbbb00000002", "cccc00000003");
        assertThat(m.id()).isEqualTo(MergeRevisionId.derive(m.parents(), null, "merge heads"));
        assertThat(m.message()).isEqualTo("merge heads");
        assertThat(m.branchLabel()).isNull();
        assertThat(m.kind()).isEqualTo(PlannedMerge.Kind.MERGE);
        assertThat(m.createDate()).hasToString("2024-03-01 10:00:00.500000");
        assertThat(m.versionDirectory()).isEqualTo(VERSIONS);
        assertThat(m.line()).isNull();
        assertThat(plan.reason()).contains("1 revision to write").contains("bbbb00000002, cccc00000003");
        assertThat(plan.verification().passed()).isTrue();
        assertThat(plan.verification().headsAfter()).containsExactly(m.id());
        assertThat(plan.lines()).singleElement().satisfies(l -> {
            assertThat(l.heads()).containsExactly("bbbb00000002", "cccc00000003");
            assertThat(l.forkPoints()).containsExactly("aaaa00000001");
            assertThat(l.planned()).containsExactly(m.id());
        });
    }

    @Test
    void threeAndEightHeadsGetOneMergeEach() {
        Revs three = Revs.of().rev("a").rev("d", "a").rev("b", "a").rev("c", "a");
        MergePlan p3 = plan(three, DEFAULTS.withFallbackCreateDate(date("2020-01-01 00:00:00")));
        assertThat(p3.merges()).singleElement().satisfies(m -> assertThat(m.parents()).containsExactly("b", "c", "d"));

        Revs eight = Revs.of().rev("root");
        for (int i = 8; i >= 1; i--) {
            eight.rev("h" + i, "root");
        }
        MergePlan p8 = plan(eight, DEFAULTS.withFallbackCreateDate(date("2020-01-01 00:00:00")));
        assertThat(p8.status()).isEqualTo(Status.PLANNED);
        assertThat(p8.merges()).singleElement().satisfies(m ->
                assertThat(m.parents()).containsExactly("h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8"));
        assertThat(after(eight, p8).heads()).hasSize(1);
    }

    @Test
    void pairwiseChainsTwoParentMergesInSortedHeadOrderWithTheLabelOnTheLast() {
        Revs revs = Revs.of().rev("a").rev("d", "a").rev("b", "a").rev("c", "a");
        MergePlan plan = plan(revs, DEFAULTS.withStrategy(Strategy.PAIRWISE).withBranchLabel("release")
                .withFallbackCreateDate(date("2020-01-01 00:00:00")));

        assertThat(plan.status()).isEqualTo(Status.PLANNED);
        List<PlannedMerge> ms = plan.merges();
        assertThat(ms).hasSize(2);
        assertThat(ms.get(0).parents()).containsExactly("b", "c");
        assertThat(ms.get(0).branchLabel()).isNull();
        assertThat(ms.get(1).parents()).containsExactlyElementsOf(sorted(ms.get(0).id(), "d"));
        assertThat(ms.get(1).branchLabel()).isEqualTo("release");
        assertThat(ms).allSatisfy(m -> assertThat(m.parents()).hasSize(2));
        assertThat(plan.verification().headsAfter()).containsExactly(ms.get(1).id());
        assertThat(after(revs, plan).declaringRevision("release")).hasValueSatisfying(r ->
                assertThat(r.id()).isEqualTo(ms.get(1).id()));
    }

    @Test
    void pairwiseDatesFollowTheChain() {
        Revs revs = Revs.of()
                .full("a", List.of(), List.of(), List.of(), doc("2024-01-01 00:00:00"))
                .full("b", List.of("a"), List.of(), List.of(), doc("2024-05-01 00:00:00"))
                .full("c", List.of("a"), List.of(), List.of(), doc("2024-02-01 00:00:00"))
                .full("d", List.of("a"), List.of(), List.of(), doc("2024-03-01 00:00:00"));
        MergePlan plan = plan(revs, DEFAULTS.withStrategy(Strategy.PAIRWISE));
        assertThat(plan.merges()).extracting(m -> m.createDate().toString())
                .containsExactly("2024-05-01 00:00:00", "2024-05-01 00:00:00");
    }

    @Test
    void fromRevisionMergesOnlyTheHeadsDescendingFromIt() {
        // a → b → {c, d}; a → e
        Revs revs = Revs.of().rev("a").rev("b", "a").rev("c", "b").rev("d", "b").rev("e", "a");
        MergePlan plan = plan(revs, DEFAULTS.withFromRevision("b").withFallbackCreateDate(date("2020-01-01 00:00:00")));

        assertThat(plan.status()).isEqualTo(Status.PLANNED);
        assertThat(plan.merges()).singleElement().satisfies(m -> assertThat(m.parents()).containsExactly("c", "d"));
        assertThat(plan.lines().get(0).selected()).containsExactly("c", "d");
        assertThat(new java.util.TreeSet<>(plan.verification().headsAfter()))
                .containsExactlyInAnyOrder("e", plan.merges().get(0).id());

        assertThat(plan(revs, DEFAULTS.withFromRevision("c")).status()).isEqualTo(Status.CONVERGED);
        assertThat(plan(revs, DEFAULTS.withFromRevision("c")).reason()).contains("Nothing to merge");
        assertThat(plan(revs, DEFAULTS.withFromRevision("nope")).status()).isEqualTo(Status.REFUSED);
    }

    @Test
    void fromRevisionAcceptsABranchLabel() {
        Revs revs = Revs.of().rev("a").labelled("b", List.of("feature"), "a").rev("c", "b").rev("d", "b")
                .rev("e", "a");
        MergePlan plan = plan(revs, DEFAULTS.withFromRevision("feature")
                .withFallbackCreateDate(date("2020-01-01 00:00:00")));
        assertThat(plan.merges()).singleElement().satisfies(m -> assertThat(m.parents()).containsExactly("c", "d"));
    }

    @Test
    void branchLabelGoesOnTheMergeAndIsValidated() {
        MergePlan plan = plan(twoHeads(), DEFAULTS.withBranchLabel("main"));
        PlannedMerge m = plan.merges().get(0);
        assertThat(m.branchLabel()).isEqualTo("main");
        assertThat(m.id()).isEqualTo(MergeRevisionId.derive(m.parents(), "main", "merge heads"));
        assertThat(m.toScript().branchLabels()).containsExactly("main");

        Revs labelled = Revs.of().labelled("a", List.of("core")).rev("b", "a").rev("c", "a");
        MergePlan taken = plan(labelled, DEFAULTS.withBranchLabel("core"));
        assertThat(taken.status()).isEqualTo(Status.REFUSED);
        assertThat(taken.reason()).contains("Branch name 'core' is already used by revision a");
        assertThat(plan(labelled, DEFAULTS.withBranchLabel("b")).reason()).contains("is a revision id");
    }

    @Test
    void theSameRevIdAndBranchLabelAgainOnTheConvergedHistoryPlanNothing() {
        // found by ConvergeRunAlembicTest: converging again with the options that converged the history failed
        for (ConvergePlannerOptions options : List.of(DEFAULTS.withBranchLabel("release"),
                DEFAULTS.withRevId("000000merged"), DEFAULTS.withRevId("000000merged").withBranchLabel("release"))) {
            Revs revs = twoHeads();
            MergePlan first = plan(revs, options);
            assertThat(first.status()).isEqualTo(Status.PLANNED);
            PlannedMerge m = first.merges().get(0);
            revs.full(m.id(), m.parents(), m.branchLabel() == null ? List.of() : List.of(m.branchLabel()), List.of(),
                    m.docstring());

            MergePlan again = plan(revs, options);
            assertThat(again.status()).as("%s", options).isEqualTo(Status.CONVERGED);
            assertThat(again.merges()).isEmpty();
        }
        Revs labelledHead = Revs.of().labelled("a", List.of("release")).rev("000000merged", "a");
        assertThat(plan(labelledHead, DEFAULTS.withBranchLabel("release").withRevId("000000merged")).status())
                .isEqualTo(Status.CONVERGED);
        assertThat(plan(labelledHead, DEFAULTS.withRevId("garbage-id")).reason()).contains("'-'");
    }

    @Test
    void independentLinesWithOneHeadEachAreLeftAlone() {
        Revs revs = Revs.of().labelled("x1", List.of("x")).rev("x2", "x1").labelled("y1", List.of("y"))
                .rev("y2", "y1");
        HeadPolicy policy = new HeadPolicy(1, Set.of("x", "y"));
        MergePlan plan = plan(revs, DEFAULTS.withPolicy(policy));
        assertThat(plan.status()).isEqualTo(Status.CONVERGED);
        assertThat(plan.merges()).isEmpty();
        assertThat(plan.reason()).startsWith("Already converged");
        assertThat(plan.lines()).extracting(MergePlanLine::branchLabel).containsExactly("x", "y");
    }

    @Test
    void independentLinesAreMergedPerLineNeverAcross() {
        // x forks (x2, x3); y has one head; z forks (z2, z3)
        Revs revs = Revs.of()
                .labelled("x1", List.of("x")).rev("x2", "x1").rev("x3", "x1")
                .labelled("y1", List.of("y")).rev("y2", "y1")
                .labelled("z1", List.of("z")).rev("z2", "z1").rev("z3", "z1");
        HeadPolicy policy = new HeadPolicy(1, Set.of("x", "y", "z"));
        MergePlan plan = plan(revs, DEFAULTS.withPolicy(policy).withFallbackCreateDate(date("2020-01-01 00:00:00")));

        assertThat(plan.status()).isEqualTo(Status.PLANNED);
        assertThat(plan.merges()).hasSize(2);
        assertThat(plan.merges().get(0).parents()).containsExactly("x2", "x3");
        assertThat(plan.merges().get(0).line()).isEqualTo("x");
        assertThat(plan.merges().get(1).parents()).containsExactly("z2", "z3");
        assertThat(plan.merges().get(1).line()).isEqualTo("z");
        assertThat(plan.verification().linesAfter()).filteredOn(l -> l.branchLabel() != null)
                .allSatisfy(l -> assertThat(l.heads()).hasSize(1));

        // one label may not go on two merges
        MergePlan labelled = plan(revs, DEFAULTS.withPolicy(policy).withBranchLabel("rel")
                .withFallbackCreateDate(date("2020-01-01 00:00:00")));
        assertThat(labelled.status()).isEqualTo(Status.REFUSED);
        assertThat(labelled.reason()).contains("2 lines of history");
    }

    @Test
    void separateBasesWithoutLabelsAreMergedWithANote() {
        Revs revs = Revs.of().rev("a1").rev("a2", "a1").rev("b1").rev("b2", "b1");
        MergePlan plan = plan(revs, DEFAULTS.withFallbackCreateDate(date("2020-01-01 00:00:00")));
        assertThat(plan.status()).isEqualTo(Status.PLANNED);
        assertThat(plan.merges()).singleElement().satisfies(m -> assertThat(m.parents()).containsExactly("a2", "b2"));
        assertThat(plan.lines().get(0).sharesAncestor()).isFalse();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("share no common ancestor"));
    }

    @Test
    void alreadyConvergedPlansNothing() {
        Revs revs = Revs.of().rev("a").rev("b", "a");
        MergePlan plan = plan(revs, DEFAULTS);
        assertThat(plan.status()).isEqualTo(Status.CONVERGED);
        assertThat(plan.writable()).isFalse();
        assertThat(plan.refused()).isFalse();
        assertThat(plan.merges()).isEmpty();
        assertThat(plan.reason()).isEqualTo("Already converged: every line of history has one head; nothing to write.");
        assertThat(plan(Revs.of(), DEFAULTS).status()).isEqualTo(Status.CONVERGED);
    }

    @Test
    void convergesEvenWhenMaxHeadsWouldTolerateTheHeads() {
        MergePlan plan = plan(twoHeads(), DEFAULTS.withPolicy(new HeadPolicy(3, Set.of())));
        assertThat(plan.status()).isEqualTo(Status.PLANNED);
    }

    @Test
    void integrityErrorsAreRefused() {
        Revs revs = Revs.of().rev("a").rev("b", "a").rev("c", "ffff0000dead");
        MergePlan plan = plan(revs, DEFAULTS);
        assertThat(plan.status()).isEqualTo(Status.REFUSED);
        assertThat(plan.refused()).isTrue();
        assertThat(plan.merges()).isEmpty();
        assertThat(plan.reason()).contains("1 integrity error").contains("fix it first");
        assertThat(plan.notes()).singleElement().satisfies(n -> assertThat(n).contains("ffff0000dead"));

        Revs dup = Revs.of().rev("a").rev("b", "a").rev("b", "a");
        assertThat(plan(dup, DEFAULTS).status()).isEqualTo(Status.REFUSED);
        assertThat(ConvergePlanner.plan(null, DEFAULTS).status()).isEqualTo(Status.REFUSED);
    }

    @Test
    void createDateComesFromTheNewestParentElseTheFallbackNeverTheClock() {
        Revs mixed = Revs.of()
                .full("a", List.of(), List.of(), List.of(), doc("2024-01-01 00:00:00"))
                .full("b", List.of("a"), List.of(), List.of(), doc("2024-06-01 12:00:00+02:00")) // 10:00 UTC
                .full("c", List.of("a"), List.of(), List.of(), doc("2024-06-01 11:00:00")) // naive, read as UTC
                .full("d", List.of("a"), List.of(), List.of(), null);
        assertThat(plan(mixed, DEFAULTS).merges().get(0).createDate()).hasToString("2024-06-01 11:00:00");

        Revs aware = Revs.of()
                .full("a", List.of(), List.of(), List.of(), null)
                .full("b", List.of("a"), List.of(), List.of(), doc("2024-06-01 12:00:00+02:00"))
                .full("c", List.of("a"), List.of(), List.of(), null);
        assertThat(plan(aware, DEFAULTS).merges().get(0).createDate()).hasToString("2024-06-01 12:00:00+02:00");

        Revs none = Revs.of().rev("a").rev("b", "a").rev("c", "a");
        MergePlan refused = plan(none, DEFAULTS);
        assertThat(refused.status()).isEqualTo(Status.REFUSED);
        assertThat(refused.reason()).contains("Create Date").contains("wall clock");
        CreateDate fallback = CreateDate.fromOutputTimestamp("2023-09-09T09:09:09Z").orElseThrow();
        assertThat(plan(none, DEFAULTS.withFallbackCreateDate(fallback)).merges().get(0).createDate())
                .isEqualTo(fallback);
    }

    @Test
    void explicitRevIdIsUsedOnlyForASingleMerge() {
        MergePlan plan = plan(twoHeads(), DEFAULTS.withRevId("000000merged"));
        assertThat(plan.status()).isEqualTo(Status.PLANNED);
        assertThat(plan.merges()).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo("000000merged"));
        assertThat(plan.lines().get(0).planned()).containsExactly("000000merged");
        assertThat(plan.verification().headsAfter()).containsExactly("000000merged");

        Revs three = Revs.of().rev("a").rev("b", "a").rev("c", "a").rev("d", "a");
        MergePlan pairwise = plan(three, DEFAULTS.withStrategy(Strategy.PAIRWISE).withRevId("000000merged")
                .withFallbackCreateDate(date("2020-01-01 00:00:00")));
        assertThat(pairwise.status()).isEqualTo(Status.REFUSED);
        assertThat(pairwise.reason()).contains("2 merges are planned");

        assertThat(plan(twoHeads(), DEFAULTS.withRevId("abc-123")).reason()).contains("'-'");
        assertThat(plan(twoHeads(), DEFAULTS.withRevId("aaaa00000001")).reason()).contains("already used");
    }

    @Test
    void collisionWithAnExistingIdStepsToTheNextRound() {
        List<String> parents = List.of("bbbb00000002", "cccc00000003");
        String wouldBe = MergeRevisionId.derive(parents, null, "merge heads");
        // force the collision: existing id equals the derivation of exactly the planned parents
        Revs forced = Revs.of()
                .full("aaaa00000001", List.of(), List.of(), List.of(), doc("2024-01-01 10:00:00"))
                .full("bbbb00000002", List.of("aaaa00000001"), List.of(), List.of(), doc("2024-02-01 10:00:00"))
                .full("cccc00000003", List.of("aaaa00000001"), List.of(), List.of(), doc("2024-03-01 10:00:00"))
                .full(wouldBe, List.of("aaaa00000001"), List.of("side"), List.of(), null);
        HeadPolicy policy = new HeadPolicy(1, Set.of("side"));
        MergePlan collided = plan(forced, DEFAULTS.withPolicy(policy));
        assertThat(collided.status()).isEqualTo(Status.PLANNED);
        PlannedMerge m = collided.merges().get(0);
        assertThat(m.parents()).isEqualTo(parents);
        assertThat(m.id()).isNotEqualTo(wouldBe).isEqualTo(MergeRevisionId.derive(parents, null, "merge heads", 1));

        // a label counts as taken too
        Revs labelCollision = Revs.of()
                .full("aaaa00000001", List.of(), List.of(wouldBe), List.of(), doc("2024-01-01 10:00:00"))
                .full("bbbb00000002", List.of("aaaa00000001"), List.of(), List.of(), doc("2024-02-01 10:00:00"))
                .full("cccc00000003", List.of("aaaa00000001"), List.of(), List.of(), doc("2024-03-01 10:00:00"));
        assertThat(plan(labelCollision, DEFAULTS).merges().get(0).id())
                .isEqualTo(MergeRevisionId.derive(parents, null, "merge heads", 1));
    }

    @Test
    void samePlanTwiceAndSameIdsWhateverTheLoadOrder() {
        Revs revs = Revs.of()
                .labelled("x1", List.of("x")).rev("x2", "x1").rev("x3", "x1").rev("x4", "x2")
                .rev("a").rev("b", "a").rev("c", "a").rev("d", "c").rev("e", "c").dep("f", List.of("b"), "a");
        HeadPolicy policy = new HeadPolicy(1, Set.of("x"));
        ConvergePlannerOptions options = DEFAULTS.withPolicy(policy)
                .withFallbackCreateDate(date("2020-01-01 00:00:00"));
        MergePlan first = plan(revs, options);
        assertThat(first.status()).isEqualTo(Status.PLANNED);
        assertThat(plan(revs, options)).isEqualTo(first);

        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            List<RevisionScript> shuffled = new ArrayList<>(revs.scripts());
            Collections.shuffle(shuffled, random);
            MergePlan again = ConvergePlanner.plan(RevisionMap.build(shuffled), options);
            assertThat(again.merges()).isEqualTo(first.merges());
            assertThat(again.lines()).isEqualTo(first.lines());
            assertThat(again.reason()).isEqualTo(first.reason());
        }
    }

    @Test
    void directoryIsTheFirstSortedParentsUnlessVersionPathIsGiven() {
        Path other = Path.of("/proj/other/versions");
        Revs revs = Revs.of()
                .full("a", List.of(), List.of(), List.of(), doc("2024-01-01 00:00:00"))
                .script(new RevisionScript(other.resolve("c.py"), "c", 1, List.of("a"), 2, List.of(), 0, List.of(), 0,
                        doc("2024-01-02 00:00:00")))
                .script(new RevisionScript(other.resolve("b.py"), "b", 1, List.of("a"), 2, List.of(), 0, List.of(), 0,
                        doc("2024-01-02 00:00:00")))
                .full("d", List.of("a"), List.of(), List.of(), doc("2024-01-01 00:00:00"));
        assertThat(plan(revs, DEFAULTS).merges().get(0).versionDirectory()).isEqualTo(other);
        Path chosen = Path.of("/proj/migrations/versions");
        assertThat(plan(revs, DEFAULTS.withVersionPath(chosen)).merges().get(0).versionDirectory()).isEqualTo(chosen);
    }

    @Test
    void secondPlanningRunOnThePlannedGraphPlansNothing() {
        Revs revs = Revs.of().rev("a").rev("b", "a").rev("c", "a").rev("d", "c").rev("e", "c");
        for (Strategy s : Strategy.values()) {
            MergePlan plan = plan(revs, DEFAULTS.withStrategy(s).withFallbackCreateDate(date("2020-01-01 00:00:00")));
            assertThat(plan.status()).isEqualTo(Status.PLANNED);
            assertThat(ConvergePlanner.plan(after(revs, plan), DEFAULTS).status()).isEqualTo(Status.CONVERGED);
        }
    }

    @Test
    void plannedScriptsCarryTheStockDocstringSoTheirDateIsReadBack() {
        PlannedMerge m = plan(twoHeads(), DEFAULTS).merges().get(0);
        RevisionScript s = m.toScript();
        assertThat(s.revision()).isEqualTo(m.id());
        assertThat(s.downRevisions()).isEqualTo(m.parents());
        assertThat(s.path()).isEqualTo(VERSIONS.resolve(m.id() + ".py"));
        assertThat(s.message()).isEqualTo("merge heads");
        assertThat(m.docstring()).contains("Revises: bbbb00000002, cccc00000003\n");
        assertThat(CreateDate.fromDocstring(s.docstring())).contains(m.createDate());
    }

    @Test
    void verificationCatchesABrokenPlan() {
        Revs revs = twoHeads();
        MergePlan plan = plan(revs, DEFAULTS);
        PlannedMerge m = plan.merges().get(0);
        PlannedMerge onlyOne = new PlannedMerge(m.id(), List.of("bbbb00000002"), null, m.message(), m.createDate(),
                m.versionDirectory(), m.kind(), null);
        MergePlan broken = new MergePlan(Status.PLANNED, "", List.of(), plan.lines(), List.of(onlyOne), null);
        MergePlanVerification v = ConvergePlanner.verify(revs.map(), broken, DEFAULTS);
        assertThat(v.passed()).isFalse();
        assertThat(v.problems()).anySatisfy(p -> assertThat(p).contains("would have heads"));
    }

    static CreateDate date(String s) {
        return CreateDate.parse(s).orElseThrow();
    }

    static List<String> sorted(String... ids) {
        List<String> out = new ArrayList<>(List.of(ids));
        out.sort(PythonText.CODE_POINT_ORDER);
        return out;
    }
}
