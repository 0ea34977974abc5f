package io.github.alembicmaven.core;

import io.github.alembicmaven.core.check.HeadPolicy;
import io.github.alembicmaven.core.conflict.ConflictPolicy;
import java.nio.file.Path;
import java.util.LinkedHashSet;

/**
 * The parameters every adapter accepts, in their string form (as Maven user properties, POM properties or rule
 * elements give them), so the plugin and the enforcer rule parse and validate them identically. {@code null} means
 * "not given".
 *
 * @param config {@code alembic.config}: config file, relative to the basedir
 * @param name {@code alembic.name}: ini section
 * @param scriptLocation {@code alembic.scriptLocation}
 * @param versionLocations {@code alembic.versionLocations}: comma-separated directories
 * @param constants {@code alembic.constants}: {@code NAME=value,...}
 * @param maxHeads {@code alembic.maxHeads}: whole number &ge; 1 (default 1)
 * @param independentBranches {@code alembic.independentBranches}: comma-separated branch labels
 * @param conflicts {@code alembic.conflicts}: {@code fail}, {@code warn} (default) or {@code ignore}
 * @param baseRef {@code alembic.baseRef}: a git ref ({@code origin/main}, {@code main}, a tag or commit id) to check
 *     the merge result against
 */
public record GoalParameters(
        String config,
        String name,
        String scriptLocation,
        String versionLocations,
        String constants,
        String maxHeads,
        String independentBranches,
        String conflicts,
        String baseRef) {

    /** The analysis request for a project in {@code basedir}. */
    public AnalysisRequest request(Path basedir) throws AlembicConfigException {
        return AnalysisRequest.builder(basedir)
                .configFile(config == null || config.isBlank() ? null : basedir.resolve(config.strip()))
                .iniSection(name)
                .scriptLocation(scriptLocation)
                .versionLocations(Parameters.splitList(versionLocations))
                .constants(Parameters.parseConstants("alembic.constants", constants))
                .build();
    }

    /** The head policy ({@code maxHeads}, {@code independentBranches}). */
    public HeadPolicy headPolicy() throws AlembicConfigException {
        int max;
        try {
            max = maxHeads == null || maxHeads.isBlank() ? 1 : Integer.parseInt(maxHeads.strip());
        } catch (NumberFormatException e) {
            max = 0;
        }
        if (max < 1) {
            throw new AlembicConfigException(
                    "Invalid alembic.maxHeads '" + maxHeads + "': expected a whole number >= 1 (default 1).");
        }
        return new HeadPolicy(max, new LinkedHashSet<>(Parameters.splitList(independentBranches)));
    }

    /** The conflict policy ({@code conflicts}). */
    public ConflictPolicy conflictPolicy() throws AlembicConfigException {
        return ConflictPolicy.parse(conflicts);
    }

    /** The base ref, stripped, or {@code null} when not given. */
    public String baseRefOrNull() {
        return baseRef == null || baseRef.isBlank() ? null : baseRef.strip();
    }
}
