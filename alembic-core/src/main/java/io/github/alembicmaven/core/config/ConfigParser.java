package io.github.alembicmaven.core.config;

import io.github.alembicmaven.core.AlembicConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A re-implementation of Python's {@code configparser.ConfigParser} with its defaults (as Alembic builds it:
 * {@code ConfigParser(defaults={"here": ...})}, {@code strict=True}, {@code BasicInterpolation}, delimiters {@code =}
 * and {@code :}, comment prefixes {@code #} and {@code ;} on their own line only, no inline comments, empty lines
 * allowed inside values). Follows CPython 3.11 {@code RawConfigParser._read}; every error Python raises is an
 * {@link AlembicConfigException} naming the file and line. Values are interpolated lazily, on {@link #get}, as in
 * Python: a bad {@code %} in an option nobody reads is not an error.
 *
 * <p>The file is decoded as strict UTF-8 (Alembic &ge; 1.16 reads it with {@code encoding="locale"}, UTF-8 on usual
 * systems). A UTF-8 byte order mark is not stripped, exactly as Python does, so such a file has no section header.
 */
final class ConfigParser {
    /** {@code configparser.MAX_INTERPOLATION_DEPTH}. */
    static final int MAX_INTERPOLATION_DEPTH = 10;

    static final String DEFAULT_SECTION = "DEFAULT";

    /** One option: its raw (un-interpolated) value and the 1-based line of its {@code key = value} line. */
    record Option(String rawValue, int line) {}

    private final Path file;
    private final Map<String, Option> defaults = new LinkedHashMap<>();
    private final Map<String, Map<String, Option>> sections = new LinkedHashMap<>();
    private final Map<String, Integer> sectionLines = new LinkedHashMap<>();

    private ConfigParser(Path file, Map<String, String> constructorDefaults) {
        this.file = file;
        constructorDefaults.forEach((k, v) -> defaults.put(optionxform(k), new Option(v, 0)));
    }

    /**
     * Reads {@code file} like {@code ConfigParser(defaults).read(file)}.
     *
     * @param defaults constructor defaults, e.g. {@code here}
     */
    static ConfigParser read(Path file, Map<String, String> defaults) throws AlembicConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AlembicConfigException("Cannot read Alembic config file " + file + ": " + e, e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AlembicConfigException(file + ": not valid UTF-8 (" + e.getMessage()
                    + "). Alembic reads the config file with the locale encoding (UTF-8); save it as UTF-8.", e);
        }
        return parse(file, text, defaults);
    }

    /** Parses {@code text} as the content of {@code file}. */
    static ConfigParser parse(Path file, String text, Map<String, String> defaults) throws AlembicConfigException {
        ConfigParser parser = new ConfigParser(file, defaults);
        parser.doParse(text);
        return parser;
    }

    /** Python's universal-newline line iteration: lines end at {@code \n}, {@code \r\n} or {@code \r}. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i) + "\n");
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private void doParse(String text) throws AlembicConfigException {
        Set<String> elementsAdded = new HashSet<>();
        Map<String, List<String>> pending = new LinkedHashMap<>(); // "section\0option" -> value lines
        Map<String, Option> cursect = null;
        String sectname = null;
        String optname = null;
        int indentLevel = 0;
        List<String> parsingErrors = new ArrayList<>();
        List<String> lines = lines(text);
        for (int idx = 0; idx < lines.size(); idx++) {
            int lineno = idx + 1;
            String line = lines.get(idx);
            String stripped = PythonText.strip(line);
            boolean comment = stripped.startsWith("#") || stripped.startsWith(";");
            String value = comment ? "" : stripped;
            if (value.isEmpty()) {
                // empty_lines_in_values=True: an empty (non-comment) line belongs to the current value
                if (!comment && cursect != null && optname != null) {
                    pending.get(key(sectname, optname)).add("");
                }
                continue;
            }
            int curIndent = PythonText.firstNonSpace(line);
            if (cursect != null && optname != null && curIndent > indentLevel) {
                pending.get(key(sectname, optname)).add(value);
                continue;
            }
            indentLevel = curIndent;
            int close = value.lastIndexOf(']');
            if (value.startsWith("[") && close >= 2) {
                // SECTCRE = r"\[(?P<header>.+)\]" with re.match: greedy, anything may follow the last ']'
                sectname = value.substring(1, close);
                if (sections.containsKey(sectname)) {
                    throw new AlembicConfigException(file + ":" + lineno + ": section [" + sectname
                            + "] appears twice (first at line " + sectionLines.get(sectname)
                            + "); Python's ConfigParser rejects this (DuplicateSectionError: While reading from "
                            + PythonText.repr(file.toString()) + " [line " + pad(lineno) + "]: section "
                            + PythonText.repr(sectname) + " already exists). Merge the two sections.");
                } else if (sectname.equals(DEFAULT_SECTION)) {
                    cursect = defaults;
                } else {
                    cursect = new LinkedHashMap<>();
                    sections.put(sectname, cursect);
                    sectionLines.put(sectname, lineno);
                }
                optname = null;
            } else if (cursect == null) {
                throw new AlembicConfigException(file + ":" + lineno + ": the file has no section header before "
                        + PythonText.repr(line) + "; Python's ConfigParser raises MissingSectionHeaderError"
                        + (lineno == 1 && line.startsWith("\uFEFF")
                                ? " (the file starts with a UTF-8 byte order mark, which Python does not skip; save"
                                        + " it without BOM)"
                                : "")
                        + ". Put the options under a section such as [alembic].");
            } else {
                int delim = firstDelimiter(value);
                if (delim < 0) {
                    // Python records the error, keeps the current option and raises at the end of the file
                    parsingErrors.add("[line " + pad(lineno) + "]: " + PythonText.repr(line));
                    continue;
                }
                String name = optionxform(PythonText.rstrip(value.substring(0, delim)));
                if (name.isEmpty()) {
                    parsingErrors.add("[line " + pad(lineno) + "]: " + PythonText.repr(line));
                }
                String k = key(sectname, name);
                if (!elementsAdded.add(k)) {
                    int first = cursect.get(name).line();
                    throw new AlembicConfigException(file + ":" + lineno + ": option '" + name + "' appears twice in ["
                            + sectname + "] (first at line " + first + "); Python's ConfigParser rejects this"
                            + " (DuplicateOptionError: While reading from " + PythonText.repr(file.toString())
                            + " [line " + pad(lineno) + "]: option " + PythonText.repr(name) + " in section "
                            + PythonText.repr(sectname) + " already exists). Remove one of them.");
                }
                optname = name;
                List<String> valueLines = new ArrayList<>();
                valueLines.add(PythonText.strip(value.substring(delim + 1)));
                pending.put(k, valueLines);
                cursect.put(name, new Option(null, lineno));
            }
        }
        // _join_multiline_values
        joinValues(DEFAULT_SECTION, defaults, pending);
        for (Map.Entry<String, Map<String, Option>> s : sections.entrySet()) {
            joinValues(s.getKey(), s.getValue(), pending);
        }
        if (!parsingErrors.isEmpty()) {
            throw new AlembicConfigException(file + ": lines without '=' or ':' (Python's ConfigParser raises"
                    + " ParsingError: Source contains parsing errors: " + PythonText.repr(file.toString()) + " "
                    + String.join(" ", parsingErrors) + "). Write every option as 'key = value'; continuation"
                    + " lines must be indented.");
        }
    }

    private static void joinValues(String section, Map<String, Option> options, Map<String, List<String>> pending) {
        options.replaceAll((name, opt) -> {
            List<String> lines = pending.get(key(section, name));
            return lines == null || opt.rawValue() != null
                    ? opt
                    : new Option(PythonText.rstrip(String.join("\n", lines)), opt.line());
        });
    }

    private static int firstDelimiter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    private static String key(String section, String option) {
        return section + '\0' + option;
    }

    /** Python's {@code "{0:2d}".format(lineno)}. */
    private static String pad(int lineno) {
        return lineno < 10 ? " " + lineno : Integer.toString(lineno);
    }

    /** {@code ConfigParser.optionxform}: {@code str.lower()}. */
    static String optionxform(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The file read. */
    Path file() {
        return file;
    }

    /** {@code has_section(name)} (case-sensitive; never true for {@code DEFAULT}). */
    boolean hasSection(String section) {
        return sections.containsKey(section);
    }

    /** Section names in file order (without {@code DEFAULT}). */
    List<String> sections() {
        return List.copyOf(sections.keySet());
    }

    /** {@code has_option(section, name)}: the section's options or the defaults. */
    boolean hasOption(String section, String name) {
        return option(section, name).isPresent();
    }

    /** {@code options(section)}: the section's option names, then the defaults' (file order, no duplicates). */
    List<String> optionNames(String section) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        Map<String, Option> s = sections.get(section);
        if (s != null) {
            names.addAll(s.keySet());
        }
        names.addAll(defaults.keySet());
        return List.copyOf(names);
    }

    /** The raw option (section first, then {@code DEFAULT}), if present. */
    Optional<Option> option(String section, String name) {
        String n = optionxform(name);
        Map<String, Option> s = sections.get(section);
        if (s != null && s.containsKey(n)) {
            return Optional.of(s.get(n));
        }
        if (s == null && !DEFAULT_SECTION.equals(section)) {
            return Optional.empty();
        }
        return Optional.ofNullable(defaults.get(n));
    }

    /**
     * {@code get(section, name)} with {@code BasicInterpolation}.
     *
     * @return the interpolated value, or empty when the option is absent
     * @throws AlembicConfigException for Python's {@code Interpolation*Error}s, with file and line
     */
    Optional<String> get(String section, String name) throws AlembicConfigException {
        Optional<Option> opt = option(section, name);
        if (opt.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder accum = new StringBuilder();
        interpolateSome(section, optionxform(name), opt.get(), accum, opt.get().rawValue(), 1);
        return Optional.of(accum.toString());
    }

    /** {@code BasicInterpolation._interpolate_some}. */
    private void interpolateSome(String section, String option, Option opt, StringBuilder accum, String rest,
            int depth) throws AlembicConfigException {
        if (depth > MAX_INTERPOLATION_DEPTH) {
            throw interpolationError(section, option, opt, "InterpolationDepthError",
                    "Recursion limit exceeded in value substitution: option " + PythonText.repr(option)
                            + " in section " + PythonText.repr(section) + " contains an interpolation key which"
                            + " cannot be substituted in " + MAX_INTERPOLATION_DEPTH + " steps. Raw value: "
                            + PythonText.repr(opt.rawValue()),
                    "Break the chain of %(...)s references.");
        }
        while (!rest.isEmpty()) {
            int p = rest.indexOf('%');
            if (p < 0) {
                accum.append(rest);
                return;
            }
            accum.append(rest, 0, p);
            rest = rest.substring(p);
            char c = rest.length() > 1 ? rest.charAt(1) : '\0';
            if (rest.length() > 1 && c == '%') {
                accum.append('%');
                rest = rest.substring(2);
            } else if (rest.length() > 1 && c == '(') {
                int close = rest.indexOf(')');
                if (close < 3 || close + 1 >= rest.length() || rest.charAt(close + 1) != 's') {
                    throw interpolationError(section, option, opt, "InterpolationSyntaxError",
                            "bad interpolation variable reference " + PythonText.repr(rest),
                            "References look like %(name)s; write a literal '%' as '%%'.");
                }
                String var = optionxform(rest.substring(2, close));
                rest = rest.substring(close + 2);
                Optional<Option> ref = option(section, var);
                if (ref.isEmpty()) {
                    throw interpolationError(section, option, opt, "InterpolationMissingOptionError",
                            "Bad value substitution: option " + PythonText.repr(option) + " in section "
                                    + PythonText.repr(section) + " contains an interpolation key "
                                    + PythonText.repr(var) + " which is not a valid option name. Raw value: "
                                    + PythonText.repr(opt.rawValue()),
                            "Define '" + var + "' in [" + section + "] or [DEFAULT], or write a literal '%' as"
                                    + " '%%'.");
                }
                String v = ref.get().rawValue();
                if (v.indexOf('%') >= 0) {
                    interpolateSome(section, option, opt, accum, v, depth + 1);
                } else {
                    accum.append(v);
                }
            } else {
                throw interpolationError(section, option, opt, "InterpolationSyntaxError",
                        "'%' must be followed by '%' or '(', found: " + PythonText.repr(rest),
                        "Write a literal '%' as '%%'.");
            }
        }
    }

    private AlembicConfigException interpolationError(String section, String option, Option opt, String pyClass,
            String pyMessage, String fix) {
        return new AlembicConfigException(location(opt) + ": invalid value of '" + option + "' in [" + section
                + "]: Python's ConfigParser raises " + pyClass + ": " + pyMessage + ". " + fix);
    }

    /** {@code file:line} of an option (just the file for constructor defaults). */
    String location(Option opt) {
        return opt.line() > 0 ? file + ":" + opt.line() : file.toString();
    }
}
