package io.github.alembicmaven.core.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomTreeGeneratorTest {

    @Test
    void sameSeedGivesTheSameBytes(@TempDir Path tmp) throws IOException {
        RandomTreeGenerator g = new RandomTreeGenerator();
        for (int i = 0; i < 25; i++) {
            long seed = RandomTreeGenerator.treeSeed(42, i);
            GeneratedTree a = g.generate(tmp.resolve("a" + i), seed, i);
            GeneratedTree b = new RandomTreeGenerator().generate(tmp.resolve("b" + i), seed, i);
            assertThat(snapshot(b.dir())).as("tree %d", i).isEqualTo(snapshot(a.dir()));
            assertThat(b.description()).isEqualTo(a.description());
            assertThat(b.fault()).isEqualTo(a.fault());
        }
    }

    @Test
    void differentSeedsGiveDifferentTrees(@TempDir Path tmp) throws IOException {
        RandomTreeGenerator g = new RandomTreeGenerator();
        GeneratedTree a = g.generate(tmp.resolve("a"), RandomTreeGenerator.treeSeed(1, 0), 0);
        GeneratedTree b = g.generate(tmp.resolve("b"), RandomTreeGenerator.treeSeed(1, 1), 1);
        assertThat(snapshot(a.dir())).isNotEqualTo(snapshot(b.dir()));
    }

    @Test
    void aboutAQuarterOfTheTreesCarryAFaultAndEveryFaultOccurs() {
        Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
        int n = 4000;
        for (int i = 0; i < n; i++) {
            Fault f = RandomTreeGenerator.chooseFault(new Random(RandomTreeGenerator.treeSeed(7, i)));
            counts.merge(f, 1, Integer::sum);
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder(Fault.values());
        assertThat(counts.get(Fault.NONE) / (double) n).isBetween(0.70, 0.80);
    }

    @Test
    void writesAnIniAndRevisionFilesWithDecoysAlongside(@TempDir Path tmp) throws IOException {
        RandomTreeGenerator g = new RandomTreeGenerator();
        int revisionFiles = 0;
        for (int i = 0; i < 40; i++) {
            GeneratedTree t = g.generate(tmp.resolve("t" + i), RandomTreeGenerator.treeSeed(99, i), i);
            assertThat(t.dir().resolve("alembic.ini")).isRegularFile();
            assertThat(Files.readString(t.dir().resolve("alembic.ini")).toLowerCase(java.util.Locale.ROOT))
                    .contains("[alembic]", "script_location");
            revisionFiles += t.revisionFiles();
        }
        assertThat(revisionFiles).isGreaterThan(100);
    }

    /** Relative path → content (symlinks as their target) of every file below {@code dir}. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel, java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
                }
            }
        }
        return out;
    }
}
