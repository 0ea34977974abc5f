package io.github.alembicmaven.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alembicmaven.core.config.PythonText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python is the judge for the character-level rules of file names and {@code repr()}: {@code re}'s {@code \w},
 * {@code str.lower()}, {@code str.isprintable()} over every code point both Unicode versions assign, the whole slug
 * rule on random messages, and {@code %}-formatting.
 */
class RevisionFileNamePythonJudgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void judgeAvailable() {
        MergeFileJudge.requireAlembic();
    }

    @Test
    void wordLowerAndPrintableAgreeWithPythonOnEveryAssignedCodePoint(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("table.txt");
        MergeFileJudge.python(tmp, """
                import re, unicodedata
                w = re.compile(r'\\w')
                with open(%s, 'w', encoding='utf-8') as f:
                    for c in range(0x110000):
                        if 0xd800 <= c < 0xe000 or unicodedata.category(chr(c)) == 'Cn':
                            continue
                        ch = chr(c)
                        low = ch.lower()
                        f.write('%%x %%d %%d %%s\\n' %% (c, bool(w.match(ch)), ch.isprintable(),
                                ' '.join('%%x' %% ord(x) for x in low)))
                """.formatted(PythonText.repr(out.toString())));
        int compared = 0;
        List<String> diffs = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            String[] f = line.split(" ");
            int c = Integer.parseInt(f[0], 16);
            if (Character.getType(c) == Character.UNASSIGNED) {
                continue; // assigned in Python's newer Unicode only
            }
            compared++;
            boolean word = f[1].equals("1");
            boolean printable = f[2].equals("1");
            StringBuilder lower = new StringBuilder();
            for (int k = 3; k < f.length; k++) {
                lower.appendCodePoint(Integer.parseInt(f[k], 16));
            }
            String ch = new String(Character.toChars(c));
            if (RevisionFileName.isWord(c) != word) {
                diffs.add(f[0] + " \\w python=" + word);
            }
            if (PythonText.isPrintable(c) != printable) {
                diffs.add(f[0] + " isprintable python=" + printable);
            }
            if (!RevisionFileName.pythonLower(ch).equals(lower.toString())) {
                diffs.add(f[0] + " lower");
            }
        }
        System.out.printf("RevisionFileNamePythonJudgeTest: %d code points compared, %d differences%n", compared,
                diffs.size());
        assertThat(compared).isGreaterThan(140_000);
        assertThat(diffs).isEmpty();
    }

    @Test
    void slugAndReprAgreeWithPythonOnRandomMessages(@TempDir Path tmp) throws Exception {
        String pool = "aZ_ 09-!.,'\"\n\tÄöÜßİıΣσςΟΔ ́ͅ²½Ⅻ٣ǅʰ‿・𝔘😀中文_ -–—:;ΣΣ\\\u0000\u007f\u0085\u00a0\u200b\u2028\ue000";
        int[] cps = pool.codePoints().toArray();
        Random random = new Random(42);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder m = new StringBuilder();
            int len = random.nextInt(70);
            for (int k = 0; k < len; k++) {
                m.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            int n = random.nextInt(10) == 0 ? -random.nextInt(20) : 1 + random.nextInt(60);
            Map<String, Object> c = new HashMap<>();
            c.put("m", m.toString());
            c.put("n", n);
            cases.add(c);
        }
        Path in = tmp.resolve("in.json");
        Path out = tmp.resolve("out.json");
        JSON.writeValue(in.toFile(), cases);
        MergeFileJudge.python(tmp, """
                import json, re
                _slug_re = re.compile(r"\\w+")
                def slug(message, n):
                    slug = "_".join(_slug_re.findall(message or "")).lower()
                    if len(slug) > n:
                        slug = slug[:n].rsplit("_", 1)[0] + "_"
                    return slug
                cases = json.load(open(%s, encoding='utf-8'))
                json.dump([[slug(c['m'], c['n']), repr(c['m'])] for c in cases], open(%s, 'w', encoding='utf-8'))
                """.formatted(PythonText.repr(in.toString()), PythonText.repr(out.toString())));
        JsonNode expected = JSON.readTree(out.toFile());
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String ours = RevisionFileName.slug((String) cases.get(i).get("m"), (Integer) cases.get(i).get("n"));
            String message = (String) cases.get(i).get("m");
            if (!ours.equals(expected.get(i).get(0).asText())) {
                diffs.add(PythonText.repr(message) + " n=" + cases.get(i).get("n") + ": " + ours + " != "
                        + expected.get(i).get(0).asText());
            }
            if (!PythonText.repr(message).equals(expected.get(i).get(1).asText())) {
                diffs.add("repr " + PythonText.repr(message) + " != " + expected.get(i).get(1).asText());
            }
        }
        assertThat(diffs).isEmpty();
    }

    @Test
    void percentFormattingAgreesWithPython(@TempDir Path tmp) throws Exception {
        List<String> templates = new ArrayList<>();
        String[] keys = {"rev", "slug", "year", "month", "epoch", "neg"};
        String[] specs = {"s", "d", "i", "u", "r", "2d", "02d", ".2d", "05.3d", "-5d", "+d", " d", "+05d", "-+6d",
            "5s", "-5s", ".1s", "8.3s", "ld", "#d", "010.4d", "q", "*d", "f"};
        for (String k : keys) {
            for (String s : specs) {
                templates.add("x%(" + k + ")" + s + "|%%");
            }
        }
        templates.addAll(List.of("%(rev)", "%(rev", "%", "no token", "%(missing)s", "%(year)d/%(month).2d/%(rev)s"));
        Map<String, Object> values = Map.of("rev", "ab'c", "slug", "héllo_wörld", "year", 2024L, "month", 7L,
                "epoch", 1343228885L, "neg", -42L);
        Path in = tmp.resolve("in.json");
        Path out = tmp.resolve("out.json");
        JSON.writeValue(in.toFile(), templates);
        MergeFileJudge.python(tmp, """
                import json
                values = dict(rev="ab'c", slug="héllo_wörld", year=2024, month=7, epoch=1343228885, neg=-42)
                res = []
                for t in json.load(open(%s, encoding='utf-8')):
                    try:
                        res.append({'ok': t %% values})
                    except Exception as e:
                        res.append({'error': '%%s: %%s' %% (type(e).__name__, e)})
                json.dump(res, open(%s, 'w', encoding='utf-8'))
                """.formatted(PythonText.repr(in.toString()), PythonText.repr(out.toString())));
        JsonNode expected = JSON.readTree(out.toFile());
        List<String> diffs = new ArrayList<>();
        int unsupported = 0;
        for (int i = 0; i < templates.size(); i++) {
            String t = templates.get(i);
            JsonNode e = expected.get(i);
            try {
                String ours = RevisionFileName.percentFormat(t, values);
                if (!e.has("ok") || !e.get("ok").asText().equals(ours)) {
                    diffs.add(t + ": ours " + ours + ", python " + e);
                }
            } catch (IllegalArgumentException ex) {
                if (e.has("ok")) {
                    // a conversion Python accepts but we reject on purpose (floats, %x, ...): must say so
                    assertThat(ex.getMessage()).as(t).contains("not supported");
                    unsupported++;
                } else if (!ex.getMessage().startsWith("the conversion") && !ex.getMessage().equals(
                        e.get("error").asText().replaceFirst("^KeyError: '(.*)'$", "KeyError: '$1'"))) {
                    diffs.add(t + ": ours " + ex.getMessage() + ", python " + e.get("error").asText());
                }
            }
        }
        assertThat(diffs).isEmpty();
        assertThat(unsupported).isLessThan(10);
    }
}
