// alembic.ini sets file_template = %%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(rev)s_%%(slug)s and
// truncate_slug_length = 20. The date tokens come from the create date (the newest parent's, 2026-03-10 08:05:31);
// the slug of "merge the orders and accounts heads" is cut as Alembic cuts it: its first 20 characters
// "merge_the_orders_and", up to the last "_", plus "_".
def it = evaluate(new File(itSupport))
def name = '2026_03_10_0805-56d47a4c5962_merge_the_orders_.py'

assert it.log().contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ converge-file-template ---
1 revision to write: 'head' (5d7e2f90a1c3, 8c41d0b7e925 -> 56d47a4c5962).
Created migrations/versions/${name} (revision 56d47a4c5962, merge of 5d7e2f90a1c3, 8c41d0b7e925)
------------------------------------------------------------------------
BUILD SUCCESS"""))
it.assertSameFile("migrations/versions/${name}", "expected/${name}")
