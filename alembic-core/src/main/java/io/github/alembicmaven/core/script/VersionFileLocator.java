package io.github.alembicmaven.core.script;

import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.config.AlembicSettings;

/** Lists version files exactly as Alembic (&ge; 1.10) does. */
public final class VersionFileLocator {
    private VersionFileLocator() {}

    /** Lists the version files of {@code settings} in load order. */
    public static VersionFiles locate(AlembicSettings settings) throws AlembicConfigException {
        throw new UnsupportedOperationException("skeleton: implemented on branch 'config'");
    }
}
