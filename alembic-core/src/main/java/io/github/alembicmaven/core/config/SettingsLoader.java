package io.github.alembicmaven.core.config;

import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.AnalysisRequest;
import java.util.Optional;

/** Resolves {@link AlembicSettings} from alembic.ini, pyproject.toml and explicit overrides. */
public final class SettingsLoader {
    private SettingsLoader() {}

    /**
     * @return the settings, or empty when nothing is configured at all (no config file found, no explicit location):
     *     the project has no migrations and is skipped
     * @throws AlembicConfigException on invalid or inconsistent configuration
     */
    public static Optional<AlembicSettings> load(AnalysisRequest request) throws AlembicConfigException {
        throw new UnsupportedOperationException("skeleton: implemented on branch 'config'");
    }
}
