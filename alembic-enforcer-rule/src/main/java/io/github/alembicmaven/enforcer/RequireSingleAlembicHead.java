package io.github.alembicmaven.enforcer;

import io.github.alembicmaven.core.AlembicConfigException;
import io.github.alembicmaven.core.GoalParameters;
import io.github.alembicmaven.core.GoalRun;
import io.github.alembicmaven.core.report.JsonReport;
import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.enforcer.rule.api.AbstractEnforcerRule;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * Maven Enforcer rule {@code <requireSingleAlembicHead/>}: fails when the module's Alembic revision graph has more heads
 * than allowed or an integrity error, exactly like {@code alembic:check}. Declared once in a parent POM it checks every
 * module: each parameter left unset falls back to the {@code alembic.<parameter>} property (user properties such as
 * {@code -Dalembic.maxHeads=2} first, then the module's {@code <properties>}), and a module without an Alembic
 * configuration (a parent {@code pom} module, a Java module) passes with one info line.
 *
 * <p>A violated head policy is an {@link EnforcerRuleException} (honours {@code <level>WARN</level>}); a
 * misconfiguration is an {@link EnforcerRuleError}, which fails the build at any level.
 *
 * @since 0.1.0
 */
@Named("requireSingleAlembicHead")
public class RequireSingleAlembicHead extends AbstractEnforcerRule {

    static final String GOAL = "requireSingleAlembicHead";

    /** Alembic configuration file; property {@code alembic.config}; default {@code alembic.ini}, then {@code pyproject.toml}. */
    private File config;

    /** Ini section; property {@code alembic.name}; default {@code alembic}. */
    private String name;

    /** Overrides {@code script_location}; property {@code alembic.scriptLocation}. */
    private String scriptLocation;

    /** Overrides {@code version_locations}, comma-separated; property {@code alembic.versionLocations}. */
    private String versionLocations;

    /** {@code NAME=value,...} for names that cannot be resolved statically; property {@code alembic.constants}. */
    private String constants;

    /** Heads allowed outside the independent branches; property {@code alembic.maxHeads}; default 1. */
    private Integer maxHeads;

    /** Comma-separated branch labels with a head of their own; property {@code alembic.independentBranches}. */
    private String independentBranches;

    /**
     * Schema conflicts between the heads: {@code fail}, {@code warn} (logged) or {@code ignore}; property
     * {@code alembic.conflicts}; default {@code warn}.
     */
    private String conflicts;

    /**
     * A git ref to check the merge result against ({@code origin/main}); property {@code alembic.baseRef}; default
     * none.
     */
    private String baseRef;

    /** Skips the rule; property {@code alembic.skip}; default false. */
    private Boolean skip;

    /**
     * Where {@code alembic-report.json} and the CI reports {@code alembic-junit.xml} and {@code alembic.sarif} go;
     * property {@code alembic.reportDirectory}; default {@code ${project.build.directory}/alembic}.
     */
    private File reportDirectory;

    private final MavenProject project;
    private final MavenSession session;

    @Inject
    public RequireSingleAlembicHead(MavenProject project, MavenSession session) {
        this.project = Objects.requireNonNull(project, "project");
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public void execute() throws EnforcerRuleException {
        Effective cfg = effective();
        if (Boolean.parseBoolean(cfg.skip())) {
            getLog().info("Skipping " + GOAL + " (alembic.skip=true)");
            return;
        }
        Path basedir = project.getBasedir().toPath().toAbsolutePath();
        GoalRun run;
        Path reportFile = cfg.reportFile(basedir);
        try {
            run = GoalRun.check(GOAL, cfg.parameters(), basedir, reportFile);
        } catch (AlembicConfigException e) {
            GoalRun.warningLines(e, reportFile).forEach(line -> getLog().warn(line));
            throw new EnforcerRuleError(e.getMessage(), e);
        }
        run.warningLines().forEach(line -> getLog().warn(line));
        if (!run.configured()) {
            getLog().info(run.summary());
            return;
        }
        if (run.failed()) {
            throw new EnforcerRuleException(run.failureMessage());
        }
        getLog().info(run.summary());
    }

    public void setConfig(File config) {
        this.config = config;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setScriptLocation(String scriptLocation) {
        this.scriptLocation = scriptLocation;
    }

    public void setVersionLocations(String versionLocations) {
        this.versionLocations = versionLocations;
    }

    public void setConstants(String constants) {
        this.constants = constants;
    }

    public void setBaseRef(String baseRef) {
        this.baseRef = baseRef;
    }

    public void setConflicts(String conflicts) {
        this.conflicts = conflicts;
    }

    public void setMaxHeads(Integer maxHeads) {
        this.maxHeads = maxHeads;
    }

    public void setIndependentBranches(String independentBranches) {
        this.independentBranches = independentBranches;
    }

    public void setSkip(Boolean skip) {
        this.skip = skip;
    }

    public void setReportDirectory(File reportDirectory) {
        this.reportDirectory = reportDirectory;
    }

    /** Never cached: every module has its own tree (and the rule is cheap). */
    @Override
    public String getCacheId() {
        return null;
    }

    @Override
    public String toString() {
        Effective cfg = effective();
        return String.format(
                "RequireSingleAlembicHead[config=%s, name=%s, scriptLocation=%s, versionLocations=%s, constants=%s,"
                        + " maxHeads=%s, independentBranches=%s, conflicts=%s, baseRef=%s, skip=%s, reportDirectory=%s, level=%s]",
                cfg.parameters().config(), cfg.parameters().name(), cfg.parameters().scriptLocation(),
                cfg.parameters().versionLocations(), cfg.parameters().constants(), cfg.parameters().maxHeads(),
                cfg.parameters().independentBranches(), cfg.parameters().conflicts(), cfg.parameters().baseRef(), cfg.skip(), cfg.reportDirectory(), getLevel());
    }

    /** The configuration after the property fallback, as strings (parsed, and validated, only in {@link #execute}). */
    private Effective effective() {
        String buildDir = project.getBuild() == null ? null : project.getBuild().getDirectory();
        return new Effective(
                new GoalParameters(
                        config != null ? config.getPath() : property("config"),
                        name != null ? name : property("name"),
                        scriptLocation != null ? scriptLocation : property("scriptLocation"),
                        versionLocations != null ? versionLocations : property("versionLocations"),
                        constants != null ? constants : property("constants"),
                        maxHeads != null ? maxHeads.toString() : property("maxHeads"),
                        independentBranches != null ? independentBranches : property("independentBranches"),
                        conflicts != null ? conflicts : property("conflicts"),
                        baseRef != null ? baseRef : property("baseRef")),
                skip != null ? skip.toString() : property("skip"),
                reportDirectory != null ? reportDirectory.getPath()
                        : property("reportDirectory") != null ? property("reportDirectory")
                        : buildDir != null ? buildDir + File.separator + "alembic" : null);
    }

    /** {@code alembic.<parameter>} from the session's user properties, else from the project's properties. */
    private String property(String parameter) {
        String key = "alembic." + parameter;
        String value = lookup(session.getUserProperties(), key);
        return value != null ? value : lookup(project.getProperties(), key);
    }

    private static String lookup(Properties properties, String key) {
        return properties == null ? null : properties.getProperty(key);
    }

    private record Effective(GoalParameters parameters, String skip, String reportDirectory) {

        /** The report file; a relative directory is resolved against {@code basedir}; none when no directory is known. */
        Path reportFile(Path basedir) {
            return reportDirectory == null ? null : basedir.resolve(reportDirectory).resolve(JsonReport.FILE_NAME);
        }
    }
}
