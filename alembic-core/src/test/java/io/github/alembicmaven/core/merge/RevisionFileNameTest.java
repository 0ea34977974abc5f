package io.github.alembicmaven.core.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevisionFileNameTest {
    private static final CreateDate D2012 = CreateDate.naive(LocalDateTime.of(2012, 7, 25, 15, 8, 5));
    private static final String DEFAULT = "%(rev)s_%(slug)s";

    @Test
    void defaultTemplate() {
        assertThat(RevisionFileName.of(DEFAULT, "abc", "this is a message", 40, D2012, null))
                .isEqualTo("abc_this_is_a_message.py");
    }

    @Test
    void slugTruncationLikeAlembicTestSteps() {
        String msg = "this is a really long name with lots of characters and also I'd like it to\nhave\nnewlines";
        assertThat(RevisionFileName.of(DEFAULT, "x", msg, 40, D2012, null))
                .isEqualTo("x_this_is_a_really_long_name_with_lots_of_.py");
        assertThat(RevisionFileName.of(DEFAULT, "x", msg, 60, D2012, null))
                .isEqualTo("x_this_is_a_really_long_name_with_lots_of_characters_and_also_.py");
    }

    @Test
    void unicodeMessageFromSpec() {
        assertThat(RevisionFileName.of(DEFAULT, "000000merged",
                "a message that is quite long — with ünïcode, punctuation!! and more words than forty chars", 40,
                D2012, null)).isEqualTo("000000merged_a_message_that_is_quite_long_with_.py");
    }

    @Test
    void slugEdgeCases() {
        assertThat(RevisionFileName.slug(null, 40)).isEmpty();
        assertThat(RevisionFileName.slug("", 40)).isEmpty();
        assertThat(RevisionFileName.slug("!!!", 40)).isEmpty();
        assertThat(RevisionFileName.slug("  Merge   HEADS ", 40)).isEqualTo("merge_heads");
        assertThat(RevisionFileName.slug("snake_case and__x", 40)).isEqualTo("snake_case_and__x");
        // no "_" in the first N: rsplit keeps everything, then "_" is appended
        assertThat(RevisionFileName.slug("abcdefghij", 4)).isEqualTo("abcd_");
        // negative truncate_slug_length: Python slicing from the end
        assertThat(RevisionFileName.slug("one two three", -3)).isEqualTo("one_two_");
        assertThat(RevisionFileName.slug("one two", -30)).isEqualTo("_");
        // Python lower(): İ becomes i + U+0307 (two code points), final sigma
        assertThat(RevisionFileName.slug("İSTANBUL", 40)).isEqualTo("i\u0307stanbul");
        assertThat(RevisionFileName.slug("ΟΔΟΣ", 40)).isEqualTo("οδος");
        // Python \w: no combining marks (Java's UNICODE_CHARACTER_CLASS would keep U+0301), numbers of all kinds
        assertThat(RevisionFileName.slug("cafe\u0301 x²½ Ⅻ", 40)).isEqualTo("cafe_x²½_ⅻ");
        // code points, not UTF-16 units, are counted
        assertThat(RevisionFileName.slug("𝔘𝔫𝔦 𝔠𝔬𝔡𝔢", 3)).isEqualTo("𝔘𝔫𝔦_");
    }

    @Test
    void dateTokensWithoutPadding() {
        String t = "%(rev)s_%(slug)s_%(year)s_%(month)s_%(day)s_%(hour)s_%(minute)s_%(second)s";
        assertThat(RevisionFileName.of(t, "12345", "this is a message", 40, D2012, null))
                .isEqualTo("12345_this_is_a_message_2012_7_25_15_8_5.py");
    }

    @Test
    void epochOfUtcDate() {
        CreateDate utc = CreateDate.aware(OffsetDateTime.of(2012, 7, 25, 15, 8, 5, 0, ZoneOffset.UTC));
        assertThat(RevisionFileName.of("%(epoch)s_%(rev)s", "r", "m", 40, utc, null))
                .isEqualTo("1343228885_r.py");
        assertThat(RevisionFileName.of("%(epoch)s", "r", "m", 40, D2012, ZoneId.of("UTC")))
                .isEqualTo("1343228885.py");
        assertThat(RevisionFileName.of("%(epoch)s", "r", "m", 40, D2012, ZoneId.of("Europe/Berlin")))
                .isEqualTo("1343221685.py");
        assertThatThrownBy(() -> RevisionFileName.of("%(epoch)s", "r", "m", 40, D2012, null))
                .hasMessageContaining("localZone");
    }

    @Test
    void directoryTemplateWithPadding() {
        CreateDate d = CreateDate.naive(LocalDateTime.of(2024, 12, 26, 1, 2, 3));
        assertThat(RevisionFileName.of("%(year)d/%(month).2d/%(day).2d_%(rev)s_%(slug)s", "abc", "test message", 40,
                d, null)).isEqualTo("2024/12/26_abc_test_message.py");
        assertThat(RevisionFileName.of("%(month)02d-%(hour)02d%%%(minute)3d|%(second)-3d|", "abc", "m", 40, d,
                null)).isEqualTo("12-01%  2|3  |.py");
    }

    @Test
    void percentFormatSubset() {
        Map<String, Object> v = Map.of("s", "abc", "n", 7L, "neg", -7L);
        assertThat(RevisionFileName.percentFormat("%(n)05.3d|%(n)+05d|%(neg)05d|%(neg).3d|%(neg)08.3d|%(n)-+5d|",
                v)).isEqualTo("00007|+0007|-0007|-007|-0000007|+7   |");
        assertThat(RevisionFileName.percentFormat("%(s)05s|%(s).2s|%(s)5.1s|%(s)r|%(n)ld|%(n)#d|%(n)i|%(n)u", v))
                .isEqualTo("  abc|ab|    a|'abc'|7|7|7|7");
        assertThat(RevisionFileName.percentFormat("no tokens", v)).isEqualTo("no tokens");
    }

    @Test
    void percentFormatErrorsUsePythonText() {
        Map<String, Object> v = Map.of("x", "s");
        assertThatThrownBy(() -> RevisionFileName.percentFormat("%(x)", v)).hasMessage("ValueError: incomplete format");
        assertThatThrownBy(() -> RevisionFileName.percentFormat("%(x", v))
                .hasMessage("ValueError: incomplete format key");
        assertThatThrownBy(() -> RevisionFileName.percentFormat("a%", v)).hasMessage("ValueError: incomplete format");
        assertThatThrownBy(() -> RevisionFileName.percentFormat("%(x)q", v))
                .hasMessage("ValueError: unsupported format character 'q' (0x71) at index 4");
        assertThatThrownBy(() -> RevisionFileName.percentFormat("%(x)*d", v)).hasMessageContaining("TypeError");
        assertThatThrownBy(() -> RevisionFileName.percentFormat("%(y)s", v)).hasMessage("KeyError: 'y'");
        assertThatThrownBy(() -> RevisionFileName.percentFormat("%(x)d", v))
                .hasMessage("TypeError: %d format: a real number is required, not str");
        assertThatThrownBy(() -> RevisionFileName.percentFormat("%s", v)).hasMessageContaining("unsupported");
        assertThatThrownBy(() -> RevisionFileName.percentFormat("%(x)f", v)).hasMessageContaining("not supported");
        assertThatThrownBy(() -> RevisionFileName.of("%(rev)s_%(nope)s", "r", "m", 40, D2012, null))
                .hasMessage("file_template '%(rev)s_%(nope)s': KeyError: 'nope'");
    }
}
