package io.github.alembicmaven.core;

/**
 * Misconfiguration: the migration tree cannot be located or the configuration is invalid (a missing
 * {@code script_location}, an unknown path separator, a bad interpolation, an explicitly configured location without
 * any revision file). Adapters map it to {@code MojoExecutionException} / {@code EnforcerRuleError}. The message is
 * complete and user-facing (it names the file and line where it can).
 */
public class AlembicConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public AlembicConfigException(String message) {
        super(message);
    }

    public AlembicConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
