package io.github.alembicmaven.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the string forms of adapter parameters (user properties such as {@code -Dalembic.constants=...}), so that
 * the Maven plugin and the enforcer rule accept exactly the same syntax.
 */
public final class Parameters {
    private Parameters() {}

    /**
     * Splits a comma-separated list ({@code a, b ,c}); blank entries are dropped, entries are stripped.
     *
     * @param csv the value, may be {@code null}
     */
    public static List<String> splitList(String csv) {
        List<String> out = new ArrayList<>();
        if (csv == null) {
            return out;
        }
        for (String part : csv.split(",")) {
            String p = part.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Parses {@code name=value[,name=value...]}, e.g. {@code cli.EXPAND_BRANCH=expand,cli.CONTRACT_BRANCH=contract}.
     * Names are Python names or dotted names; values are taken literally (stripped).
     *
     * @param parameter the parameter name for messages (e.g. {@code alembic.constants})
     * @param spec the value, may be {@code null}
     * @throws AlembicConfigException when an entry has no {@code =} or an empty name
     */
    public static Map<String, String> parseConstants(String parameter, String spec) throws AlembicConfigException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : splitList(spec)) {
            int eq = entry.indexOf('=');
            String name = eq < 0 ? "" : entry.substring(0, eq).strip();
            if (eq < 0 || name.isEmpty() || !name.matches("[\\p{L}_][\\p{L}\\p{N}_]*(\\.[\\p{L}_][\\p{L}\\p{N}_]*)*")) {
                throw new AlembicConfigException("Invalid " + parameter + " entry '" + entry
                        + "': expected NAME=VALUE with a Python (dotted) name, e.g. " + parameter
                        + "=cli.EXPAND_BRANCH=expand");
            }
            out.put(name, entry.substring(eq + 1).strip());
        }
        return out;
    }
}
