package io.github.alembicmaven.core.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScriptTemplateTest {
    static final CreateDate DATE = CreateDate.naive(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_901_000));
    static final List<String> TWO = List.of("b1b1b1b1b1b1", "b2b2b2b2b2b2");

    static String resource(String path) throws IOException {
        try (InputStream in = ScriptTemplateTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static ScriptTemplate alembic181(String name) throws Exception {
        return ScriptTemplate.parse(resource("/merge/alembic-1.8.1/" + name + ".py.mako"), name);
    }

    static ScriptTemplateArgs merge(List<String> parents, String label, String message) {
        return ScriptTemplateArgs.forMerge("000000merged", parents, label, message, DATE, Map.of());
    }

    @Test
    void builtInIsHeadGenericTemplateSpec51() throws Exception {
        assertThat(ScriptTemplate.builtIn().render(merge(TWO, null, "merge heads"))).isEqualTo("""
                \"""merge heads

                Revision ID: 000000merged
                Revises: b1b1b1b1b1b1, b2b2b2b2b2b2
                Create Date: 2024-01-02 03:04:05.678901

                \"""
                from typing import Sequence, Union

                from alembic import op
                import sqlalchemy as sa


                # revision identifiers, used by Alembic.
                revision: str = '000000merged'
                down_revision: Union[str, Sequence[str], None] = ('b1b1b1b1b1b1', 'b2b2b2b2b2b2')
                branch_labels: Union[str, Sequence[str], None] = None
                depends_on: Union[str, Sequence[str], None] = None


                def upgrade() -> None:
                    \"""Upgrade schema.\"""
                    pass


                def downgrade() -> None:
                    \"""Downgrade schema.\"""
                    pass
                """);
    }

    @Test
    void alembic181GenericTemplateSpec51() throws Exception {
        assertThat(alembic181("generic").render(merge(TWO, null, "merge heads"))).isEqualTo("""
                \"""merge heads

                Revision ID: 000000merged
                Revises: b1b1b1b1b1b1, b2b2b2b2b2b2
                Create Date: 2024-01-02 03:04:05.678901

                \"""
                from alembic import op
                import sqlalchemy as sa


                # revision identifiers, used by Alembic.
                revision = '000000merged'
                down_revision = ('b1b1b1b1b1b1', 'b2b2b2b2b2b2')
                branch_labels = None
                depends_on = None


                def upgrade() -> None:
                    pass


                def downgrade() -> None:
                    pass
                """);
    }

    @Test
    void multidbTemplateLoopsOverDatabases() throws Exception {
        ScriptTemplateArgs args = ScriptTemplateArgs.forMerge("m1", List.of("a"), "lbl", null, DATE,
                Map.of("databases", "engine1,  engine2"));
        String out = alembic181("multidb").render(args);
        assertThat(out).startsWith("\"\"\"empty message\n\nRevision ID: m1\nRevises: a\n");
        assertThat(out).contains("down_revision = 'a'\nbranch_labels = ('lbl',)\ndepends_on = None\n");
        assertThat(out).endsWith("    globals()[\"downgrade_%s\" % engine_name]()\n\n\n\n\n"
                + "\ndef upgrade_engine1() -> None:\n    pass\n\n\ndef downgrade_engine1() -> None:\n    pass\n\n"
                + "\ndef upgrade_engine2() -> None:\n    pass\n\n\ndef downgrade_engine2() -> None:\n    pass\n\n");
    }

    @Test
    void multidbWithoutDatabasesFailsLikeAlembic() throws Exception {
        ScriptTemplate t = alembic181("multidb");
        assertThatThrownBy(() -> t.render(merge(TWO, null, "m")))
                .isInstanceOf(ScriptTemplateUnsupportedException.class)
                .hasMessageContaining("multidb:36:").hasMessageContaining("not set");
    }

    @Test
    void asyncTemplateRenders() throws Exception {
        assertThat(alembic181("async").render(merge(List.of(), null, "m")))
                .contains("Revises: \n").contains("down_revision = None\n");
    }

    @Test
    void reprOfValues() throws Exception {
        ScriptTemplate t = ScriptTemplate.parse("${repr(up_revision)}|${repr(down_revision)}|${repr(branch_labels)}"
                + "|${down_revision}|${down_revision | comma,n}|${down_revision|n,comma}|${down_revision | comma}"
                + "|${message}|${create_date}", "t");
        assertThat(t.render(ScriptTemplateArgs.forMerge("it's", List.of("a"), "x\"y'", "m\\", DATE, Map.of())))
                .isEqualTo("\"it's\"|'a'|('x\"y\\'',)|a|a|a|a|m\\|2024-01-02 03:04:05.678901");
        assertThat(t.render(ScriptTemplateArgs.forMerge("a\tb\u00a0\u200b", List.of("a", "b", "c"), null, "", DATE,
                Map.of()))).isEqualTo("'a\\tb\\xa0\\u200b'|('a', 'b', 'c')|None|('a', 'b', 'c')|a, b, c|a, b, c"
                + "|('a', 'b', 'c')||2024-01-02 03:04:05.678901");
    }

    @Test
    void ifElseAndUndefinedMergeNames() throws Exception {
        ScriptTemplate t = ScriptTemplate.parse("${imports if imports else \"\"}|${upgrades if upgrades else 'pass'}"
                + "|${message if message else \"none\"}|${ branch_labels  if branch_labels else \"-\" }", "t");
        assertThat(t.render(merge(TWO, null, ""))).isEqualTo("|pass|none|-");
        assertThat(t.render(merge(TWO, "L", "msg"))).isEqualTo("|pass|msg|('L',)");
    }

    @Test
    void backslashNewlineJoinsAndCommentsVanish() throws Exception {
        ScriptTemplate t = ScriptTemplate.parse("# -*- coding: utf-8 -*-\na \\\nb\n## comment ${x}\n  ## indented\n"
                + "c ## not a comment\r\nd\\\r\ne", "t");
        assertThat(t.render(merge(TWO, null, "m"))).isEqualTo("a b\nc ## not a comment\r\nde");
    }

    @Test
    void bomIsDroppedAndNonUtf8Unsupported() throws Exception {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'x'};
        assertThat(ScriptTemplate.parse(bom, "t").render(merge(TWO, null, "m"))).isEqualTo("x");
        assertThatThrownBy(() -> ScriptTemplate.parse(new byte[] {(byte) 0xff}, "t"))
                .isInstanceOf(ScriptTemplateUnsupportedException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> ScriptTemplate.parse("# coding: latin-1\n".getBytes(StandardCharsets.UTF_8), "t"))
                .isInstanceOf(ScriptTemplateUnsupportedException.class).hasMessageContaining("t:1:");
    }

    static Stream<Arguments> unsupported() {
        return Stream.of(
                Arguments.of("ok\n${config.get_main_option('x')}", 2, "not one of the stock"),
                Arguments.of("${imports}", 1, "does not pass imports"),
                Arguments.of("${upgrades | n}", 1, "does not pass upgrades"),
                Arguments.of("${message | h}", 1, "the filter h"),
                Arguments.of("${repr(create_date)}", 1, "not one of the stock"),
                Arguments.of("${message.upper()}", 1, "not one of the stock"),
                Arguments.of("${x}", 1, "not one of the stock"),
                Arguments.of("a\n\n% if message:\nx\n% endif\n", 3, "% if"),
                Arguments.of("<%inherit file=\"base.mako\"/>", 1, "<%inherit>"),
                Arguments.of("<%def name=\"f()\">x</%def>", 1, "<%def>"),
                Arguments.of("<%doc>x</%doc>", 1, "<%doc>"),
                Arguments.of("<%text>${x}</%text>", 1, "<%text>"),
                Arguments.of("<% x = 1 %>", 1, "code block"),
                Arguments.of("<%! import os %>", 1, "module-level"),
                Arguments.of("a\n%% literal", 2, "%% line"),
                Arguments.of("a <& b", 1, "<&"),
                Arguments.of("${message # c}", 1, "comment"),
                Arguments.of("% for d in re.split(r',\\s*', names):\nx\n% endfor", 1, "not assigned"),
                Arguments.of("<% names = config.get_main_option('databases') %>\n"
                        + "% for d in names.split(','):\n% endfor", 2, "re.split"),
                Arguments.of("<% names = config.get_main_option('databases') %>\n"
                        + "% for d in re.split(r',\\s*', names):\n% endfor", 2, "import re"),
                Arguments.of("<%! import re %><% n = config.get_main_option('d') %>\n"
                        + "% for d in re.split(r',\\s*', n):\n${d}\n", 2, "endfor"),
                Arguments.of("<%! import re %><% message = config.get_main_option('d') %>", 1, "shadows"),
                Arguments.of("${context.get('%s_upgrades' % db_name, 'pass')}", 1, "not one of the stock"),
                Arguments.of("x\n  ${message\n", 2, "unterminated"));
    }

    @ParameterizedTest
    @MethodSource("unsupported")
    void unsupportedConstructsNameLineAndConstruct(String template, int line, String reason) {
        assertThatThrownBy(() -> {
            ScriptTemplate t = ScriptTemplate.parse(template, "script.py.mako");
            t.render(ScriptTemplateArgs.forMerge("r", List.of("a"), null, "m", DATE, Map.of("d", "x")));
        }).isInstanceOfSatisfying(ScriptTemplateUnsupportedException.class, e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.getMessage()).startsWith("script.py.mako:" + line + ": ").contains(reason);
        });
    }

    @Test
    void whitespaceVariantsOfStockExpressionsAreAccepted() throws Exception {
        ScriptTemplate t = ScriptTemplate.parse("${ repr( up_revision ) }${down_revision|comma , n}${\nmessage\r\n}",
                "t");
        assertThat(t.render(merge(TWO, null, "m"))).isEqualTo("'000000merged'b1b1b1b1b1b1, b2b2b2b2b2b2m");
    }
}
