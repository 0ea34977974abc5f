// A linear history (3f2a9c1e7b40 <- 8c41d0b7e925) has one head: alembic:converge says so, succeeds and writes nothing.
def it = evaluate(new File(itSupport))

assert it.log().contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ converge-already-converged ---
Already converged: every line of history has one head; nothing to write.
------------------------------------------------------------------------
BUILD SUCCESS"""))
it.assertTreeUnchanged()
