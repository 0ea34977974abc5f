package io.github.alembicmaven.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.config.PythonText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MergeRevisionIdTest {

    @Test
    void documentedEncodingAndKnownVectors() {
        assertThat(new String(MergeRevisionId.encoding(List.of("b", "a"), null, "merge heads", 0),
                        StandardCharsets.UTF_8))
                .isEqualTo("22:alembic-maven merge v1,1:2,1:a,1:b,1:0,11:merge heads,");
        // Vectors computed independently with Python:
        // hashlib.sha256(b'22:alembic-maven merge v1,1:2,1:a,1:b,1:0,11:merge heads,').hexdigest()[:12]
        assertThat(MergeRevisionId.derive(List.of("a", "b"), null, "merge heads")).isEqualTo("563f0c59b6b1");
        // '22:alembic-maven merge v1,1:2,1:a,1:b,1:1,4:feat,6:mérge,1:3,' (UTF-8 byte lengths, round 3)
        assertThat(MergeRevisionId.derive(List.of("b", "a"), "feat", "mérge", 3)).isEqualTo("37863aba096b");
    }

    @Test
    void shapeIsAlembicsTwelveLowercaseHex() {
        for (int round = 0; round < 50; round++) {
            assertThat(MergeRevisionId.derive(List.of("x" + round, "y"), null, "m", round)).matches("[0-9a-f]{12}");
        }
    }

    @Test
    void parentOrderDoesNotMatterButEveryFieldDoes() {
        String id = MergeRevisionId.derive(List.of("ccc", "aaa", "bbb"), null, "merge heads");
        assertThat(MergeRevisionId.derive(List.of("bbb", "ccc", "aaa"), null, "merge heads")).isEqualTo(id);
        assertThat(MergeRevisionId.derive(List.of("aaa", "bbb"), null, "merge heads")).isNotEqualTo(id);
        assertThat(MergeRevisionId.derive(List.of("aaa", "bbb", "ccc"), "x", "merge heads")).isNotEqualTo(id);
        assertThat(MergeRevisionId.derive(List.of("aaa", "bbb", "ccc"), "", "merge heads")).isNotEqualTo(id);
        assertThat(MergeRevisionId.derive(List.of("aaa", "bbb", "ccc"), null, "merge")).isNotEqualTo(id);
        assertThat(MergeRevisionId.derive(List.of("aaa", "bbb", "ccc"), null, "merge heads", 1)).isNotEqualTo(id);
        // the netstring framing keeps field boundaries apart
        assertThat(MergeRevisionId.derive(List.of("ab", "c"), null, "m"))
                .isNotEqualTo(MergeRevisionId.derive(List.of("a", "bc"), null, "m"));
    }

    @Test
    void sortsByCodePointLikePython() {
        // U+FF21 (BMP) sorts before U+1F600 (astral) by code point, but after it by UTF-16 unit
        String bmp = "\uFF21";
        String astral = "\uD83D\uDE00";
        assertThat(PythonText.CODE_POINT_ORDER.compare(bmp, astral)).isNegative();
        assertThat(new String(MergeRevisionId.encoding(List.of(astral, bmp), null, "m", 0), StandardCharsets.UTF_8))
                .contains("3:" + bmp + ",4:" + astral + ",");
    }

    @Test
    void collisionStepsToTheNextRoundDeterministically() {
        List<String> parents = List.of("a", "b");
        String first = MergeRevisionId.derive(parents, null, "merge heads", 0);
        String second = MergeRevisionId.derive(parents, null, "merge heads", 1);
        String third = MergeRevisionId.derive(parents, null, "merge heads", 2);
        assertThat(MergeRevisionId.deriveUnique(parents, null, "merge heads", Set.of()::contains)).isEqualTo(first);
        assertThat(MergeRevisionId.deriveUnique(parents, null, "merge heads", Set.of(first)::contains))
                .isEqualTo(second);
        assertThat(MergeRevisionId.deriveUnique(parents, null, "merge heads", Set.of(first, second)::contains))
                .isEqualTo(third);
    }

    @Test
    void explicitRevIdRulesFollowAlembic() {
        assertThat(MergeRevisionId.problem("000000merged")).isEmpty();
        assertThat(MergeRevisionId.problem("abc-def")).hasValueSatisfying(p -> assertThat(p).contains("'-'"));
        assertThat(MergeRevisionId.problem("a@b")).isPresent();
        assertThat(MergeRevisionId.problem("a+b")).isPresent();
        assertThat(MergeRevisionId.problem("a:b")).isPresent();
        assertThat(MergeRevisionId.problem("a b")).isPresent();
        assertThat(MergeRevisionId.problem("")).isPresent();
    }
}
