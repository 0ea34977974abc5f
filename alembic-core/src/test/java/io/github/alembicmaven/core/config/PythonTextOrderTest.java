package io.github.alembicmaven.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast code point comparison agrees with comparing code point by code point (Python's str order). */
class PythonTextOrderTest {

    @Test
    void fastComparisonAgreesWithCodePointByCodePoint() {
        String[] pieces = {"a", "b", "_", "0", "é", "\uD7FF", "\uE000", "\uFFFF", "\uD83D\uDE00", "\uD83D\uDE01",
            "\uD800\uDC00", "\uDBFF\uDFFF", "\uD83D", "\uDE00", ""};
        Random random = new Random(11);
        for (int k = 0; k < 100_000; k++) {
            String a = random(random, pieces);
            String b = random.nextInt(4) == 0 ? a + random(random, pieces) : random(random, pieces);
            assertThat(Integer.signum(PythonText.compareCodePoints(a, b))).as("%s vs %s", escape(a), escape(b))
                    .isEqualTo(Integer.signum(PythonText.compareCodePointsSlowly(a, b)));
            assertThat(Integer.signum(PythonText.compareCodePoints(b, a)))
                    .isEqualTo(Integer.signum(PythonText.compareCodePointsSlowly(b, a)));
        }
        // the case UTF-16 order gets wrong: U+1F600 (a surrogate pair) sorts after U+E000 by code point
        assertThat(PythonText.compareCodePoints("x\uD83D\uDE00", "x\uE000")).isPositive();
    }

    private static String random(Random random, String[] pieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(4); i >= 0; i--) {
            sb.append(pieces[random.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(String.format("\\u%04X", c)));
        return sb.toString();
    }
}
