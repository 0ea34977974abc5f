package io.github.alembicmaven.core.script;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.diagnostic.Severity;
import io.github.alembicmaven.core.script.SchemaOperation.Kind;
import io.github.alembicmaven.core.script.SchemaOperation.Reference;
import io.github.alembicmaven.core.script.SchemaOperation.Unresolved;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UpgradeOperationReaderTest {

    private static final Path FILE = Path.of("versions", "a1_x.py").toAbsolutePath();
    private static final String HEADER = "from alembic import op\nimport sqlalchemy as sa\n\n\ndef upgrade():\n";
    /** Line of the first body line under {@link #HEADER}. */
    private static final int BODY = 6;

    static UpgradeOperations read(String source) {
        return read(source, Map.of());
    }

    static UpgradeOperations read(String source, Map<String, String> constants) {
        return new UpgradeOperationReader(constants).read(FILE, source.getBytes(UTF_8));
    }

    /** The operations of an upgrade() body (indented by four spaces) as "line: description". */
    static List<String> ops(String body) {
        UpgradeOperations r = read(HEADER + body);
        assertThat(r.diagnostics()).as("diagnostics").isEmpty();
        return r.operations().stream().map(o -> o.line() + ": " + o.describe()).toList();
    }

    static SchemaOperation only(String body) {
        UpgradeOperations r = read(HEADER + body);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.operations()).hasSize(1);
        return r.operations().get(0);
    }

    // ------------------------------------------------------------------------------------------ one per operation

    @Test
    void addColumn() {
        SchemaOperation o = only("    op.add_column('users', sa.Column('email', sa.String(100), nullable=False))\n");
        assertThat(o.kind()).isEqualTo(Kind.ADD_COLUMN);
        assertThat(o.call()).isEqualTo("op.add_column");
        assertThat(o.table()).isEqualTo("users");
        assertThat(o.schema()).isNull();
        assertThat(o.column()).isEqualTo("email");
        assertThat(o.details()).containsExactly(Map.entry("type", "sa.String(100)"), Map.entry("nullable", "False"));
        assertThat(o.file()).isEqualTo(FILE);
        assertThat(o.line()).isEqualTo(BODY);
        assertThat(o.conditional()).isFalse();
        assertThat(o.unresolved()).isEmpty();
    }

    @Test
    void addColumnWithSchemaPositionalAndKeyword() {
        assertThat(ops("""
                    op.add_column("users", sa.Column("a", sa.Integer), "app")
                    op.add_column(table_name="users", column=sa.Column("b", sa.Integer), schema="app")
                """)).containsExactly(
                "6: add_column app.users.a [type=sa.Integer]",
                "7: add_column app.users.b [type=sa.Integer]");
    }

    @Test
    void dropColumn() {
        SchemaOperation o = only("    op.drop_column('users', 'age', schema='app')\n");
        assertThat(o.kind()).isEqualTo(Kind.DROP_COLUMN);
        assertThat(o.schema()).isEqualTo("app");
        assertThat(o.table()).isEqualTo("users");
        assertThat(o.column()).isEqualTo("age");
    }

    @Test
    void alterColumnRenameTypeAndNullability() {
        SchemaOperation o = only("""
                    op.alter_column(
                        "users", "name",
                        new_column_name="full_name",
                        existing_type=sa.String(50),
                        type_=sa.Text(),
                        nullable=True,
                        server_default="x",
                    )
                """);
        assertThat(o.kind()).isEqualTo(Kind.ALTER_COLUMN);
        assertThat(o.table()).isEqualTo("users");
        assertThat(o.column()).isEqualTo("name");
        assertThat(o.newName()).isEqualTo("full_name");
        assertThat(o.details()).containsExactly(Map.entry("type_", "sa.Text()"), Map.entry("nullable", "True"),
                Map.entry("server_default", "\"x\""));
        assertThat(o.line()).isEqualTo(BODY);
    }

    @Test
    void alterColumnPositionalNullable() {
        SchemaOperation o = only("    op.alter_column('users', 'name', False)\n");
        assertThat(o.newName()).isNull();
        assertThat(o.details()).containsExactly(Map.entry("nullable", "False"));
    }

    @Test
    void createAndDropIndex() {
        assertThat(ops("""
                    op.create_index(op.f("ix_users_email"), "users", ["email", sa.text("lower(name)")], unique=True)
                    op.create_index("ix_b", table_name="users", columns="b", schema="app")
                    op.drop_index("ix_old", table_name="users")
                    op.drop_index(op.f("ix_other"))
                """)).containsExactly(
                "6: create_index ix_users_email on users (email) [unique=True]",
                "7: create_index ix_b on app.users (b)",
                "8: drop_index ix_old on users",
                "9: drop_index ix_other");
    }

    @Test
    void constraints() {
        assertThat(ops("""
                    op.create_unique_constraint("uq_users_email", "users", ["email"])
                    op.create_primary_key("pk_users", "users", ["id"])
                    op.create_check_constraint("ck_age", "users", "age > 0")
                    op.drop_constraint("fk_old", "users", type_="foreignkey", schema="app")
                    op.create_unique_constraint(None, "users", ["name"])
                """)).containsExactly(
                "6: create_unique_constraint uq_users_email on users (email)",
                "7: create_primary_key pk_users on users (id)",
                "8: create_check_constraint ck_age on users [condition=\"age > 0\"]",
                "9: drop_constraint fk_old on app.users [type_=\"foreignkey\"]",
                "10: create_unique_constraint <unnamed> on users (name)");
    }

    @Test
    void createForeignKey() {
        SchemaOperation o = only("""
                    op.create_foreign_key("fk_posts_user", "posts", "users", ["user_id"], ["id"],
                                          source_schema="app", referent_schema="auth", ondelete="CASCADE")
                """);
        assertThat(o.kind()).isEqualTo(Kind.CREATE_FOREIGN_KEY);
        assertThat(o.name()).isEqualTo("fk_posts_user");
        assertThat(o.schema()).isEqualTo("app");
        assertThat(o.table()).isEqualTo("posts");
        assertThat(o.columns()).containsExactly("user_id");
        assertThat(o.reference()).isEqualTo(new Reference("auth", "users", List.of("id")));
    }

    @Test
    void tables() {
        assertThat(ops("""
                    op.rename_table("old", "new", schema="app")
                    op.drop_table("gone")
                    op.create_table_comment("users", "people")
                    op.drop_table_comment("users")
                """)).containsExactly(
                "6: rename_table app.old -> new",
                "7: drop_table gone",
                "8: create_table_comment users [comment=\"people\"]",
                "9: drop_table_comment users");
    }

    @Test
    void createTableWithInlineConstraints() {
        assertThat(ops("""
                    op.create_table(
                        "posts",
                        sa.Column("id", sa.Integer, primary_key=True),
                        sa.Column("user_id", sa.Integer, sa.ForeignKey("auth.users.id"), nullable=False),
                        sa.Column(op.f("title"), sa.String(50)),
                        sa.PrimaryKeyConstraint("id", name="pk_posts"),
                        sa.UniqueConstraint("user_id", "title"),
                        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_posts_users"),
                        sa.CheckConstraint("id > 0", name="ck_posts_id"),
                        sa.Index("ix_posts_title", "title"),
                        schema="app",
                    )
                """)).containsExactly(
                "6: create_table app.posts (id, user_id, title)",
                "6: create_foreign_key <unnamed> on app.posts (user_id) -> auth.users (id)",
                "6: create_primary_key pk_posts on app.posts (id)",
                "6: create_foreign_key fk_posts_users on app.posts (user_id) -> users (id)",
                "6: create_check_constraint ck_posts_id on app.posts",
                "6: create_index ix_posts_title on app.posts (title)");
    }

    @Test
    void createTableWithUnpackedColumnsIsPartlyUnresolved() {
        UpgradeOperations r = read(HEADER + "    op.create_table('t', sa.Column('id', sa.Integer), *common())\n");
        SchemaOperation o = r.operations().get(0);
        assertThat(o.table()).isEqualTo("t");
        assertThat(o.columns()).containsExactly("id");
        assertThat(o.unresolved()).containsExactly(
                new Unresolved("columns", "*common()", "it is unpacked from an expression"));
    }

    @Test
    void bulkInsertResolvesModuleLevelAndLocalTables() {
        String src = """
                from alembic import op
                import sqlalchemy as sa
                from app.models import Thing

                accounts = sa.table("accounts", sa.column("id"), schema="app")


                def upgrade():
                    op.bulk_insert(accounts, [{"id": 1}])
                    roles = sa.Table("roles", sa.MetaData(), sa.Column("id"))
                    op.bulk_insert(roles, [])
                    created = op.create_table("kinds", sa.Column("id", sa.Integer))
                    op.bulk_insert(created, [])
                    op.bulk_insert(Thing.__table__, [])
                """;
        UpgradeOperations r = read(src);
        assertThat(r.operations()).extracting(o -> o.line() + ": " + o.describe()).containsExactly(
                "9: bulk_insert app.accounts",
                "11: bulk_insert roles",
                "12: create_table kinds (id)",
                "13: bulk_insert kinds",
                "14: bulk_insert <Thing.__table__?>");
        assertThat(r.operations().get(4).unresolved()).containsExactly(new Unresolved("table", "Thing.__table__",
                "it is not a table(\"name\", ...) expression"));
    }

    // ------------------------------------------------------------------------------------------ batch_alter_table

    @Test
    void batchAlterTableTakesTheTableFromTheWith() {
        assertThat(ops("""
                    with op.batch_alter_table("users", schema="app") as batch:
                        batch.add_column(sa.Column("flag", sa.Boolean(), nullable=True))
                        batch.drop_column("age")
                        batch.alter_column("name", new_column_name="full_name")
                        batch.create_index("ix_users_flag", ["flag"], unique=False)
                        batch.drop_index("ix_old")
                        batch.create_unique_constraint("uq_users_name", ["full_name"])
                        batch.create_foreign_key("fk_users_org", "orgs", ["org_id"], ["id"])
                        batch.create_check_constraint("ck_flag", "flag IS NOT NULL")
                        batch.create_primary_key("pk_users", ["id"])
                        batch.drop_constraint("uq_old", type_="unique")
                        batch.create_table_comment("people")
                        batch.execute("UPDATE users SET flag = true")
                    op.drop_column("users", "x")
                """)).containsExactly(
                "7: add_column app.users.flag [type=sa.Boolean(), nullable=True]",
                "8: drop_column app.users.age",
                "9: alter_column app.users.name -> full_name",
                "10: create_index ix_users_flag on app.users (flag) [unique=False]",
                "11: drop_index ix_old on app.users",
                "12: create_unique_constraint uq_users_name on app.users (full_name)",
                "13: create_foreign_key fk_users_org on app.users (org_id) -> orgs (id)",
                "14: create_check_constraint ck_flag on app.users [condition=\"flag IS NOT NULL\"]",
                "15: create_primary_key pk_users on app.users (id)",
                "16: drop_constraint uq_old on app.users [type_=\"unique\"]",
                "17: create_table_comment app.users [comment=\"people\"]",
                "18: opaque_sql on users: UPDATE users SET flag = true",
                "19: drop_column users.x");
    }

    @Test
    void autogeneratedBatchNamesUseBatchOpF() {
        assertThat(ops("""
                    with op.batch_alter_table('users', schema=None) as batch_op:
                        batch_op.create_index(batch_op.f('ix_users_email'), ['email'], unique=True)
                        batch_op.drop_index(batch_op.f('ix_users_name'))
                """)).containsExactly(
                "7: create_index ix_users_email on users (email) [unique=True]",
                "8: drop_index ix_users_name on users");
    }

    @Test
    void batchWithAnUnresolvedTableMarksEveryOperation() {
        UpgradeOperations r = read("""
                from alembic import op
                import sqlalchemy as sa
                from app.names import USERS


                def upgrade():
                    with op.batch_alter_table(USERS) as b, open("f") as f:
                        b.drop_column("age")
                """);
        SchemaOperation o = r.operations().get(0);
        assertThat(o.describe()).isEqualTo("drop_column <USERS?>.age");
        assertThat(o.unresolved()).containsExactly(new Unresolved("table_name", "USERS",
                "the name 'USERS' comes from 'from app.names import USERS' at line 3"));
    }

    // ------------------------------------------------------------------------------------------ names

    @Test
    void moduleConstantsAndLocalAssignmentsResolveNames() {
        UpgradeOperations r = read("""
                from alembic import op as alembic_op
                import sqlalchemy as sa

                TABLE = "users"
                PREFIX = "ix_"
                SCHEMA = None


                def upgrade():
                    column = sa.Column("email", sa.String())
                    name = PREFIX + "users_email"
                    alembic_op.add_column(TABLE, column, schema=SCHEMA)
                    alembic_op.create_index(name, TABLE, ["email"])
                    alembic_op.drop_column(TABLE, EXTERNAL)
                """, Map.of("EXTERNAL", "legacy"));
        assertThat(r.operations()).extracting(SchemaOperation::describe).containsExactly(
                "add_column users.email [type=sa.String()]",
                "create_index ix_users_email on users (email)",
                "drop_column users.legacy");
    }

    @Test
    void unresolvedNamesAreReportedNotGuessed() {
        UpgradeOperations r = read("""
                from alembic import op
                import sqlalchemy as sa
                from app.names import TABLE


                def upgrade():
                    op.add_column(TABLE, sa.Column("a", sa.Integer))
                    for name in ["x", "y"]:
                        op.drop_column("users", name)
                    op.drop_column("users", f"{TABLE}_id")
                    op.drop_column("users", MISSING)
                    if flag:
                        col = "z"
                    op.drop_column("users", col)
                """);
        assertThat(r.operations()).extracting(SchemaOperation::unresolved).containsExactly(
                List.of(new Unresolved("table_name", "TABLE",
                        "the name 'TABLE' comes from 'from app.names import TABLE' at line 3")),
                List.of(new Unresolved("column_name", "name",
                        "'name': it is the loop variable of the for loop at line 8")),
                List.of(new Unresolved("column_name", "f\"{TABLE}_id\"",
                        "it is an f-string with replacement fields")),
                List.of(new Unresolved("column_name", "MISSING",
                        "the name 'MISSING' is bound neither in upgrade() nor at module level")),
                List.of(new Unresolved("column_name", "col",
                        "'col': it is bound inside a conditional block at line 13")));
        assertThat(r.unresolved()).hasSize(5);
        assertThat(r.operations().get(0).describe()).isEqualTo("add_column <TABLE?>.a [type=sa.Integer]");
    }

    // ------------------------------------------------------------------------------------------ raw SQL

    static Stream<Arguments> sqlStatements() {
        return Stream.of(
                Arguments.of("ALTER TABLE users ADD COLUMN email varchar(100)", "add_column users.email"),
                Arguments.of("alter table app.users add email text", "add_column app.users.email"),
                Arguments.of("ALTER TABLE \"Users\" DROP COLUMN IF EXISTS \"Age\" CASCADE", "drop_column Users.Age"),
                Arguments.of("ALTER TABLE users ALTER COLUMN name SET NOT NULL", "alter_column users.name"),
                Arguments.of("ALTER TABLE users RENAME COLUMN name TO full_name",
                        "alter_column users.name -> full_name"),
                Arguments.of("ALTER TABLE users RENAME TO people", "rename_table users -> people"),
                Arguments.of("ALTER TABLE `users` CHANGE name full_name text", "alter_column users.name -> full_name"),
                Arguments.of("ALTER TABLE users ADD CONSTRAINT uq_email UNIQUE (email)",
                        "create_unique_constraint uq_email on users (email)"),
                Arguments.of("ALTER TABLE posts ADD CONSTRAINT fk_u FOREIGN KEY (user_id) REFERENCES users (id)",
                        "create_foreign_key fk_u on posts (user_id) -> users"),
                Arguments.of("ALTER TABLE users DROP CONSTRAINT IF EXISTS uq_email",
                        "drop_constraint uq_email on users"),
                Arguments.of("ALTER TABLE users OWNER TO admin", "opaque_sql on users"),
                Arguments.of("CREATE TABLE IF NOT EXISTS app.tags (id serial PRIMARY KEY, name text, "
                        + "CONSTRAINT uq_tags UNIQUE (name))", "create_table app.tags (id, name)"),
                Arguments.of("DROP TABLE IF EXISTS a, b CASCADE", "drop_table a|drop_table b"),
                Arguments.of("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix_e ON ONLY users USING btree "
                        + "(email, lower(name))", "create_index ix_e on users (email)"),
                Arguments.of("DROP INDEX CONCURRENTLY ix_e", "drop_index ix_e"),
                Arguments.of("UPDATE users SET a = 1", "opaque_sql on users"),
                Arguments.of("INSERT INTO app.roles (name) VALUES ('x;y')", "opaque_sql on app.roles"),
                Arguments.of("DELETE FROM roles", "opaque_sql on roles"),
                Arguments.of("CREATE EXTENSION IF NOT EXISTS pgcrypto", "opaque_sql"),
                Arguments.of("CREATE OR REPLACE TRIGGER audit AFTER UPDATE ON app.orders FOR EACH ROW EXECUTE "
                        + "FUNCTION log()", "opaque_sql on app.orders"),
                Arguments.of("COMMENT ON COLUMN users.email IS 'x'", "opaque_sql on users"),
                Arguments.of("ALTER TABLE users ADD COLUMN a int, DROP COLUMN b; -- done\nVACUUM",
                        "add_column users.a|drop_column users.b|opaque_sql"),
                Arguments.of("CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN; DROP TABLE x; END $$ LANGUAGE plpgsql",
                        "opaque_sql"));
    }

    @ParameterizedTest
    @MethodSource("sqlStatements")
    void executeRecognisesPlainDdl(String sql, String expected) {
        UpgradeOperations r = read(HEADER + "    op.execute(" + PyValue.reprText(sql, false) + ")\n");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.operations()).extracting(o -> o.describe().replaceAll(" \\[sql=.*\\]$|: .*$", ""))
                .containsExactly(expected.split("\\|"));
        assertThat(r.operations()).allSatisfy(o -> assertThat(o.details()).containsKey(SchemaOperation.SQL));
    }

    @Test
    void executeForms() {
        UpgradeOperations r = read("""
                from alembic import op
                import sqlalchemy as sa
                from sqlalchemy import text

                SQL = "DROP TABLE legacy"
                users = sa.table("users", sa.column("id"))


                def upgrade():
                    op.execute(sa.text("ALTER TABLE users DROP COLUMN age"))
                    op.execute(text(SQL))
                    op.execute(users.update().values(id=1))
                    op.execute(sa.delete(users).where(users.c.id == 1))
                    conn = op.get_bind()
                    conn.execute(sa.text("CREATE INDEX ix_u ON users (id)"))
                    op.get_bind().exec_driver_sql("DROP INDEX ix_v")
                    op.execute(sa.text("DELETE FROM roles WHERE id = :id").bindparams(id=1).execution_options(x=1))
                    op.execute(f"DROP TABLE {name}")
                    op.execute(build_sql())
                """);
        assertThat(r.operations()).extracting(o -> o.line() + ": " + o.describe()).containsExactly(
                "10: drop_column users.age [sql=ALTER TABLE users DROP COLUMN age]",
                "11: drop_table legacy [sql=DROP TABLE legacy]",
                "12: opaque_sql on users: users.update().values(id=1)",
                "13: opaque_sql on users: sa.delete(users).where(users.c.id == 1)",
                "15: create_index ix_u on users (id) [sql=CREATE INDEX ix_u ON users (id)]",
                "16: drop_index ix_v [sql=DROP INDEX ix_v]",
                "17: opaque_sql on roles: DELETE FROM roles WHERE id = :id",
                "18: opaque_sql: f\"DROP TABLE {name}\"",
                "19: opaque_sql: build_sql()");
        assertThat(r.operations().get(2).unresolved()).isEmpty();
        assertThat(r.operations().get(7).unresolved()).containsExactly(new Unresolved("sqltext",
                "f\"DROP TABLE {name}\"", "it is an f-string with replacement fields"));
        assertThat(r.operations().get(8).unresolved()).containsExactly(new Unresolved("sqltext", "build_sql()",
                "it calls a function"));
    }

    // ------------------------------------------------------------------------------------------ structure

    @Test
    void conditionalBlocksAreFlagged() {
        UpgradeOperations r = read(HEADER + """
                    op.drop_column("t", "a")
                    if op.get_bind().dialect.name == "postgresql":
                        op.drop_column("t", "b")
                    else:
                        op.drop_column("t", "c")
                    for i in range(2):
                        op.drop_column("t", "d")
                    try:
                        op.drop_column("t", "e")
                    except Exception:
                        op.drop_column("t", "f")
                    with op.get_context().autocommit_block():
                        op.drop_column("t", "g")
                    while False: op.drop_column("t", "h")
                """);
        assertThat(r.operations()).extracting(o -> o.column() + "=" + o.conditional())
                .containsExactly("a=false", "b=true", "c=true", "d=true", "e=false", "f=true", "g=false", "h=true");
    }

    @Test
    void unknownOperationsAreReportedAsSuch() {
        SchemaOperation o = only("    op.invoke(MyOp())\n");
        assertThat(o.kind()).isEqualTo(Kind.UNKNOWN_OPERATION);
        assertThat(o.call()).isEqualTo("op.invoke");
        assertThat(o.table()).isNull();
        assertThat(o.describe()).isEqualTo("unknown_operation op.invoke");
    }

    @Test
    void downgradeIsIgnoredAndHelpersAreFollowed() {
        UpgradeOperations r = read("""
                from alembic import op


                def _drop(table):
                    op.drop_column("users", "a")
                    op.drop_table(table)


                def upgrade() -> None:
                    op.create_table("t")
                    _drop("x")


                def downgrade() -> None:
                    op.drop_table("t")
                """);
        assertThat(r.operations()).extracting(o -> o.line() + ": " + o.describe()).containsExactly(
                "10: create_table t",
                "5: drop_column users.a",
                "6: drop_table <table?>");
        assertThat(r.operations().get(2).unresolved()).containsExactly(
                new Unresolved("table_name", "table", "'table': it is a parameter of _drop()"));
    }

    @Test
    void legacyKeywordNames() {
        assertThat(ops("""
                    op.create_index(name="ix_a", table_name="t", columns=["a"])
                    op.create_foreign_key(name="fk_a", source="t", referent="u", local_cols=["u_id"], remote_cols=["id"])
                """)).containsExactly(
                "6: create_index ix_a on t (a)",
                "7: create_foreign_key fk_a on t (u_id) -> u (id)");
    }

    @Test
    void emptyOrOneLineBodies() {
        assertThat(read(HEADER + "    pass\n").operations()).isEmpty();
        UpgradeOperations r = read("from alembic import op\ndef upgrade(): op.drop_table('t'); op.drop_table('u')\n");
        assertThat(r.operations()).extracting(SchemaOperation::describe).containsExactly("drop_table t",
                "drop_table u");
    }

    @Test
    void missingUpgradeIsADiagnostic() {
        UpgradeOperations r = read("from alembic import op\n\ndef downgrade():\n    op.drop_table('t')\n");
        assertThat(r.operations()).isEmpty();
        Diagnostic d = r.diagnostics().get(0);
        assertThat(d.code()).isEqualTo(DiagnosticCode.UNRESOLVED_OPERATION);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).startsWith("No top-level def upgrade()");
    }

    @Test
    void syntaxErrorInTheBodyKeepsWhatCameBefore() {
        UpgradeOperations r = read(HEADER + """
                    op.drop_table("a")
                    op.drop_table("b"
                    op.drop_table("c")
                """);
        assertThat(r.operations()).extracting(SchemaOperation::describe).containsExactly("drop_table a");
        assertThat(r.diagnostics()).hasSize(1);
        Diagnostic d = r.diagnostics().get(0);
        assertThat(d.code()).isEqualTo(DiagnosticCode.SYNTAX_ERROR);
        assertThat(d.path()).isEqualTo(FILE);
        assertThat(d.line()).isEqualTo(7);
        assertThat(d.message()).isEqualTo(
                "SyntaxError: '(' was never closed; the upgrade() operations from line 7 on are not analysed");
    }

    @Test
    void readsFromDiskAndReportsUnreadableFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a1_x.py");
        Files.writeString(file, HEADER + "    op.drop_table('t')\n");
        UpgradeOperationReader reader = new UpgradeOperationReader(null);
        assertThat(reader.read(file).operations()).extracting(SchemaOperation::describe)
                .containsExactly("drop_table t");
        UpgradeOperations missing = reader.read(dir.resolve("missing.py"));
        assertThat(missing.operations()).isEmpty();
        assertThat(missing.diagnostics()).extracting(Diagnostic::code)
                .containsExactly(DiagnosticCode.UNREADABLE_FILE);
    }

    @Test
    void neverThrowsOnTruncatedSource() {
        String src = """
                from alembic import op
                import sqlalchemy as sa
                T = sa.table("t", sa.column("id"))


                def _helper(x, *a, **k):
                    op.drop_column("t", x)


                def upgrade() -> None:
                    with op.batch_alter_table("t", schema="s") as b, (op.get_context()):
                        b.add_column(sa.Column("a", sa.Integer, sa.ForeignKey("u.id"), nullable=False))
                    conn = op.get_bind()
                    conn.execute(sa.text("ALTER TABLE t ADD COLUMN b int; DROP INDEX ix"))
                    op.create_table("u", sa.Column("id"), sa.UniqueConstraint("id", name=op.f("uq")), *cols)
                    if x: op.execute(T.update().values(id=1))
                    for i in (1, 2):
                        _helper(i)
                    op.bulk_insert(T, [{"id": 1}]); op.create_index("ix", "t", ["a"], **kw)
                    match x:
                        case 1:
                            op.drop_table("t")
                """;
        for (int end = 0; end <= src.length(); end++) {
            String cut = src.substring(0, end);
            assertThat(read(cut)).as("cut at %d", end).isNotNull(); // an exception fails the test
        }
        assertThat(read(src).operations()).hasSize(11);
    }
}
