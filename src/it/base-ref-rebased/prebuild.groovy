// The repository of base-ref-parallel-revision (it-support.groovy, baseRefRepository: b7e3a1c95d20 on the branch,
// 8c41d0b7e925 on main, both on 5d7e2f90a1c3), then what its failure block says to do: the branch rebased onto main,
// and its new revision b7e3a1c95d20 re-parented onto main's head 8c41d0b7e925 in a second commit (a new revision may
// be edited freely: it is on no shared branch yet).
def it = evaluate(new File(itSupport))
it.baseRefRepository()
it.git('rebase', '-q', 'main')
def file = new File(basedir, 'migrations/versions/b7e3a1c95d20_add_email_to_accounts.py')
file.setText(file.getText('UTF-8').replace('Revises: 5d7e2f90a1c3', 'Revises: 8c41d0b7e925')
        .replace("None] = '5d7e2f90a1c3'", "None] = '8c41d0b7e925'"), 'UTF-8')
it.git('commit', '-q', '-a', '-m', 'b7e3a1c95d20 re-parented onto main')
return null // a hook script that returns a false value (git's empty output) fails the build
