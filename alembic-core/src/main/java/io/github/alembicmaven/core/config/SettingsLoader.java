package io.github.alembicmaven.core.config;

import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.AnalysisRequest;
import io.github.alembicmaven.core.diagnostic.Diagnostic;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves {@link AlembicSettings} from {@code alembic.ini}, {@code pyproject.toml} and explicit overrides, with the
 * semantics of Alembic's {@code Config} and {@code ScriptDirectory.from_config} (newest Alembic, &ge; 1.16).
 *
 * <p>Lookup: without {@link AnalysisRequest#configFile()} both {@code alembic.ini} and {@code pyproject.toml} of the
 * project directory are read; every option is taken from the ini section first and then from {@code [tool.alembic]}
 * ({@code version_locations}: a non-empty ini value wins). A given config file replaces the file of its kind (a file
 * named {@code pyproject.toml} is the TOML file, anything else the ini file); the other kind still comes from the
 * project directory, as Alembic's command line does. Relative paths are resolved against the project directory
 * (Alembic: the working directory); {@code %(here)s} is the directory of the file that holds the value.
 *
 * <p>Differences from Alembic, on purpose: a package resource {@code pkg.sub:dir} is resolved without Python, by looking
 * for {@code pkg/sub} under the project directory, {@code src}, {@code src/main/python}, {@code python} and
 * {@code lib}; a Windows drive path {@code C:\...} is a path on every OS; a TOML {@code version_locations} string is an
 * error (Alembic would iterate its characters); an ini file that exists but lacks an explicitly requested section is an
 * error (Alembic's {@code env.py} fails on it with {@code No config file ... found, or file has no '[x]' section}).
 */
public final class SettingsLoader {
    /** Alembic's {@code _default_file_template}. */
    public static final String DEFAULT_FILE_TEMPLATE = "%(rev)s_%(slug)s";

    private static final int DEFAULT_TRUNCATE_SLUG_LENGTH = 40;
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:[\\\\/]");
    /** {@code re.split(r", *|(?: +)", s)}: Alembic's legacy {@code version_locations} splitting. */
    private static final Pattern LEGACY_SPLIT = Pattern.compile(", *|(?: +)");
    private static final List<String> RESOURCE_ROOTS = List.of("", "src", "src/main/python", "python", "lib");

    private SettingsLoader() {}

    /**
     * @return the settings, or empty when nothing is configured at all (no config file with an Alembic section and no
     *     explicit location): the project has no migrations and is skipped
     * @throws AlembicConfigException on invalid or inconsistent configuration
     */
    public static Optional<AlembicSettings> load(AnalysisRequest request) throws AlembicConfigException {
        Path basedir = request.basedir().toAbsolutePath().normalize();
        String section = request.iniSection() != null ? request.iniSection() : "alembic";
        Path iniPath = basedir.resolve("alembic.ini");
        Path tomlPath = basedir.resolve("pyproject.toml");
        boolean iniExplicit = false;
        boolean tomlExplicit = false;
        if (request.configFile() != null) {
            Path cf = basedir.resolve(request.configFile()).normalize();
            if (!Files.isRegularFile(cf)) {
                throw new AlembicConfigException("Alembic config file " + cf + " does not exist (configured config"
                        + " file '" + request.configFile() + "', relative to " + basedir + "). Fix the path or remove"
                        + " the setting to use alembic.ini / pyproject.toml of the project directory.");
            }
            if (cf.getFileName().toString().equals("pyproject.toml")) {
                tomlPath = cf;
                tomlExplicit = true;
            } else {
                iniPath = cf;
                iniExplicit = true;
            }
        }
        ConfigParser ini = Files.isRegularFile(iniPath)
                ? ConfigParser.read(iniPath, Map.of("here", posix(iniPath.getParent())))
                : null;
        boolean iniConfigured = ini != null && ini.hasSection(section);
        if (ini != null && !iniConfigured && (iniExplicit || request.iniSection() != null)) {
            throw new AlembicConfigException("No config file " + PythonText.repr(iniPath.toString())
                    + " found, or file has no '[" + section + "]' section (sections found: "
                    + (ini.sections().isEmpty() ? "none" : ini.sections().stream().map(s -> "[" + s + "]")
                            .collect(Collectors.joining(", ")))
                    + "; section names are case-sensitive). Add the [" + section + "] section or configure the"
                    + " section name that holds script_location.");
        }
        TomlConfig toml = Files.isRegularFile(tomlPath) ? TomlConfig.read(tomlPath, tomlExplicit) : null;
        boolean tomlConfigured = toml != null && toml.hasAlembicTable();
        if (tomlExplicit && !tomlConfigured) {
            throw new AlembicConfigException(tomlPath + " has no [tool.alembic] table. Add it (with script_location)"
                    + " or point the config file setting at the alembic.ini.");
        }
        boolean explicitLocations = request.scriptLocation() != null || !request.versionLocations().isEmpty();
        if (!iniConfigured && !tomlConfigured && !explicitLocations) {
            return Optional.empty();
        }
        Options options = new Options(iniConfigured ? ini : null, section, tomlConfigured ? toml : null);
        return Optional.of(resolve(request, basedir, options));
    }

    /** Mirrors {@code ScriptDirectory.from_config}, in its evaluation order. */
    private static AlembicSettings resolve(AnalysisRequest request, Path basedir, Options options)
            throws AlembicConfigException {
        List<Diagnostic> warnings = new ArrayList<>();
        Value scriptLocation = request.scriptLocation() != null
                ? new Value(request.scriptLocation(), null, 0, "the configured script location")
                : options.string("script_location");
        if (scriptLocation == null && request.versionLocations().isEmpty()) {
            throw new AlembicConfigException("No 'script_location' key found in configuration. Set script_location"
                    + " in " + options.describe() + " (or configure the script location explicitly).");
        }
        Integer tsl = options.integer("truncate_slug_length");
        boolean recursive = options.bool("recursive_version_locations");
        Path scriptDir = scriptLocation == null ? null : location(scriptLocation, basedir, "script_location");
        Value fileTemplate = options.string("file_template");
        boolean sourceless = options.bool("sourceless");
        Value outputEncoding = options.string("output_encoding");

        List<Path> versionLocations = new ArrayList<>();
        boolean versionLocationsExplicit = true;
        if (!request.versionLocations().isEmpty()) {
            for (String entry : request.versionLocations()) {
                versionLocations.add(location(new Value(entry, null, 0, "the configured version locations"), basedir,
                        "version location"));
            }
        } else {
            List<Value> entries = versionLocationsList(options, warnings);
            if (entries == null) {
                versionLocationsExplicit = false;
                versionLocations.add(scriptDir.resolve("versions"));
            } else {
                for (Value entry : entries) {
                    versionLocations.add(location(entry, basedir, "version_locations entry"));
                }
            }
        }
        Value timezone = options.string("timezone");

        if (scriptDir != null && !Files.exists(scriptDir)) {
            throw new AlembicConfigException(scriptLocation.where() + ": Path doesn't exist: " + scriptDir
                    + ".  Please use the 'init' command to create a new scripts folder. (script_location = "
                    + PythonText.repr(scriptLocation.value()) + "; relative paths are resolved against " + basedir
                    + ", use %(here)s for the config file's directory.)");
        }
        return new AlembicSettings(
                options.files(),
                scriptDir,
                versionLocations,
                versionLocationsExplicit,
                recursive,
                sourceless,
                fileTemplate == null ? DEFAULT_FILE_TEMPLATE : fileTemplate.value(),
                tsl == null || tsl == 0 ? DEFAULT_TRUNCATE_SLUG_LENGTH : tsl,
                timezone == null ? null : timezone.value(),
                outputEncoding == null ? "utf-8" : outputEncoding.value(),
                warnings,
                options.mainOptions());
    }

    /**
     * {@code Config.get_version_locations_list}: the ini value split by {@code path_separator} /
     * {@code version_path_separator} (or the legacy split), else the TOML list, else {@code null} (unset).
     */
    private static List<Value> versionLocationsList(Options options, List<Diagnostic> warnings)
            throws AlembicConfigException {
        Value ini = options.iniString("version_locations");
        if (ini == null || ini.value().isEmpty()) {
            return options.tomlList("version_locations");
        }
        Value separator = null;
        for (String name : List.of("path_separator", "version_path_separator")) {
            separator = options.iniString(name);
            if (separator != null) {
                separator = new Value(separator.value(), separator.file(), separator.line(), name);
                break;
            }
        }
        List<String> parts = new ArrayList<>();
        if (separator == null) {
            warnings.add(Diagnostic.warning(DiagnosticCode.CONFIG_WARNING, ini.file(), ini.line(),
                    "No path_separator found in configuration; falling back to legacy splitting on spaces/commas for"
                            + " version_locations.  Consider adding path_separator=os to Alembic config.",
                    "add 'path_separator = os' to [" + options.section + "] and separate version_locations with "
                            + File.pathSeparator));
            parts.addAll(List.of(LEGACY_SPLIT.split(ini.value(), -1)));
        } else {
            String sep = switch (separator.value()) {
                case "space" -> " ";
                case "newline" -> "\n";
                case "os" -> File.pathSeparator;
                case ":" -> ":";
                case ";" -> ";";
                default -> throw invalidSeparator(separator);
            };
            if (separator.where().equals("version_path_separator")) {
                warnings.add(Diagnostic.warning(DiagnosticCode.CONFIG_WARNING, separator.file(), separator.line(),
                        "The version_path_separator configuration parameter is deprecated; please use"
                                + " path_separator",
                        "rename version_path_separator to path_separator"));
            }
            for (String x : PythonText.split(ini.value(), sep)) {
                if (!x.isEmpty()) {
                    parts.add(PythonText.strip(x));
                }
            }
        }
        List<Value> entries = new ArrayList<>();
        for (String part : parts) {
            if (part.isEmpty()) {
                warnings.add(Diagnostic.warning(DiagnosticCode.CONFIG_WARNING, ini.file(), ini.line(),
                        "version_locations " + PythonText.repr(ini.value()) + " yields an empty entry, which Alembic"
                                + " resolves to the working directory (scanned as a version location)",
                        "remove the doubled or trailing separator"));
            } else if (part.indexOf('\n') >= 0) {
                warnings.add(Diagnostic.warning(DiagnosticCode.CONFIG_WARNING, ini.file(), ini.line(),
                        "version_locations entry " + PythonText.repr(part) + " spans several lines; with "
                                + (separator == null ? "the legacy splitting" : "this path_separator")
                                + " Alembic treats it as one path, which does not exist",
                        "add 'path_separator = newline' to [" + options.section + "]"));
            }
            entries.add(new Value(part, ini.file(), ini.line(), ini.where()));
        }
        return entries;
    }

    private static AlembicConfigException invalidSeparator(Value separator) {
        String v = separator.value();
        StringBuilder msg = new StringBuilder()
                .append(separator.file()).append(':').append(separator.line()).append(": ")
                .append('\'').append(v).append("' is not a valid value for ").append(separator.where())
                .append("; expected 'space', 'newline', 'os', ':', ';'");
        if (v.indexOf('#') >= 0 || (v.indexOf(';') >= 0 && v.length() > 1)) {
            msg.append(". Python's ConfigParser has no inline comments, so the comment is part of the value: move")
                    .append(" it to its own line, e.g. '").append(separator.where()).append(" = os' with the '# ...'")
                    .append(" comment on the line above");
        } else {
            msg.append(". Use one of those values");
        }
        if (separator.where().equals("version_path_separator")) {
            msg.append(" (and rename the key to path_separator, Alembic >= 1.16)");
        }
        return new AlembicConfigException(msg.append('.').toString());
    }

    /**
     * {@code util.coerce_resource_to_filename} + {@code Path.absolute()}: an absolute path, a package resource
     * {@code pkg.sub:dir} (non-absolute, containing {@code :}), or a path relative to the project directory.
     */
    static Path location(Value value, Path basedir, String what) throws AlembicConfigException {
        String v = value.value();
        try {
            if (!WINDOWS_DRIVE.matcher(v).lookingAt() && !v.startsWith("/") && v.indexOf(':') >= 0) {
                return resource(value, basedir, what);
            }
            Path p = Paths.get(v);
            return (p.isAbsolute() ? p : basedir.resolve(p)).normalize();
        } catch (InvalidPathException e) {
            throw new AlembicConfigException(value.where() + ": " + what + " " + PythonText.repr(v)
                    + " is not a valid path on this system (" + e.getReason() + ").", e);
        }
    }

    private static Path resource(Value value, Path basedir, String what) throws AlembicConfigException {
        List<String> tokens = PythonText.split(value.value(), ":");
        String pkg = tokens.get(0);
        List<Path> tried = new ArrayList<>();
        if (!pkg.isEmpty()) {
            for (String root : RESOURCE_ROOTS) {
                Path pkgDir = basedir.resolve(root).resolve(pkg.replace('.', '/')).normalize();
                tried.add(pkgDir);
                if (Files.isDirectory(pkgDir)) {
                    Path p = pkgDir;
                    for (String tok : tokens.subList(1, tokens.size())) {
                        p = p.resolve(tok);
                    }
                    return p.normalize();
                }
            }
        }
        throw new AlembicConfigException(value.where() + ": " + what + " " + PythonText.repr(value.value())
                + " is a package resource (a relative path containing ':'), which Alembic resolves by importing"
                + " package " + PythonText.repr(pkg) + "; it cannot be resolved statically: no package directory at "
                + tried.stream().map(Path::toString).collect(Collectors.joining(", "))
                + ". Use a plain path instead, e.g. %(here)s/" + pkg.replace('.', '/')
                + (tokens.size() > 1 ? "/" + String.join("/", tokens.subList(1, tokens.size())) : "") + ".");
    }

    /** {@code Path.as_posix()}. */
    static String posix(Path p) {
        return p.toString().replace('\\', '/');
    }

    /**
     * A config value with where it came from.
     *
     * @param where {@code file:line}, a TOML key description, or (for separators) the key name
     */
    record Value(String value, Path file, int line, String where) {}

    /** {@code Config.get_alembic_option} and friends over the ini section and {@code [tool.alembic]}. */
    private static final class Options {
        private final ConfigParser ini;
        private final String section;
        private final TomlConfig toml;

        Options(ConfigParser ini, String section, TomlConfig toml) {
            this.ini = ini;
            this.section = section;
            this.toml = toml;
        }

        List<Path> files() {
            List<Path> files = new ArrayList<>();
            if (ini != null) {
                files.add(ini.file());
            }
            if (toml != null) {
                files.add(toml.file());
            }
            return files;
        }

        /** {@code get_main_option} for every option of the ini section; values that fail to interpolate are left out. */
        Map<String, String> mainOptions() {
            Map<String, String> out = new LinkedHashMap<>();
            if (ini == null) {
                return out;
            }
            for (String name : ini.optionNames(section)) {
                try {
                    ini.get(section, name).ifPresent(v -> out.put(name, v));
                } catch (AlembicConfigException e) {
                    // Alembic fails only if a template reads this option; the template renderer reports that.
                }
            }
            return out;
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (ini != null) {
                parts.add("[" + section + "] of " + ini.file());
            }
            if (toml != null) {
                parts.add("[tool.alembic] of " + toml.file());
            }
            return String.join(" or ", parts);
        }

        Value iniString(String key) throws AlembicConfigException {
            if (ini == null) {
                return null;
            }
            Optional<ConfigParser.Option> opt = ini.option(section, key);
            if (opt.isEmpty()) {
                return null;
            }
            return new Value(ini.get(section, key).orElseThrow(), ini.file(), opt.get().line(),
                    ini.location(opt.get()));
        }

        private String tomlWhere(String key) {
            return toml.file() + " [tool.alembic] " + key;
        }

        Value string(String key) throws AlembicConfigException {
            Value v = iniString(key);
            if (v != null || toml == null) {
                return v;
            }
            Optional<String> s = toml.string(key);
            return s.map(x -> new Value(x, toml.file(), 0, tomlWhere(key))).orElse(null);
        }

        List<Value> tomlList(String key) throws AlembicConfigException {
            if (toml == null) {
                return null;
            }
            Optional<List<String>> list = toml.stringList(key);
            if (list.isEmpty()) {
                return null;
            }
            List<Value> values = new ArrayList<>();
            for (String s : list.get()) {
                values.add(new Value(s, toml.file(), 0, tomlWhere(key)));
            }
            return values;
        }

        /** {@code get_alembic_boolean_option}: ini value {@code == "true"}, else a TOML bool. */
        boolean bool(String key) throws AlembicConfigException {
            Value v = iniString(key);
            if (v != null) {
                return v.value().equals("true");
            }
            return toml != null && toml.bool(key);
        }

        Integer integer(String key) throws AlembicConfigException {
            Value v = iniString(key);
            if (v != null) {
                try {
                    return PythonText.parseInt(v.value());
                } catch (NumberFormatException e) {
                    throw new AlembicConfigException(v.where() + ": " + key + ": ValueError: " + e.getMessage()
                            + ". Use an integer, e.g. " + key + " = 40.", e);
                }
            }
            return toml == null ? null : toml.integer(key).orElse(null);
        }
    }
}
