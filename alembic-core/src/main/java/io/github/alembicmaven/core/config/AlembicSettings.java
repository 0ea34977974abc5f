package io.github.alembicmaven.core.config;

import io.github.alembicmaven.core.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective Alembic settings of one project, after reading {@code alembic.ini}/{@code pyproject.toml} and applying
 * explicit overrides. Paths are absolute.
 *
 * @param configFiles the config files that were read (0, 1 or 2: an ini and a pyproject.toml), in lookup order
 * @param scriptLocation the script directory, or {@code null} when only version locations were given
 * @param versionLocations the directories scanned, in config order (default {@code <script_location>/versions})
 * @param versionLocationsExplicit true when {@code version_locations} was set (missing entries are then skipped
 *     silently, as Alembic does); false for the default {@code versions} directory
 * @param recursiveVersionLocations {@code recursive_version_locations}
 * @param sourceless {@code sourceless}
 * @param fileTemplate {@code file_template} after interpolation (default {@code %(rev)s_%(slug)s})
 * @param truncateSlugLength {@code truncate_slug_length} (default 40)
 * @param timezone {@code timezone}, or {@code null}
 * @param outputEncoding {@code output_encoding} (default {@code utf-8})
 * @param warnings configuration warnings (deprecated keys and the like)
 * @param mainOptions what {@code Config.get_main_option(name)} returns: the options of the ini section (with
 *     {@code DEFAULT}), interpolated; an option whose interpolation fails is left out. Empty without an ini file.
 *     Only templates read it ({@code databases} of the multidb template).
 */
public record AlembicSettings(
        List<Path> configFiles,
        Path scriptLocation,
        List<Path> versionLocations,
        boolean versionLocationsExplicit,
        boolean recursiveVersionLocations,
        boolean sourceless,
        String fileTemplate,
        int truncateSlugLength,
        String timezone,
        String outputEncoding,
        List<Diagnostic> warnings,
        Map<String, String> mainOptions) {

    public AlembicSettings {
        configFiles = List.copyOf(configFiles);
        mainOptions = mainOptions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mainOptions));
        versionLocations = List.copyOf(versionLocations);
        warnings = List.copyOf(warnings);
    }
}
