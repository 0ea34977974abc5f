package io.github.alembicmaven.core.merge;

/**
 * A {@code script.py.mako} that cannot be rendered exactly as Alembic would: it uses a Mako construct outside those of
 * Alembic's stock templates, or rendering it for a merge fails (as it would in Alembic). The caller falls back to the
 * built-in template and warns with {@link #getMessage()}.
 */
public final class ScriptTemplateUnsupportedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String construct;
    private final String reason;

    /**
     * @param source the template's name (usually its path)
     * @param line 1-based line of the construct, 0 when not tied to a line
     * @param construct the offending template text (abbreviated)
     * @param reason why it is not supported
     */
    public ScriptTemplateUnsupportedException(String source, int line, String construct, String reason) {
        super(source + (line > 0 ? ":" + line : "") + ": " + reason
                + (construct == null || construct.isEmpty() ? "" : ": " + construct));
        this.source = source;
        this.line = line;
        this.construct = construct;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String construct() {
        return construct;
    }

    public String reason() {
        return reason;
    }
}
