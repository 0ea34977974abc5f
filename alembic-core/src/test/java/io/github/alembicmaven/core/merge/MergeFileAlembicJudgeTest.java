package io.github.alembicmaven.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.alembicmaven.core.script.RevisionScript;
import io.github.alembicmaven.core.script.RevisionScriptReader;
import io.github.alembicmaven.core.script.ScriptReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Alembic is the judge: {@code alembic merge} (Debian's 1.8.1) with a fixed create date writes a file; our
 * rendering of the same template, id, parents, label, message, date and settings must be byte-identical, file name
 * included. Also renders every stock template (multidb too, which 1.8.1's merge cannot) through Alembic's own
 * {@code template_to_file} with exactly the merge arguments.
 */
class MergeFileAlembicJudgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TZ = "America/New_York";
    private static final String[] BASE_IDS = {"0a0a0a0a0a0a"};

    @BeforeAll
    static void judgeAvailable() {
        MergeFileJudge.requireAlembic();
    }

    /** One {@code alembic merge} invocation. */
    record Case(String label, List<String> parents, String branchLabel, String message, CreateDate date,
            String fileTemplate, Integer truncate, String encoding) {}

    static List<Case> cases() {
        CreateDate micros = CreateDate.naive(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_901_000));
        CreateDate whole = CreateDate.naive(LocalDateTime.of(2012, 7, 25, 15, 8, 5));
        CreateDate aware = CreateDate.aware(OffsetDateTime.of(2023, 12, 31, 23, 59, 59, 1000,
                ZoneOffset.ofHoursMinutes(5, 30)));
        CreateDate utc = CreateDate.aware(OffsetDateTime.of(2012, 7, 25, 15, 8, 5, 0, ZoneOffset.UTC));
        List<String> two = List.of("b2b2b2b2b2b2", "b1b1b1b1b1b1");
        List<String> three = List.of("c3c3c3c3c3c3", "b1b1b1b1b1b1", "b2b2b2b2b2b2");
        String dated = "%(rev)s_%(slug)s_%(year)d%(month).2d%(day)02d_%(hour)s%(minute)s%(second)s";
        return List.of(
                new Case("plain", two, null, "merge heads", micros, null, null, null),
                new Case("quotes+label+3", three, "release", "it's a \"quoted\" merge", whole, dated, null, null),
                new Case("unicode+aware", two, null,
                        "a message that is quite long — with ünïcode, punctuation!! and more words than forty chars",
                        aware, null, null, null),
                new Case("no message+epoch", three, null, null, whole, "%(epoch)s_%(rev)s", null, null),
                new Case("empty message+utc epoch", two, null, "", utc, "%(epoch)s_%(rev)s_%(slug)s", null, null),
                new Case("escapes+truncate", two, "it's", "line one\n\tline \"two\" \\ '''x''' \u00a0\u200b end", whole,
                        null, 10, null),
                new Case("latin-1", two, null, "größe ändern für alle", micros, "%(slug)s-%(rev)s", null, "latin-1"),
                new Case("utf-16+lower", three, "Étiquette", "İstanbul ΟΔΟΣ merge", aware, null, 60, "UTF-16"),
                new Case("utf-8-sig", two, null, "x" + "_y".repeat(30), utc, null, -5, "utf_8_sig"));
    }

    record Template(String name, String resource) {}

    static final List<Template> TEMPLATES = List.of(
            new Template("generic-1.8.1", "/merge/alembic-1.8.1/generic.py.mako"),
            new Template("async-1.8.1", "/merge/alembic-1.8.1/async.py.mako"),
            new Template("head-generic/pyproject", ScriptTemplate.BUILT_IN_RESOURCE),
            new Template("stock-variants", "/merge/stock-variants.py.mako"));

    record Run(Template template, Case c, Path project, Set<Path> before) {}

    @Test
    void mergeFilesAreByteIdenticalToAlembicMerge(@TempDir Path tmp) throws Exception {
        Path judge = MergeFileJudge.resource("/merge/alembic_merge_judge.py", tmp, "alembic_merge_judge.py");
        List<Run> runs = new ArrayList<>();
        List<Map<String, Object>> jobs = new ArrayList<>();
        int n = 0;
        for (Template t : TEMPLATES) {
            for (Case c : cases()) {
                Path project = tmp.resolve("p" + n++);
                Path versions = project.resolve("migrations/versions");
                Files.createDirectories(versions);
                MergeFileJudge.resource(t.resource(), project, "migrations/script.py.mako");
                StringBuilder ini = new StringBuilder("[alembic]\nscript_location = %(here)s/migrations\n");
                if (c.fileTemplate() != null) {
                    ini.append("file_template = ").append(c.fileTemplate().replace("%", "%%")).append('\n');
                }
                if (c.truncate() != null) {
                    ini.append("truncate_slug_length = ").append(c.truncate()).append('\n');
                }
                if (c.encoding() != null) {
                    ini.append("output_encoding = ").append(c.encoding()).append('\n');
                }
                Files.writeString(project.resolve("alembic.ini"), ini);
                writeRevision(versions, BASE_IDS[0], null);
                for (String head : Stream.of("b1b1b1b1b1b1", "b2b2b2b2b2b2", "c3c3c3c3c3c3").toList()) {
                    writeRevision(versions, head, BASE_IDS[0]);
                }
                Set<Path> before = listFiles(versions);
                List<String> argv = new ArrayList<>(List.of("-c", project.resolve("alembic.ini").toString(), "merge"));
                if (c.message() != null) {
                    argv.addAll(List.of("-m", c.message()));
                }
                if (c.branchLabel() != null) {
                    argv.addAll(List.of("--branch-label", c.branchLabel()));
                }
                argv.addAll(List.of("--rev-id", "000000merged"));
                argv.addAll(c.parents());
                jobs.add(Map.of("kind", "merge", "date", c.date().pythonStr(), "argv", argv));
                runs.add(new Run(t, c, project, before));
            }
        }
        JsonNode results = runJudge(tmp, judge, jobs);
        RevisionScriptReader reader = new RevisionScriptReader(Map.of());
        List<String> failures = new ArrayList<>();
        int identical = 0;
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            Case c = run.c();
            String what = run.template().name() + " / " + c.label();
            JsonNode result = results.get(i);
            Path versions = run.project().resolve("migrations/versions");
            Set<Path> created = listFiles(versions);
            created.removeAll(run.before());
            // Python cannot import a version file that is not UTF-8 (latin-1, utf-16): Alembic writes it, then fails
            // loading it back; the written bytes are still the judge
            boolean loadable = c.encoding() == null || c.encoding().startsWith("utf_8");
            if (!result.get("ok").asBoolean() && (loadable || created.size() != 1)) {
                failures.add(what + ": Alembic failed: " + result.get("error").asText());
                continue;
            }
            assertThat(created).as(what).hasSize(1);
            Path written = created.iterator().next();
            String expectedName = versions.relativize(written).toString().replace('\\', '/');
            byte[] expectedBytes = Files.readAllBytes(written);

            ScriptTemplate template = ScriptTemplate.read(run.project().resolve("migrations/script.py.mako"));
            MergeFile.Options options = new MergeFile.Options(
                    c.fileTemplate() == null ? "%(rev)s_%(slug)s" : c.fileTemplate(),
                    c.truncate() == null ? 40 : c.truncate(),
                    MergeFileEncoding.of(c.encoding() == null ? "utf-8" : c.encoding()), Map.of(), ZoneId.of(TZ));
            MergeFile ours = MergeFile.render(template, new MergeFile.Spec("000000merged", c.parents(),
                    c.branchLabel(), c.message(), c.date()), options);
            if (!ours.fileName().equals(expectedName)) {
                failures.add(what + ": file name " + ours.fileName() + " != Alembic's " + expectedName);
            } else if (!Arrays.equals(ours.bytes(), expectedBytes)) {
                failures.add(what + ": content differs\n--- alembic\n"
                        + new String(expectedBytes, StandardCharsets.ISO_8859_1) + "\n--- ours\n"
                        + new String(ours.bytes(), StandardCharsets.ISO_8859_1));
            } else {
                identical++;
                if (!loadable) {
                    continue;
                }
                // and the file reads back as the intended revision
                ScriptReadResult back = reader.read(written);
                RevisionScript script = back.script();
                assertThat(script).as(what).isNotNull();
                assertThat(script.revision()).isEqualTo("000000merged");
                assertThat(script.downRevisions()).as(what).containsExactlyElementsOf(c.parents());
                assertThat(script.branchLabels()).as(what).containsExactlyElementsOf(
                        c.branchLabel() == null ? List.of() : List.of(c.branchLabel()));
            }
        }
        System.out.printf("MergeFileAlembicJudgeTest: %d/%d merge files byte-identical to alembic merge%n", identical,
                runs.size());
        assertThat(failures).isEmpty();
        assertThat(identical).isEqualTo(TEMPLATES.size() * cases().size());
    }

    @Test
    void everyStockTemplateRendersLikeAlembicsTemplateToFile(@TempDir Path tmp) throws Exception {
        Path judge = MergeFileJudge.resource("/merge/alembic_merge_judge.py", tmp, "alembic_merge_judge.py");
        List<Template> templates = new ArrayList<>(TEMPLATES);
        templates.add(new Template("multidb-1.8.1", "/merge/alembic-1.8.1/multidb.py.mako"));
        templates.add(new Template("multidb-typed", "/merge/multidb-typed.py.mako"));
        Map<String, String> options = Map.of("databases", "engine1, engine2,\n  engine3");
        List<Map<String, Object>> jobs = new ArrayList<>();
        List<Object[]> expected = new ArrayList<>();
        int n = 0;
        for (Template t : templates) {
            for (Case c : cases()) {
                Path mako = MergeFileJudge.resource(t.resource(), tmp, "t" + n + ".mako");
                Path out = tmp.resolve("out" + n++ + ".py");
                String enc = c.encoding() == null ? "utf-8" : c.encoding();
                Map<String, Object> job = new HashMap<>();
                job.put("kind", "mako");
                job.put("template", mako.toString());
                job.put("out", out.toString());
                job.put("encoding", enc);
                job.put("date", c.date().pythonStr());
                job.put("rev_id", "000000merged");
                job.put("parents", c.parents());
                job.put("branch_label", c.branchLabel());
                job.put("message", c.message());
                job.put("main_options", options);
                jobs.add(job);
                ScriptTemplate template = ScriptTemplate.read(mako);
                String text = template.render(ScriptTemplateArgs.forMerge("000000merged", c.parents(),
                        c.branchLabel(), c.message(), c.date(), options));
                expected.add(new Object[] {t.name() + " / " + c.label(), out, MergeFileEncoding.of(enc).encode(text)});
            }
        }
        JsonNode results = runJudge(tmp, judge, jobs);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Object[] e = expected.get(i);
            if (!results.get(i).get("ok").asBoolean()) {
                failures.add(e[0] + ": Alembic failed: " + results.get(i).get("error").asText());
            } else if (!Arrays.equals(Files.readAllBytes((Path) e[1]), (byte[]) e[2])) {
                failures.add(e[0] + ": differs\n--- alembic\n" + Files.readString((Path) e[1],
                        StandardCharsets.ISO_8859_1) + "\n--- ours\n" + new String((byte[]) e[2],
                        StandardCharsets.ISO_8859_1));
            }
        }
        System.out.printf("MergeFileAlembicJudgeTest: %d/%d template renderings byte-identical to Alembic's"
                + " template_to_file%n", expected.size() - failures.size(), expected.size());
        assertThat(failures).isEmpty();
    }

    private static JsonNode runJudge(Path tmp, Path judge, List<Map<String, Object>> jobs) throws IOException {
        Path jobsFile = tmp.resolve("jobs.json");
        Path resultsFile = tmp.resolve("results.json");
        JSON.writeValue(jobsFile.toFile(), jobs);
        MergeFileJudge.Result r = MergeFileJudge.run(List.of(MergeFileJudge.PYTHON, judge.toString(),
                jobsFile.toString(), resultsFile.toString()), tmp, Map.of("TZ", TZ, "PYTHONIOENCODING", "utf-8"));
        assertThat(r.exit()).as(r.output()).isZero();
        JsonNode results = JSON.readTree(resultsFile.toFile());
        assertThat(results.size()).isEqualTo(jobs.size());
        return results;
    }

    private static void writeRevision(Path versions, String id, String down) throws IOException {
        Files.writeString(versions.resolve(id + "_rev.py"), "revision = '" + id + "'\ndown_revision = "
                + (down == null ? "None" : "'" + down + "'") + "\nbranch_labels = None\ndepends_on = None\n");
    }

    private static Set<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("__pycache__"))
                    .collect(Collectors.toCollection(java.util.HashSet::new));
        }
    }
}
