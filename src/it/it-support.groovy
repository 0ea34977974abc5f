// Helpers shared by the IT hook scripts (not an IT itself: it has no pom.xml). A prebuild.groovy or verify.groovy
// gets them with
//     def it = evaluate(new File(itSupport))
// (itSupport is a script variable set in alembic-it/pom.xml); evaluate() runs this file with the caller's binding, so
// basedir is the IT's project directory.
import java.security.MessageDigest

class ItSupport {
    final File basedir
    /** src/it, where this file is: the base-ref-* ITs read their shared fixture from there. */
    final File itDirectory

    ItSupport(File basedir, File itDirectory) {
        this.basedir = basedir
        this.itDirectory = itDirectory
    }

    /**
     * The full log, with '\n' line ends, without the lines of downloads into the ITs' shared local repository (the
     * first build that needs an artifact logs them, wherever they fall, and which build that is depends on the order).
     */
    String log() {
        new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')
                .replaceAll(/(?m)^\[INFO\] Download(ing|ed) from [^\n]*\n/, '')
    }

    /** The log of each invocation (invoker.goals.1, .2, ...), in order. */
    List<String> runs() {
        (log().split(/\[INFO\] Scanning for projects\.\.\./) as List).drop(1)
    }

    /** Lines as Maven logs them at INFO: an empty line becomes "[INFO] " (with the space). */
    static String info(String text) {
        text.readLines().collect { '[INFO] ' + it }.join('\n') + '\n'
    }

    /** A failure message as Maven prints it: its first line after firstLinePrefix, every further line after "[ERROR] ". */
    static String errorLines(String firstLinePrefix, String message) {
        def lines = message.readLines()
        ([firstLinePrefix + lines.head()] + lines.tail().collect { '[ERROR] ' + it }).join('\n') + '\n'
    }

    /** What the Fix line of a schema-conflict failure of alembic:check and the enforcer rule says to run. */
    static final String CHECK_AGAIN = "check again with 'mvn alembic:check -Dalembic.conflicts=fail' ('mvn alembic:conflicts' lists each line's operations)"

    /** What the Fix line of alembic:converge's schema-conflict refusal says to run. */
    static final String CONVERGE_AGAIN = "run 'mvn alembic:converge' again (or write the merge anyway with" +
            " 'mvn alembic:converge -Dalembic.allowConflicts')"

    /**
     * The failure message (what, why, fix) of one schema-conflict error between two lines of history.
     *
     * @param heads the heads, as listed ("a, b")
     * @param then what to run once the migrations are reconciled: CHECK_AGAIN or CONVERGE_AGAIN
     */
    static String conflictError(String heads, String forkPoint, String finding, String then) {
        (then == CONVERGE_AGAIN ? 'alembic:converge refused: s' : 'S') + """\
chema conflicts between lines of history: 1 error (both lines change the same schema object):
  Heads ${heads} forking from ${forkPoint}:
  - ${finding}
Why: a merge revision only joins the graph; 'alembic upgrade' then runs both lines' migrations, which fails (or leaves the wrong schema) when both create, drop, rename or alter the same object.
Fix: reconcile the migrations (remove the duplicate change from the revision that is not deployed yet, or make one revision build on the other), then ${then}.
"""
    }

    /**
     * The alembic:conflicts listing of one fork (without the goal's header line), for lines of one revision each.
     *
     * @param lines each head with the operations of its revision, as listed
     * @param findings the findings as listed (each "[severity rule] ..."); none gives the "No conflicts" line
     */
    static String conflictListing(String forkPoint, Map<String, List<String>> lines, List<String> findings) {
        def out = ["Heads ${lines.keySet().join(', ')} forking from ${forkPoint}:"]
        lines.each { head, operations ->
            out << "  Line of ${head} (1 revision: ${head}):"
            operations.each { out << "    ${it}" }
        }
        if (findings.isEmpty()) {
            out << '  No conflicts: the lines change different schema objects.'
        } else {
            out << '  Findings:'
            findings.each { out << "  - ${it}" }
        }
        out.join('\n')
    }

    /** The text Maven logged between "--- <path> (...) ---" and "--- end of <path> ---" of a dry run, as a file's text. */
    static String dryRunContent(String run, String path) {
        def lines = run.readLines()
        int start = lines.findIndexOf { it.startsWith("[INFO] --- ${path} (".toString()) }
        int end = lines.findIndexOf { it == "[INFO] --- end of ${path} ---".toString() }
        assert start >= 0 && end > start : "no dry-run block for ${path}"
        lines.subList(start + 1, end).collect {
            assert it.startsWith('[INFO] ')
            it.substring('[INFO] '.length())
        }.join('\n') + '\n'
    }

    /**
     * The SHA-256 of every file of the project (hidden ones too, so a temporary file left behind shows), by path
     * relative to the project, except target/ (reports, the recorded hashes) and invoker's build.log.
     */
    SortedMap<String, String> treeHashes() {
        SortedMap<String, String> out = new TreeMap<>()
        basedir.eachFileRecurse { File f ->
            String rel = basedir.toPath().relativize(f.toPath()).toString().replace('\\', '/')
            if (f.isFile() && !rel.startsWith('target/') && rel != 'build.log') {
                out[rel] = MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString()
            }
        }
        out
    }

    private File recorded() {
        new File(basedir, 'target/tree-before.txt')
    }

    /** prebuild.groovy: records treeHashes() in target/tree-before.txt. */
    void recordTree() {
        recorded().parentFile.mkdirs()
        recorded().setText(treeHashes().collect { path, hash -> "${hash}  ${path}" }.join('\n') + '\n', 'UTF-8')
    }

    private Map<String, String> recordedHashes() {
        recorded().getText('UTF-8').readLines().collectEntries { line ->
            def (hash, path) = line.split('  ', 2)
            [(path): hash]
        }
    }

    /** verify.groovy: the project's files are byte-identical to those recordTree() saw. */
    void assertTreeUnchanged() {
        assert treeHashes() == recordedHashes()
    }

    /**
     * verify.groovy: the project's files are those recordTree() saw, byte-identical, plus exactly the files
     * {@code added} (paths relative to the project, which did not exist before).
     */
    void assertTreeUnchangedExcept(Collection<String> added) {
        def now = treeHashes()
        assert now.keySet().containsAll(added)
        assert recordedHashes().keySet().intersect(added as Set).isEmpty()
        assert now.findAll { path, hash -> !(path in added) } == recordedHashes()
    }

    /**
     * Runs the git CLI in the project directory (only the ITs' hook scripts do: the plugin reads repositories with
     * JGit) with a fixed identity and fixed dates, so the same steps give the same commit ids on every machine.
     *
     * @return its standard output, stripped
     */
    String git(String... args) {
        def env = System.getenv().findAll { k, v -> !k.startsWith('GIT_') }.collect { k, v -> "${k}=${v}" }
        env += ['GIT_AUTHOR_NAME=IT', 'GIT_AUTHOR_EMAIL=it@example.com', 'GIT_COMMITTER_NAME=IT',
                'GIT_COMMITTER_EMAIL=it@example.com', 'GIT_AUTHOR_DATE=2026-03-01T12:00:00Z',
                'GIT_COMMITTER_DATE=2026-03-01T12:00:00Z']
        def command = ['git', '-c', 'core.autocrlf=false', '-c', 'commit.gpgsign=false'] + (args as List)
        def process = command.execute(env, basedir)
        def out = new StringBuilder(), err = new StringBuilder()
        process.waitForProcessOutput(out, err)
        assert process.exitValue() == 0 : "${command.join(' ')} failed: ${err}"
        out.toString().strip()
    }

    /**
     * prebuild.groovy of the base-ref-* ITs: a git repository in the project, on branch main, with the files of
     * shared-base-ref/published (alembic.ini, script.py.mako, the published 3f2a9c1e7b40 &lt;- 5d7e2f90a1c3), then
     * each side's own files on top: the feature's on the branch feature, main's (8c41d0b7e925 on 5d7e2f90a1c3) on main;
     * feature is left checked out. A side's files come from the IT's git-fixture/&lt;side&gt; when it has one, else from
     * shared-base-ref/&lt;side&gt; (b7e3a1c95d20 on 5d7e2f90a1c3 for the feature: a parallel revision).
     */
    void baseRefRepository() {
        copyOver(new File(itDirectory, 'shared-base-ref/published'))
        new File(basedir, '.gitignore').setText('/build.log\n/target/\n/git-fixture/\n', 'UTF-8')
        git('init', '-q', '-b', 'main')
        git('add', '-A')
        git('commit', '-q', '-m', 'published revisions')
        git('checkout', '-q', '-b', 'feature')
        commitSide('feature')
        git('checkout', '-q', 'main')
        commitSide('main')
        git('checkout', '-q', 'feature')
    }

    private void commitSide(String side) {
        def own = new File(basedir, "git-fixture/${side}")
        copyOver(own.isDirectory() ? own : new File(itDirectory, "shared-base-ref/${side}"))
        git('add', '-A')
        git('commit', '-q', '-m', "${side}'s revisions")
    }

    /** Copies every file below {@code from} into the project, same relative paths. */
    private void copyOver(File from) {
        from.eachFileRecurse { File f ->
            if (f.isFile()) {
                def to = new File(basedir, from.toPath().relativize(f.toPath()).toString())
                to.parentFile.mkdirs()
                to.bytes = f.bytes
            }
        }
    }

    /** The commit id of a ref, abbreviated to 12 digits as the failure block shows it. */
    String shortCommit(String ref) {
        git('rev-parse', ref).substring(0, 12)
    }

    /**
     * The failure block of alembic:check and the rule against main for the base-ref-* ITs' parallel revision:
     * b7e3a1c95d20 on the branch and 8c41d0b7e925 on main, both on the published 5d7e2f90a1c3.
     *
     * @param main main's commit id, 12 digits
     */
    static String parallelRevisionBlock(String main) {
        def file = 'migrations/versions/b7e3a1c95d20_add_email_to_accounts.py'
        """\
Compared with main (${main}): 1 problem in the merge result:
  - [head-after-merge] ${file}:16: New revision 'b7e3a1c95d20' does not descend from '8c41d0b7e925', the head of main: after merging, the migration graph has 2 heads (8c41d0b7e925, b7e3a1c95d20) and 'alembic upgrade head' fails. It is new (only on this branch: ${file}) and has down_revision = '5d7e2f90a1c3', which is published (present at main). main has '8c41d0b7e925' (main:migrations/versions/8c41d0b7e925_create_orders_table.py) on top of '5d7e2f90a1c3'.
    Fix: re-parent the new, unpublished revision onto main's head: bring in main (git rebase main, or git merge main) and set down_revision = '8c41d0b7e925' in ${file} (safe while 'b7e3a1c95d20' exists on no shared branch or database); or merge main into this branch and run 'mvn alembic:converge', which writes a merge revision over 8c41d0b7e925, b7e3a1c95d20.
Why: each branch is green on its own, but the merge into main breaks 'alembic upgrade' for everyone.
"""
    }

    /** The file's text, which must be exactly the expected file's (both read as bytes, compared as UTF-8 text). */
    void assertSameFile(String path, String expectedPath) {
        def actual = new File(basedir, path)
        assert actual.isFile() : "${path} was not written"
        assert actual.getText('UTF-8') == new File(basedir, expectedPath).getText('UTF-8')
        assert actual.bytes == new File(basedir, expectedPath).bytes
    }

    /**
     * How alembic.sarif names a file of this project: its path relative to %SRCROOT%, the nearest directory at or above
     * the project with a .git entry (the ITs run inside the build's checkout), else the project directory.
     */
    String sarifUri(String path) {
        def root = basedir.canonicalFile
        while (root != null && !new File(root, '.git').exists()) {
            root = root.parentFile
        }
        root = root ?: basedir.canonicalFile
        root.toPath().relativize(new File(basedir.canonicalFile, path).toPath()).toString().replace('\\', '/')
    }
}

return new ItSupport(basedir, new File(itSupport).parentFile)
