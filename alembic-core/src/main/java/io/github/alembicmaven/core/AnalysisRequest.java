package io.github.alembicmaven.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to analyse. Every field except {@code basedir} is optional; explicit values override {@code alembic.ini} and
 * {@code pyproject.toml}.
 *
 * @param basedir the project directory: relative paths are resolved against it (Alembic resolves them against the
 *     process working directory, which is the project directory when Alembic is run there)
 * @param configFile the config file ({@code alembic.ini}, any {@code *.ini}, or a {@code pyproject.toml}); {@code null}
 *     = look for {@code alembic.ini} and then {@code pyproject.toml} in {@code basedir}
 * @param iniSection ini section holding the settings; {@code null} = {@code alembic}
 * @param scriptLocation overrides {@code script_location}; {@code null} = from the config
 * @param versionLocations overrides {@code version_locations} (each entry one directory); empty = from the config
 * @param constants values for names that cannot be resolved statically, e.g. {@code cli.EXPAND_BRANCH -> expand}
 */
public record AnalysisRequest(
        Path basedir,
        Path configFile,
        String iniSection,
        String scriptLocation,
        List<String> versionLocations,
        Map<String, String> constants) {

    public AnalysisRequest {
        Objects.requireNonNull(basedir, "basedir");
        versionLocations = List.copyOf(versionLocations == null ? List.of() : versionLocations);
        constants = Map.copyOf(constants == null ? Map.of() : constants);
    }

    /**
     * True when the user pointed at a tree explicitly (a config file, a script location or version locations). Then
     * finding no revision file is an error, never a pass.
     */
    public boolean explicitlyConfigured() {
        return configFile != null || scriptLocation != null || !versionLocations.isEmpty();
    }

    public static Builder builder(Path basedir) {
        return new Builder(basedir);
    }

    /** Fluent builder; blank strings count as "not given". */
    public static final class Builder {
        private final Path basedir;
        private Path configFile;
        private String iniSection;
        private String scriptLocation;
        private final List<String> versionLocations = new ArrayList<>();
        private final Map<String, String> constants = new LinkedHashMap<>();

        private Builder(Path basedir) {
            this.basedir = basedir;
        }

        public Builder configFile(Path configFile) {
            this.configFile = configFile;
            return this;
        }

        public Builder iniSection(String iniSection) {
            this.iniSection = blankToNull(iniSection);
            return this;
        }

        public Builder scriptLocation(String scriptLocation) {
            this.scriptLocation = blankToNull(scriptLocation);
            return this;
        }

        public Builder versionLocations(List<String> locations) {
            if (locations != null) {
                for (String l : locations) {
                    if (l != null && !l.isBlank()) {
                        versionLocations.add(l.strip());
                    }
                }
            }
            return this;
        }

        public Builder constants(Map<String, String> values) {
            if (values != null) {
                constants.putAll(values);
            }
            return this;
        }

        public AnalysisRequest build() {
            return new AnalysisRequest(basedir, configFile, iniSection, scriptLocation, versionLocations, constants);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
