package io.github.alembicmaven.core.conflict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.diagnostic.Severity;
import io.github.alembicmaven.core.graph.RevisionMap;
import io.github.alembicmaven.core.script.RevisionScript;
import io.github.alembicmaven.core.script.SchemaOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConflictAnalyzerTest {

    private static final String HEADER = "from alembic import op\nimport sqlalchemy as sa\n\n\ndef upgrade():\n";
    /** Line of the first body line under {@link #HEADER}. */
    private static final int BODY = 6;

    @TempDir
    Path dir;

    private final List<RevisionScript> scripts = new ArrayList<>();

    /** Adds revision {@code id} (parents {@code downs}) whose upgrade() body is {@code body} (4-space indent). */
    private ConflictAnalyzerTest rev(String id, String body, String... downs) {
        return file(id, HEADER + body, downs);
    }

    private ConflictAnalyzerTest file(String id, String source, String... downs) {
        Path path = dir.resolve(id + ".py");
        try {
            Files.writeString(path, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scripts.add(RevisionScript.of(path, id, List.of(downs)));
        return this;
    }

    private RevisionMap map() {
        return RevisionMap.build(scripts);
    }

    private ConflictAnalysis analyze() {
        return new ConflictAnalyzer(Map.of()).analyze(map());
    }

    /** A base {@code a0}, a left line {@code l1} and a right line {@code r1}, both children of {@code a0}. */
    private ConflictAnalysis fork(String left, String right) {
        rev("a0", "    op.create_table('users', sa.Column('id', sa.Integer))\n");
        rev("l1", left, "a0");
        rev("r1", right, "a0");
        return analyze();
    }

    private static String rule(ConflictFinding f) {
        return f.severity().label() + " " + f.rule().id() + ": " + f.message();
    }

    private static List<String> rules(ConflictAnalysis a) {
        return a.findings().stream().map(ConflictAnalyzerTest::rule).toList();
    }

    private ConflictFinding onlyFinding(ConflictAnalysis a) {
        assertThat(a.findings()).hasSize(1);
        return a.findings().get(0);
    }

    // ------------------------------------------------------------------------------------------------ rules

    /** One row per rule: the left line's upgrade() body, the right line's, the only finding. */
    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("drop vs alter of one column",
                        "    op.drop_column('users', 'name')\n",
                        "    op.alter_column('users', 'name', nullable=False)\n",
                        "error column-dropped: column users.name is dropped on one line and used on the other"),
                Arguments.of("same index name twice, even on different tables",
                        "    op.create_index('ix_name', 'users', ['name'])\n",
                        "    op.create_index('ix_name', 'accounts', ['name'])\n",
                        "error same-index-or-constraint-name: index or constraint name ix_name is used on both "
                                + "lines"),
                Arguments.of("same constraint name from batch_alter_table and from SQL",
                        "    with op.batch_alter_table('users') as b:\n"
                                + "        b.create_unique_constraint('uq_users_email', ['email'])\n",
                        "    op.execute('ALTER TABLE users DROP CONSTRAINT uq_users_email')\n",
                        "error same-index-or-constraint-name: index or constraint name uq_users_email is used on "
                                + "both lines"),
                Arguments.of("renamed table touched on the other line",
                        "    op.rename_table('users', 'people')\n",
                        "    op.add_column('users', sa.Column('age', sa.Integer))\n",
                        "error table-renamed: table users is renamed on one line and used on the other"),
                Arguments.of("renamed column touched on the other line",
                        "    op.alter_column('users', 'name', new_column_name='full_name')\n",
                        "    op.create_index('ix_users_name', 'users', ['name'])\n",
                        "error column-renamed: column users.name is renamed on one line and used on the other"),
                Arguments.of("same table created twice: one error, not one per column",
                        "    op.create_table('tags', sa.Column('id', sa.Integer), sa.Column('name', sa.String()))\n",
                        "    op.execute('CREATE TABLE TAGS (id int, name text)')\n",
                        "error table-created-twice: table tags is created on both lines"),
                Arguments.of("dropped table referenced by a foreign key",
                        "    op.drop_table('users')\n",
                        "    op.create_foreign_key('fk_posts_user', 'posts', 'users', ['user_id'], ['id'])\n",
                        "error table-dropped: table users is dropped on one line and used on the other"),
                Arguments.of("table created on one line, used on the other",
                        "    op.create_table('tags', sa.Column('id', sa.Integer))\n",
                        "    op.bulk_insert(sa.table('tags'), [{'id': 1}])\n",
                        "error table-created-and-used: table tags is created on one line but already used on the "
                                + "other"),
                Arguments.of("column added on one line, altered on the other",
                        "    op.add_column('users', sa.Column('email', sa.String()))\n",
                        "    op.alter_column('users', 'email', type_=sa.Text())\n",
                        "error column-added-and-used: column users.email is added on one line but already used on "
                                + "the other"),
                Arguments.of("same column altered twice",
                        "    op.alter_column('users', 'email', nullable=False)\n",
                        "    op.execute('ALTER TABLE users ALTER COLUMN email TYPE text')\n",
                        "error column-altered-twice: column users.email is altered on both lines"),
                Arguments.of("table comment changed twice",
                        "    op.create_table_comment('users', 'people')\n",
                        "    op.drop_table_comment('users')\n",
                        "error table-comment-changed-twice: the comment of table users is changed on both lines"),
                Arguments.of("identifiers compare case-insensitively, schemas must match",
                        "    op.add_column('Users', sa.Column('Email', sa.String()))\n"
                                + "    op.add_column('users', sa.Column('x', sa.String()), schema='app')\n",
                        "    op.add_column('users', sa.Column('email', sa.String()))\n"
                                + "    op.add_column('users', sa.Column('y', sa.String()), schema='other')\n",
                        "error column-added-twice: column Users.Email is added on both lines"),
                Arguments.of("a warning is left out when its table already has an error",
                        "    op.add_column('users', sa.Column('email', sa.String()))\n"
                                + "    op.add_column('users', sa.Column('phone', sa.String()))\n",
                        "    op.add_column('users', sa.Column('email', sa.String()))\n",
                        "error column-added-twice: column users.email is added on both lines"),
                Arguments.of("conditional operations are named",
                        "    if True:\n        op.drop_column('users', 'a')\n",
                        "    op.drop_column('users', 'a')\n",
                        "error column-dropped: column users.a is dropped on one line and used on the other (a "
                                + "conditional operation: it may not run)"),
                Arguments.of("opaque SQL on a table the other line changes",
                        "    op.execute('UPDATE users SET email = lower(email)')\n",
                        "    op.add_column('users', sa.Column('email2', sa.String()))\n",
                        "warning opaque-sql: SQL that cannot be analysed runs on table users, which the other line "
                                + "also changes"),
                Arguments.of("opaque SQL on an unknown table",
                        "    op.execute('CREATE EXTENSION pgcrypto')\n",
                        "    op.drop_column('users', 'age')\n    op.drop_column('users', 'x')\n",
                        "warning opaque-sql: SQL that cannot be analysed (opaque_sql: CREATE EXTENSION pgcrypto) "
                                + "runs on one line; cannot tell whether it conflicts with the 2 operations of the "
                                + "other line"),
                Arguments.of("foreign key to a table the other line changes",
                        "    op.create_table('posts', sa.Column('user_id', sa.Integer, sa.ForeignKey('users.id')))\n",
                        "    op.add_column('users', sa.Column('email', sa.String()))\n",
                        "info referenced-table-changed: a foreign key on one line references table users, which "
                                + "the other line changes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRule(String name, String left, String right, String finding) {
        assertThat(rules(fork(left, right))).containsExactly(finding);
    }

    @Test
    void sameColumnAddedTwiceNamesBothFilesAndLines() {
        ConflictAnalysis a = fork(
                "    op.add_column('users', sa.Column('email', sa.String()))\n",
                "    pass\n    op.add_column('users', sa.Column('email', sa.Text()))\n");
        ConflictFinding f = onlyFinding(a);
        assertThat(rule(f)).isEqualTo("error column-added-twice: column users.email is added on both lines");
        assertThat(f.leftHead()).isEqualTo("l1");
        assertThat(f.left().file()).isEqualTo(dir.resolve("l1.py"));
        assertThat(f.left().line()).isEqualTo(BODY);
        assertThat(f.rightHead()).isEqualTo("r1");
        assertThat(f.right().file()).isEqualTo(dir.resolve("r1.py"));
        assertThat(f.right().line()).isEqualTo(BODY + 1);
        assertThat(a.hasErrors()).isTrue();
    }

    @Test
    void sameTableDifferentColumnsIsOneWarningPerTable() {
        ConflictAnalysis a = fork("""
                    op.add_column('users', sa.Column('email', sa.String()))
                    op.add_column('users', sa.Column('phone', sa.String()))
                """, """
                    op.drop_column('users', 'age')
                """);
        ConflictFinding f = onlyFinding(a);
        assertThat(rule(f)).isEqualTo("warning same-table: both lines change table users (different columns or "
                + "objects) (and 1 more pair of operations on it)");
        assertThat(f.left().column()).isEqualTo("email");
        assertThat(f.right().column()).isEqualTo("age");
        assertThat(a.hasErrors()).isFalse();
        assertThat(a.findings(Severity.WARNING)).containsExactly(f);
    }

    @Test
    void unrelatedTablesGiveNoFinding() {
        ConflictAnalysis a = fork(
                "    op.add_column('users', sa.Column('email', sa.String()))\n    op.create_index('ix_a', 'a', ['x'])\n",
                "    op.drop_column('accounts', 'email')\n    op.create_table('b', sa.Column('x', sa.Integer))\n");
        assertThat(a.findings()).isEmpty();
        assertThat(a.lines()).extracting(l -> l.head() + "=" + l.operations().size()).containsExactly("l1=2", "r1=2");
    }

    @Test
    void unresolvedTableCannotTellWhetherItConflicts() {
        rev("a0", "    pass\n");
        file("l1", """
                from alembic import op
                from app.names import TABLE


                def upgrade():
                    op.drop_column(TABLE, "email")
                """, "a0");
        rev("r1", "    op.frobnicate('users')\n    op.drop_column('users', 'age')\n", "a0");
        ConflictAnalysis a = analyze();
        assertThat(rules(a)).containsExactly(
                "warning unresolved: cannot tell whether drop_column <TABLE?>.email conflicts with the other line "
                        + "(table_name = TABLE cannot be resolved statically: the name 'TABLE' comes from 'from "
                        + "app.names import TABLE' at line 2); the other line has 2 operations",
                "warning unresolved: cannot tell whether unknown_operation op.frobnicate conflicts with the other "
                        + "line (op.frobnicate is not an operation this analysis knows); the other line has 1 "
                        + "operation");
        assertThat(a.findings().get(0).right().column()).isEqualTo("age");
        assertThat(a.findings().get(1).left().column()).isEqualTo("email");
        assertThat(a.findings().get(1).right().call()).isEqualTo("op.frobnicate");
        assertThat(a.lines().get(0).unresolved()).extracting(SchemaOperation::column).containsExactly("email");
    }

    @Test
    void findingsAreOrderedBySeverity() {
        ConflictAnalysis a = fork("""
                    op.add_column('users', sa.Column('a', sa.String()))
                    op.create_table('posts', sa.Column('u', sa.Integer, sa.ForeignKey('accounts.id')))
                    op.drop_column('users', 'b')
                """, """
                    op.drop_column('accounts', 'z')
                    op.drop_column('users', 'b')
                """);
        assertThat(a.findings()).extracting(f -> f.severity() + " " + f.rule().id()).containsExactly(
                "ERROR column-dropped", "INFO referenced-table-changed");
    }

    // ------------------------------------------------------------------------------------------------ lines

    @Test
    void linesRunFromTheForkPointToEachHeadAndSharedRevisionsAreNotCompared() {
        rev("a0", "    op.create_table('t', sa.Column('id', sa.Integer))\n");
        rev("s1", "    op.add_column('t', sa.Column('a', sa.Integer))\n", "a0");
        rev("l1", "    op.add_column('t', sa.Column('b', sa.Integer))\n", "s1");
        rev("l2", "    op.add_column('t', sa.Column('c', sa.Integer))\n", "l1");
        rev("m1", "    op.add_column('t', sa.Column('c', sa.Integer))\n", "s1");
        rev("r1", "    op.add_column('t', sa.Column('a', sa.Integer))\n", "a0");
        ConflictAnalysis a = analyze();
        assertThat(a.heads()).containsExactly("l2", "m1", "r1");
        assertThat(a.forkPoints()).containsExactly("a0");
        assertThat(a.lines()).extracting(l -> l.head() + "=" + l.revisions()).containsExactly(
                "l2=[s1, l1, l2]", "m1=[s1, m1]", "r1=[r1]");
        assertThat(a.findings()).extracting(f -> f.left().file().getFileName() + ":" + f.left().column() + "/"
                + f.right().file().getFileName() + ":" + f.right().column() + " " + f.rule().id())
                .containsExactly(
                        "l2.py:c/m1.py:c column-added-twice", // l2 against m1: s1 is shared
                        "s1.py:a/r1.py:a column-added-twice"); // once, though s1 is on the lines of l2 and m1
    }

    @Test
    void aDependencyOrdersRevisionsSoTheyAreNotParallel() {
        rev("a0", "    pass\n");
        rev("l1", "    op.add_column('t', sa.Column('a', sa.Integer))\n", "a0");
        rev("r1", "    op.drop_column('t', 'a')\n", "a0");
        scripts.set(2, new RevisionScript(dir.resolve("r1.py"), "r1", 0, List.of("a0"), 0, List.of(), 0,
                List.of("l1"), 0, null));
        ConflictAnalysis a = analyze();
        assertThat(a.heads()).containsExactly("l1", "r1"); // l1 is a head, kept alive by r1's depends_on only
        assertThat(a.findings()).isEmpty();
        assertThat(a.lines()).extracting(BranchLine::revisions).containsExactly(List.of(), List.of("r1"));
    }

    @Test
    void oneHeadHasNothingToCompare() {
        rev("a0", "    op.create_table('t')\n");
        rev("a1", "    op.drop_table('t')\n", "a0");
        ConflictAnalysis a = analyze();
        assertThat(a.heads()).containsExactly("a1");
        assertThat(a.forkPoints()).isEmpty();
        assertThat(a.lines()).extracting(BranchLine::revisions).containsExactly(List.of());
        assertThat(a.findings()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ output

    @Test
    void formatAndDiagnosticNameBothFilesAndLines() {
        ConflictAnalysis a = fork(
                "    op.add_column('users', sa.Column('email', sa.String()))\n",
                "    pass\n    op.add_column('users', sa.Column('email', sa.String()))\n");
        ConflictFinding f = onlyFinding(a);
        assertThat(f.format(dir)).isEqualTo("[error column-added-twice] column users.email is added on both lines: "
                + "l1.py:6 add_column users.email [type=sa.String()] (line of l1) / r1.py:7 add_column users.email "
                + "[type=sa.String()] (line of r1)");
        Diagnostic d = f.toDiagnostic(dir);
        assertThat(d.code()).isEqualTo(DiagnosticCode.SCHEMA_CONFLICT);
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.path()).isEqualTo(dir.resolve("l1.py"));
        assertThat(d.line()).isEqualTo(6);
        assertThat(d.format(dir)).isEqualTo("[schema-conflict] l1.py:6: column users.email is added on both lines "
                + "(add_column users.email [type=sa.String()] on the line of l1; r1.py:7 add_column users.email "
                + "[type=sa.String()] on the line of r1) Fix: reconcile the two migrations before merging the lines "
                + "(remove the duplicate change, or make one revision depend on the other)");
    }

    @Test
    void readProblemsBecomeDiagnostics() {
        rev("a0", "    pass\n");
        rev("l1", "    op.drop_table('a'\n", "a0");
        file("r1", "from alembic import op\n", "a0");
        ConflictAnalysis a = analyze();
        assertThat(a.diagnostics()).extracting(d -> d.path().getFileName() + ":" + d.line() + " " + d.code().id())
                .containsExactly("l1.py:6 syntax-error", "r1.py:0 unresolved-operation");
        assertThat(a.findings()).isEmpty();
    }

    @Test
    void anUnknownHeadIsRejected() {
        rev("a0", "    pass\n");
        assertThatThrownBy(() -> new ConflictAnalyzer(Map.of()).analyze(map(), List.of("a0", "zz")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a revision of the map: zz");
    }
}
