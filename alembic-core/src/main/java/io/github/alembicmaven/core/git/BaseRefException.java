package io.github.alembicmaven.core.git;

import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.diagnostic.DiagnosticCode;

/**
 * The base ref of {@code alembic.baseRef} cannot be read: the project is not in a git repository, the ref does not
 * resolve, or its commit is not in the local object database (a shallow clone). The message names the ref and says how
 * to fetch it. Adapters treat it like any {@link AlembicConfigException}; reports record {@link #code()}.
 */
public final class BaseRefException extends AlembicConfigException {
    private static final long serialVersionUID = 1L;

    private final String ref;

    BaseRefException(String ref, String message, Throwable cause) {
        super(message, cause);
        this.ref = ref;
    }

    /** The ref as given ({@code origin/main}). */
    public String ref() {
        return ref;
    }

    /** Always {@link DiagnosticCode#BASE_REF_MISSING}. */
    public DiagnosticCode code() {
        return DiagnosticCode.BASE_REF_MISSING;
    }
}
