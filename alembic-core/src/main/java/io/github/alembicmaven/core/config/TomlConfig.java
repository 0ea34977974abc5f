package io.github.alembicmaven.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.github.alembicmaven.core.AlembicConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code [tool.alembic]} table of a {@code pyproject.toml} (Alembic &ge; 1.16, {@code Config.toml_alembic_config}
 * and {@code _get_toml_config_value}): every string is formatted with Python's {@code value % toml_args}, where
 * {@code toml_args = {"here": <abs dir of the toml file, posix>}}.
 */
final class TomlConfig {
    private final Path file;
    private final JsonNode table; // null when there is no [tool.alembic]
    private final Map<String, String> args;

    private TomlConfig(Path file, JsonNode table) {
        this.file = file;
        this.table = table;
        this.args = Map.of("here", SettingsLoader.posix(file.toAbsolutePath().getParent()));
    }

    /**
     * Reads {@code file}. A file that does not mention {@code alembic} at all is not parsed (it cannot hold the table)
     * unless {@code mustParse}.
     */
    static TomlConfig read(Path file, boolean mustParse) throws AlembicConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new AlembicConfigException("Cannot read " + file + " as UTF-8 TOML: " + e, e);
        }
        if (!mustParse && !text.contains("alembic")) {
            return new TomlConfig(file, null);
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(text);
        } catch (JacksonException e) {
            throw new AlembicConfigException(file + ": invalid TOML (" + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : "")
                    + "); Alembic (tomllib) cannot read it either.", e);
        }
        JsonNode tool = root == null ? null : root.get("tool");
        JsonNode alembic = tool != null && tool.isObject() ? tool.get("alembic") : null;
        if (alembic != null && !alembic.isObject()) {
            throw new AlembicConfigException(file + ": Incorrect TOML format ([tool.alembic] must be a table, not "
                    + alembic.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ").");
        }
        return new TomlConfig(file, alembic);
    }

    Path file() {
        return file;
    }

    /** True when the file has a {@code [tool.alembic]} table. */
    boolean hasAlembicTable() {
        return table != null;
    }

    private Optional<JsonNode> raw(String key) {
        return table == null ? Optional.empty() : Optional.ofNullable(table.get(key)).filter(n -> !n.isNull());
    }

    /** A string option, {@code %}-formatted. */
    Optional<String> string(String key) throws AlembicConfigException {
        Optional<JsonNode> node = raw(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!node.get().isTextual()) {
            throw typeError(key, "a string");
        }
        return Optional.of(format(key, node.get().asText()));
    }

    /** A list-of-strings option (each {@code %}-formatted). */
    Optional<List<String>> stringList(String key) throws AlembicConfigException {
        Optional<JsonNode> node = raw(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!node.get().isArray()) {
            throw typeError(key, "a list of strings, e.g. " + key + " = [\"%(here)s/migrations/versions\"]");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node.get()) {
            if (!item.isTextual()) {
                throw typeError(key, "a list of strings");
            }
            values.add(format(key, item.asText()));
        }
        return Optional.of(values);
    }

    /** {@code get_alembic_boolean_option} on the TOML side: absent = false, else a real TOML boolean. */
    boolean bool(String key) throws AlembicConfigException {
        Optional<JsonNode> node = raw(key);
        if (node.isEmpty()) {
            return false;
        }
        if (!node.get().isBoolean()) {
            throw new AlembicConfigException(file + ": boolean value expected for TOML parameter '" + key
                    + "' in [tool.alembic]. Write " + key + " = true (no quotes).");
        }
        return node.get().booleanValue();
    }

    /**
     * {@code truncate_slug_length}-style option: a TOML integer (booleans count as 0/1, as in Python) or a string
     * parsed with Python's {@code int()}.
     */
    Optional<Integer> integer(String key) throws AlembicConfigException {
        Optional<JsonNode> node = raw(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = node.get();
        if (n.isBoolean()) {
            return Optional.of(n.booleanValue() ? 1 : 0);
        }
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return Optional.of(n.intValue());
        }
        if (n.isTextual()) {
            String s = format(key, n.asText());
            try {
                return Optional.of(PythonText.parseInt(s));
            } catch (NumberFormatException e) {
                throw new AlembicConfigException(file + ": [tool.alembic] " + key + ": ValueError: " + e.getMessage()
                        + ". Use an integer, e.g. " + key + " = 40.", e);
            }
        }
        throw typeError(key, "an integer");
    }

    private AlembicConfigException typeError(String key, String expected) {
        return new AlembicConfigException(file + ": [tool.alembic] " + key + " must be " + expected
                + " (Alembic: unsupported TOML value type for key: '" + key + "').");
    }

    /** Python's {@code value % toml_args} for the forms that make sense in a config value. */
    String format(String key, String value) throws AlembicConfigException {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= value.length()) {
                throw formatError(key, value, "ValueError: incomplete format");
            }
            char next = value.charAt(i + 1);
            if (next == '%') {
                out.append('%');
                i += 2;
            } else if (next == '(') {
                int close = value.indexOf(')', i + 2);
                if (close < 0) {
                    throw formatError(key, value, "ValueError: incomplete format key");
                }
                String name = value.substring(i + 2, close);
                if (close + 1 >= value.length() || value.charAt(close + 1) != 's') {
                    throw formatError(key, value, "only %(name)s and %% are supported here");
                }
                String replacement = args.get(name);
                if (replacement == null) {
                    throw formatError(key, value, "KeyError: " + PythonText.repr(name) + " (only %(here)s is known)");
                }
                out.append(replacement);
                i = close + 2;
            } else {
                throw formatError(key, value, "a '%' that is neither %% nor %(name)s");
            }
        }
        return out.toString();
    }

    private AlembicConfigException formatError(String key, String value, String problem) {
        return new AlembicConfigException(file + ": [tool.alembic] " + key + " = " + PythonText.repr(value)
                + ": Alembic formats TOML strings with Python's '%' operator and fails: " + problem
                + ". Write a literal '%' as '%%'.");
    }
}
