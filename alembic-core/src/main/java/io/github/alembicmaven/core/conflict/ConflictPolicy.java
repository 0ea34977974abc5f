package io.github.alembicmaven.core.conflict;

import io.github.alembicmaven.core.AlembicConfigException;
import java.util.Locale;

/**
 * What {@code alembic:check} and the enforcer rule do with schema conflicts between the current heads
 * ({@code alembic.conflicts}).
 */
public enum ConflictPolicy {
    /** Conflict errors fail the check; warnings are logged. */
    FAIL,
    /** Conflict errors and warnings are logged as warnings; the check does not fail on them (default). */
    WARN,
    /** The upgrade bodies are not analysed. */
    IGNORE;

    /**
     * Parses {@code fail}, {@code warn} or {@code ignore} (any case); blank or {@code null} is {@link #WARN}.
     *
     * @throws AlembicConfigException for any other value
     */
    public static ConflictPolicy parse(String value) throws AlembicConfigException {
        if (value == null || value.isBlank()) {
            return WARN;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AlembicConfigException("Invalid alembic.conflicts '" + value + "': expected 'fail' (schema"
                    + " conflicts between the heads fail the check), 'warn' (they are logged, the default) or"
                    + " 'ignore'.");
        }
    }
}
