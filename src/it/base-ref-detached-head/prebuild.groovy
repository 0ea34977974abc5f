// The repository of base-ref-parallel-revision (it-support.groovy, baseRefRepository: b7e3a1c95d20 on the branch,
// 8c41d0b7e925 on main, both on 5d7e2f90a1c3), with HEAD detached at the feature's commit, as CI checks out a pull
// request.
def it = evaluate(new File(itSupport))
it.baseRefRepository()
it.git('checkout', '-q', '--detach', 'feature')
return null // a hook script that returns a false value (git's empty output) fails the build
