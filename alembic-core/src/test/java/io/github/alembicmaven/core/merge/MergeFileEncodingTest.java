package io.github.alembicmaven.core.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alembicmaven.core.config.PythonText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeFileEncodingTest {

    @Test
    void pythonNamesAndAliases() {
        assertThat(MergeFileEncoding.of("UTF-8").codec()).isEqualTo("utf_8");
        assertThat(MergeFileEncoding.of("utf8").codec()).isEqualTo("utf_8");
        assertThat(MergeFileEncoding.of("Latin-1").codec()).isEqualTo("latin_1");
        assertThat(MergeFileEncoding.of("iso-8859-1").codec()).isEqualTo("latin_1");
        assertThat(MergeFileEncoding.of("windows-1252").codec()).isEqualTo("cp1252");
        assertThat(MergeFileEncoding.of(" utf--16 ").codec()).isEqualTo("utf_16");
        assertThatThrownBy(() -> MergeFileEncoding.of("shift_jis")).hasMessageContaining("not supported");
        assertThatThrownBy(() -> MergeFileEncoding.of("nope")).hasMessageContaining("'nope'");
    }

    @Test
    void bomsAndByteOrderLikeCPython() {
        assertThat(MergeFileEncoding.of("utf-16").encode("a")).containsExactly(0xff, 0xfe, 'a', 0);
        assertThat(MergeFileEncoding.of("utf-16-be").encode("a")).containsExactly(0, 'a');
        assertThat(MergeFileEncoding.of("utf-32").encode("a")).containsExactly(0xff, 0xfe, 0, 0, 'a', 0, 0, 0);
        assertThat(MergeFileEncoding.of("utf-8-sig").encode("a")).containsExactly(0xef, 0xbb, 0xbf, 'a');
        assertThat(MergeFileEncoding.of("utf-8").encode("ü")).containsExactly(0xc3, 0xbc);
    }

    @Test
    void unencodableTextFailsLikePython() {
        assertThatThrownBy(() -> MergeFileEncoding.of("ascii").encode("abü"))
                .hasMessageContaining("'ascii' codec can't encode character '\\u00fc' in position 2");
        assertThatThrownBy(() -> MergeFileEncoding.of("utf-8").encode("a\ud800"))
                .hasMessageContaining("position 1");
    }

    /** Python is the judge: U+0000-U+2FFF, U+FF00-U+FFFF and one astral character through every supported codec. */
    @Test
    void everySupportedCodecEncodesLikePython(@TempDir Path tmp) throws Exception {
        MergeFileJudge.requireAlembic();
        List<String> codecs = List.of("utf_8", "utf_8_sig", "utf_16", "utf_16_le", "utf_16_be", "utf_32",
                "utf_32_le", "utf_32_be", "ascii", "latin_1", "iso8859_2", "iso8859_4", "iso8859_5", "iso8859_7",
                "iso8859_9", "iso8859_13", "iso8859_15", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1257",
                "cp437", "cp850", "cp852", "cp866", "koi8_r", "koi8_u");
        Path out = tmp.resolve("enc.json");
        MergeFileJudge.python(tmp, """
                import json
                res = {}
                for codec in %s:
                    rows = []
                    for c in list(range(0, 0x3000)) + list(range(0xff00, 0x10000)) + [0x1f600]:
                        try:
                            rows.append(chr(c).encode(codec).hex())
                        except UnicodeEncodeError:
                            rows.append(None)
                    res[codec] = rows
                json.dump(res, open(%s, 'w'))
                """.formatted("[" + String.join(", ", codecs.stream().map(PythonText::repr).toList()) + "]",
                PythonText.repr(out.toString())));
        JsonNode expected = new ObjectMapper().readTree(Files.readString(out));
        List<String> diffs = new ArrayList<>();
        for (String codec : codecs) {
            MergeFileEncoding enc = MergeFileEncoding.of(codec);
            JsonNode rows = expected.get(codec);
            int k = 0;
            for (int c = 0; c < 0x10000; c++) {
                if (c >= 0x3000 && c < 0xff00) {
                    continue;
                }
                compare(enc, c, rows.get(k++), diffs);
            }
            compare(enc, 0x1f600, rows.get(k), diffs);
        }
        assertThat(diffs.stream().limit(20).toList()).isEmpty();
    }

    private static void compare(MergeFileEncoding enc, int c, JsonNode expected, List<String> diffs) {
        String ours;
        try {
            ours = HexFormat.of().formatHex(enc.encode(new String(Character.toChars(c))));
        } catch (IllegalArgumentException e) {
            ours = null;
        }
        String theirs = expected.isNull() ? null : expected.asText();
        if (ours == null ? theirs != null : !ours.equals(theirs)) {
            diffs.add(enc.codec() + " U+" + Integer.toHexString(c) + ": ours " + ours + ", python " + theirs);
        }
    }
}
