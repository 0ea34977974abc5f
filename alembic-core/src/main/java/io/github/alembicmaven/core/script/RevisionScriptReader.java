package io.github.alembicmaven.core.script;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import io.github.alembicmaven.core.script.ModuleEvaluator.Binding;
import io.github.alembicmaven.core.script.PyValue.Seq;
import io.github.alembicmaven.core.script.PyValue.Str;
import io.github.alembicmaven.core.script.PyValue.Unknown;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Reads version files statically: the module-level {@code revision}, {@code down_revision}, {@code branch_labels},
 * {@code depends_on} and the docstring, exactly as Python would evaluate them, without running Python. Never throws
 * for bad input: every problem becomes a diagnostic naming file and line.
 *
 * <p>Pipeline per file: {@link SourceDecoder} (BOM, PEP 263 cookie, strict decoding) → {@link PyTokenizer} (one pass)
 * → {@link ModuleEvaluator} (module-level simple statements, last binding wins) → Alembic's {@code util.to_tuple}.
 *
 * <p>Semantics (Alembic {@code Script._from_path} and {@code Revision.__init__}, newest release where versions
 * differ):
 * <ul>
 *   <li>no {@code revision}: a file named {@code <hex>.py} (Python {@code re.match(r"([a-f0-9]+)\.py$")}) gets the hex
 *       stem as its id (line 0); otherwise {@link DiagnosticCode#MISSING_REVISION} and no script.
 *   <li>{@code revision} not a {@code str}: {@link DiagnosticCode#NON_STRING_REVISION}, no script.
 *   <li>{@code revision} containing {@code @ - + :} (Alembic ≥ 1.17.1; 1.8.1 allows {@code :}):
 *       {@link DiagnosticCode#ILLEGAL_REVISION_CHARS} with Alembic's text. The script is still returned so the graph
 *       and further checks remain useful; the error already fails the build.
 *   <li>no {@code down_revision}: {@link DiagnosticCode#MISSING_DOWN_REVISION_ATTRIBUTE} (Alembic: AttributeError),
 *       the script is returned as a base.
 *   <li>{@code down_revision = ""} is {@code [""]} (Alembic ≥ 1.12.1 looks up the revision {@code ''} and fails with
 *       {@code KeyError('')}; 1.8.1 treated it as a base). The graph reports the missing parent {@code ''}.
 *   <li>a {@code str} is never split on commas; a set keeps source order (Python's order depends on the hash seed).
 *   <li>values that need Python ({@code cli.EXPAND_BRANCH}, a call, a name bound inside {@code if}/{@code try}):
 *       {@link DiagnosticCode#UNRESOLVED_VALUE}, an error for {@code revision}/{@code down_revision}, a warning for
 *       {@code branch_labels}/{@code depends_on} (then treated as absent). The constants map supplies such values.
 * </ul>
 * A syntax error becomes {@link DiagnosticCode#SYNTAX_ERROR}; the attributes bound before it are still returned (the
 * graph stays useful) and no "missing attribute" diagnostics are added on top.
 *
 * <p>Known limits (Python would know more): runtime failures at import that do not touch the four attributes
 * ({@code del} of an unbound name, a failing unpacking, an unimportable module) are not reported; names bound by
 * {@code from x import *}, {@code globals()[...]}, {@code exec} or by calling functions are not seen; a walrus target
 * ({@code (x := ...)}) is always unresolved; syntax inside function bodies is only tokenized, not parsed.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RevisionScriptReader {

    private static final Pattern LEGACY_REV = Pattern.compile("([a-f0-9]+)\\.py\\n?");
    private static final String ILLEGAL_CHARS = "@-+:";

    private final Map<String, String> constants;

    /** @param constants values for names that cannot be resolved statically, e.g. {@code cli.EXPAND_BRANCH} */
    public RevisionScriptReader(Map<String, String> constants) {
        this.constants = constants == null ? Map.of() : Map.copyOf(constants);
    }

    /** Reads one file from disk. */
    public ScriptReadResult read(Path file) {
        Path path = file.toAbsolutePath();
        byte[] content;
        try {
            content = readBytes(path);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                    + e.getMessage();
            return new ScriptReadResult(path, null, List.of(Diagnostic.error(DiagnosticCode.UNREADABLE_FILE, path, 0,
                    "Cannot read the version file (" + why + ")",
                    "check that the file exists and is readable by the build user")));
        }
        return read(path, content);
    }

    /**
     * {@code Files.readAllBytes} through the thinner {@link RandomAccessFile} path (fewer layers to run before the JIT
     * has compiled them; no channel or temporary direct buffer). On any problem the file is read again with
     * {@code Files.readAllBytes}, so failures are reported exactly as before.
     */
    static byte[] readBytes(Path path) throws IOException {
        byte[] content = null;
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            long length = file.length();
            if (length < Integer.MAX_VALUE - 16) {
                byte[] b = new byte[(int) length];
                file.readFully(b);
                if (file.read() < 0) { // not grown meanwhile
                    content = b;
                }
            }
        } catch (IOException | RuntimeException e) {
            content = null;
        }
        return content != null ? content : Files.readAllBytes(path);
    }

    /** Reads one file whose bytes are already in memory. */
    public ScriptReadResult read(Path file, byte[] content) {
        return readAt(file.toAbsolutePath(), content);
    }

    /**
     * Reads content that is not a file of the working tree (a blob of a git commit), reporting it under
     * {@code displayPath} exactly as given: not resolved against the working directory, so a relative path such as
     * {@code origin/main:alembic/versions/1a2b_x.py} stays what messages and reports show. The last name element is
     * the file name (it decides a legacy {@code <hex>.py} id).
     *
     * @param displayPath where the content comes from, as shown to the user
     * @param content the file's bytes
     */
    public ScriptReadResult readAt(Path displayPath, byte[] content) {
        Path path = displayPath;
        List<Diagnostic> diagnostics = new ArrayList<>(2);
        SourceDecoder.Decoded decoded = SourceDecoder.decode(content);
        if (decoded.text() == null) {
            diagnostics.add(Diagnostic.error(DiagnosticCode.UNDECODABLE_FILE, path, decoded.errorLine(),
                    decoded.error() + "; Python cannot import the file", decoded.fix()));
            return new ScriptReadResult(path, null, diagnostics);
        }
        PyTokens tokens = PyTokenizer.forModule(decoded.text());
        ModuleEvaluator module = ModuleEvaluator.evaluate(tokens, constants);
        boolean syntaxError = syntaxError(path, tokens, module, diagnostics);
        RevisionScript script = convert(path, module, syntaxError, diagnostics);
        diagnostics.sort(Comparator.comparingInt(Diagnostic::line));
        return new ScriptReadResult(path, script, diagnostics);
    }

    /** Reads many files in parallel; the results are in the order of {@code files}. */
    public List<ScriptReadResult> readAll(List<Path> files) {
        ScriptReadResult[] results = new ScriptReadResult[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> results[i] = read(files.get(i)));
        return List.of(results);
    }

    private static boolean syntaxError(Path path, PyTokens tokens, ModuleEvaluator module, List<Diagnostic> out) {
        int line;
        String message;
        if (tokens.error != null && (module.error() == null || tokens.errorLine <= module.errorLine())) {
            line = tokens.errorLine;
            message = tokens.error;
        } else if (module.error() != null) {
            line = module.errorLine();
            message = module.error();
        } else {
            return false;
        }
        out.add(Diagnostic.error(DiagnosticCode.SYNTAX_ERROR, path, line,
                "SyntaxError: " + message + "; Python cannot import this version file",
                "fix the Python syntax at line " + line + " (check with: python -m py_compile " + path.getFileName()
                        + ")"));
        return true;
    }

    private RevisionScript convert(Path path, ModuleEvaluator module, boolean syntaxError, List<Diagnostic> out) {
        String fileName = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        Binding rev = module.binding("revision");
        String revision;
        int revisionLine;
        if (rev == null) {
            if (LEGACY_REV.matcher(fileName).matches()) {
                revision = fileName.substring(0, fileName.indexOf('.'));
                revisionLine = 0;
            } else {
                if (!syntaxError) {
                    out.add(Diagnostic.error(DiagnosticCode.MISSING_REVISION, path, 0,
                            "Could not determine revision id from filename " + fileName
                                    + ". Be sure the 'revision' variable is declared inside the script.",
                            "add a module-level line revision = \"<id>\" (or name the file <hex id>.py)"));
                }
                return null;
            }
        } else {
            revisionLine = rev.line();
            PyValue v = rev.value();
            if (v instanceof Unknown u) {
                addUnresolved(out, path, "revision", rev, u, true);
                return null;
            }
            if (!(v instanceof Str s)) {
                out.add(nonString(path, "revision", rev, v));
                return null;
            }
            revision = s.value();
            String illegal = illegalChars(revision);
            if (illegal != null) {
                out.add(Diagnostic.error(DiagnosticCode.ILLEGAL_REVISION_CHARS, path, revisionLine,
                        "Character(s) '" + illegal + "' not allowed in revision identifier '" + revision + "'",
                        "use only letters, digits and underscores in the revision id (and update references to it)"));
            }
        }

        Binding down = module.binding("down_revision");
        List<String> downRevisions = List.of();
        int downLine = 0;
        if (down == null) {
            if (!syntaxError) {
                String moduleName = fileName.replaceAll("(?U)\\W", "_");
                out.add(Diagnostic.error(DiagnosticCode.MISSING_DOWN_REVISION_ATTRIBUTE, path, 0,
                        "Revision " + revision + " has no module-level down_revision (Alembic: AttributeError: module '"
                                + moduleName + "' has no attribute 'down_revision')",
                        "add down_revision = None for a base, or the parent revision id"));
            }
        } else {
            downLine = down.line();
            List<String> v = toTuple(path, "down_revision", down, true, out);
            if (v != null) {
                downRevisions = v;
            }
        }
        Declared labels = optional(path, module, "branch_labels", out);
        Declared deps = optional(path, module, "depends_on", out);
        return new RevisionScript(path, revision, revisionLine, downRevisions, downLine, labels.values(),
                labels.line(), deps.values(), deps.line(), module.docstring());
    }

    /** An optional attribute after {@code to_tuple}: absent (or unusable) is empty with line 0. */
    private record Declared(List<String> values, int line) {}

    private static Declared optional(Path path, ModuleEvaluator module, String attr, List<Diagnostic> out) {
        Binding b = module.binding(attr);
        List<String> values = b == null ? null : toTuple(path, attr, b, false, out);
        return values == null ? new Declared(List.of(), 0) : new Declared(values, b.line());
    }

    /** Alembic's offending characters, sorted and joined by ", ", or {@code null}. */
    static String illegalChars(String revision) {
        TreeSet<Character> found = null;
        for (int i = 0; i < revision.length(); i++) {
            char c = revision.charAt(i);
            if (ILLEGAL_CHARS.indexOf(c) >= 0) {
                if (found == null) {
                    found = new TreeSet<>();
                }
                found.add(c);
            }
        }
        if (found == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (char c : found) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * {@code util.to_tuple(value, default=())} with every element required to be a {@code str}. Returns {@code null}
     * (after adding a diagnostic) when the value is unusable.
     */
    private static List<String> toTuple(Path path, String attr, Binding b, boolean required, List<Diagnostic> out) {
        PyValue v = b.value();
        if (v instanceof PyValue.None) {
            return List.of();
        }
        if (v instanceof Str s) {
            return List.of(s.value());
        }
        if (v instanceof Unknown u) {
            addUnresolved(out, path, attr, b, u, required);
            return null;
        }
        if (v instanceof PyValue.Other o && o.typeName().equals("dict")) {
            return List.of(); // tuple({}) == ()
        }
        if (!(v instanceof Seq seq)) {
            out.add(nonString(path, attr, b, v));
            return null;
        }
        List<String> ids = new ArrayList<>(seq.items().size());
        for (PyValue item : seq.items()) {
            if (item instanceof Str s) {
                ids.add(s.value());
            } else if (item instanceof Unknown u) {
                addUnresolved(out, path, attr, b, u, required);
                return null;
            } else {
                out.add(nonString(path, attr, b, item));
                return null;
            }
        }
        return ids;
    }

    private static Diagnostic nonString(Path path, String attr, Binding b, PyValue offending) {
        String article = "aeiou".indexOf(offending.typeName().charAt(0)) >= 0 ? "an " : "a ";
        String subject = b.text().equals(offending.repr()) ? attr + " = " + b.text()
                : attr + " = " + b.text() + " contains " + offending.repr() + ", which";
        return Diagnostic.error(DiagnosticCode.NON_STRING_REVISION, path, b.line(),
                subject + " is " + article + offending.typeName() + ", not a str (Alembic: revision identifier "
                        + offending.repr() + " is not a string)",
                "write revision ids as string literals, e.g. " + attr + " = '" + "0123456789ab'");
    }

    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][\\w.]*");

    private static void addUnresolved(List<Diagnostic> out, Path path, String attr, Binding b, Unknown u,
            boolean error) {
        if (!u.reason().startsWith(ModuleEvaluator.REJECTED)) { // else the SYNTAX_ERROR already says it
            out.add(unresolved(path, attr, b, u, error));
        }
    }

    private static Diagnostic unresolved(Path path, String attr, Binding b, Unknown u, boolean error) {
        String detail = u.text().equals(b.text()) ? u.reason() : u.text() + ": " + u.reason();
        String message = attr + " = " + b.text() + " cannot be evaluated without running Python (" + detail + ")";
        String name = DOTTED.matcher(u.text()).matches() ? u.text() : "NAME";
        String fix = "supply it with -Dalembic.constants=" + name + "=value or write the literal";
        if (error) {
            return Diagnostic.error(DiagnosticCode.UNRESOLVED_VALUE, path, b.line(), message, fix);
        }
        return Diagnostic.warning(DiagnosticCode.UNRESOLVED_VALUE, path, b.line(),
                message + "; " + attr + " is treated as absent", fix);
    }
}
