package io.github.alembicmaven.plugin;

import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.GoalParameters;
import io.github.alembicmaven.core.GoalRun;
import io.github.alembicmaven.core.report.JsonReport;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Parameters shared by every {@code alembic:*} goal, and the one execution path: build the request, make one core call
 * ({@link GoalRun}), then turn its outcome into log lines and exceptions. Every parameter can also be set with a user
 * property ({@code -Dalembic.<name>=...}) or a POM {@code <properties>} entry of the same name.
 *
 * @since 0.1.0
 */
public abstract class AbstractAlembicMojo extends AbstractMojo {

    /**
     * The Alembic configuration file: an {@code alembic.ini} (or any {@code *.ini}) or a {@code pyproject.toml} with a
     * {@code [tool.alembic]} table. Relative paths are resolved against the project directory. When not set, the goal
     * looks for {@code alembic.ini} and then {@code pyproject.toml} in the project directory; a module with neither
     * (and no {@code scriptLocation}/{@code versionLocations}) has no migrations and is skipped with one info line.
     * Setting it explicitly makes a missing or empty tree an error.
     *
     * <p>Example: {@code -Dalembic.config=db/alembic.ini}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.config")
    protected File config;

    /**
     * The ini section holding the Alembic settings, like {@code alembic --name}. Ignored for {@code pyproject.toml}.
     *
     * <p>Example: {@code -Dalembic.name=tenant_db}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.name", defaultValue = "alembic")
    protected String name;

    /**
     * Overrides {@code script_location} of the configuration: the Alembic script directory, relative to the project
     * directory. Its {@code versions} sub-directory is scanned unless {@code versionLocations} is set. Setting it
     * explicitly makes a tree without revision files an error.
     *
     * <p>Example: {@code -Dalembic.scriptLocation=migrations}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.scriptLocation")
    protected String scriptLocation;

    /**
     * Overrides {@code version_locations} of the configuration: comma-separated directories holding revision files,
     * relative to the project directory. Setting it explicitly makes a tree without revision files an error.
     *
     * The property also works as a POM {@code <properties>} entry, so each module can name its own locations.
     *
     * <p>Example: {@code -Dalembic.versionLocations=migrations/versions,plugins/audit/versions}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.versionLocations")
    protected String versionLocations;

    /**
     * Values for names that revision files import and that cannot be resolved without running Python, as
     * comma-separated {@code NAME=value} pairs; names may be dotted.
     *
     * <p>Example: {@code -Dalembic.constants=cli.EXPAND_BRANCH=expand,cli.CONTRACT_BRANCH=contract}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.constants")
    protected String constants;

    /**
     * Skips the goal; it then logs one info line and does nothing else.
     *
     * <p>Example: {@code -Dalembic.skip=true}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Directory for the machine-readable report {@code alembic-report.json}, written on every run that finds a
     * configuration (also when the check fails or the configuration is invalid); {@code alembic:check} also writes the
     * CI reports {@code alembic-junit.xml} (JUnit XML) and {@code alembic.sarif} (SARIF 2.1.0) there. A run without a
     * POM ({@code alembic:heads} in a plain Python project) writes no report unless this is set.
     *
     * <p>Example: {@code -Dalembic.reportDirectory=target/reports/alembic}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "alembic.reportDirectory", defaultValue = "${project.build.directory}/alembic")
    protected File reportDirectory;

    /** The project directory; relative paths are resolved against it. Null when Maven runs without a POM. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    protected File basedir;

    /** The directory Maven was started in: the project directory of a run without a POM ({@code alembic:heads}). */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    protected File executionRootDirectory;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping alembic:" + goal() + " (alembic.skip=true)");
            return;
        }
        Path reportFile = reportFile();
        try {
            runGoal(reportFile);
        } catch (AlembicConfigException e) {
            GoalRun.warningLines(e, reportFile).forEach(getLog()::warn);
            // Maven prints the message once: its exception handler does not repeat a cause message already contained.
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The goal name, as in {@code alembic:<goal>}; also written into the report. */
    protected abstract String goal();

    /**
     * Runs the goal: one core call, then log lines and exceptions.
     *
     * @param reportFile where {@code alembic-report.json} goes, or {@code null} for none
     * @throws AlembicConfigException on misconfiguration (logged and rethrown as {@link MojoExecutionException})
     */
    protected abstract void runGoal(Path reportFile)
            throws AlembicConfigException, MojoExecutionException, MojoFailureException;

    /**
     * The common parameters plus the head policy's, in their string form.
     *
     * @param maxHeads {@code alembic.maxHeads}, or {@code null}
     * @param independentBranches {@code alembic.independentBranches}, or {@code null}
     * @param conflicts {@code alembic.conflicts}, or {@code null}
     * @param baseRef {@code alembic.baseRef}, or {@code null}
     */
    protected GoalParameters parameters(
            String maxHeads, String independentBranches, String conflicts, String baseRef) {
        return new GoalParameters(config == null ? null : config.getPath(), name, scriptLocation, versionLocations,
                constants, maxHeads, independentBranches, conflicts, baseRef);
    }

    /** The project directory as an absolute path. */
    protected Path basedir() {
        File dir = basedir != null ? basedir : executionRootDirectory != null ? executionRootDirectory : new File("");
        return dir.toPath().toAbsolutePath();
    }

    /**
     * The report file, or null for none: without a POM the default directory stays an unresolved
     * {@code ${project.basedir}/target} expression, and a goal run in a plain Python project should not create one.
     */
    private Path reportFile() {
        if (reportDirectory == null || reportDirectory.getPath().contains("${")) {
            return null;
        }
        return reportDirectory.toPath().resolve(JsonReport.FILE_NAME);
    }
}
