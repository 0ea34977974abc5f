package io.github.alembicmaven.core;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real Alembic, the judge of the differential tests: Debian's {@code python3-alembic} for {@code /usr/bin/python3}
 * (override with {@code -Dalembic.differential.python=...}). Tests that need it call {@link #require(String)}: when it
 * is missing they FAIL under {@code CI=true} and are skipped (with the reason) elsewhere — never a silent pass.
 */
public final class RealAlembic {
    /** System property naming the interpreter that has Alembic. */
    public static final String PYTHON_PROPERTY = "alembic.differential.python";

    private RealAlembic() {}

    /** The interpreter to use. */
    public static String python() {
        return System.getProperty(PYTHON_PROPERTY, "/usr/bin/python3");
    }

    /** {@code null} when {@code python} can import alembic and sqlalchemy, else why not. */
    public static String unavailableReason(String python) {
        try {
            Probe probe = probe(python, "import alembic, sqlalchemy; print(alembic.__version__)");
            return probe.exit == 0 ? null : python + " cannot import alembic: " + probe.output;
        } catch (IOException e) {
            return python + " cannot be run: " + e.getMessage();
        }
    }

    /** The installed Alembic version, for summaries. */
    public static String version(String python) {
        try {
            return probe(python, "import alembic; print(alembic.__version__)").output;
        } catch (IOException e) {
            return "?";
        }
    }

    /** The full message for a missing Alembic. */
    public static String missingMessage(String what, String reason) {
        return what + " needs real Alembic: " + reason
                + ". Install Debian's package (apt-get install python3-alembic) for /usr/bin/python3, or set -D"
                + PYTHON_PROPERTY + "=<python with alembic>.";
    }

    /** True when running on CI ({@code CI=true}), where tests needing Alembic must not be skipped. */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Returns the interpreter when it has Alembic; otherwise fails the test under {@code CI=true} and aborts (skips)
     * it elsewhere.
     *
     * @param what the test, for the message
     */
    public static String require(String what) {
        String python = python();
        String reason = unavailableReason(python);
        if (reason != null) {
            String msg = missingMessage(what, reason);
            if (onCi()) {
                fail(msg + " CI=true: this test is not skipped on CI.");
            }
            Assumptions.abort(msg);
        }
        return python;
    }

    private record Probe(int exit, String output) {}

    private static Probe probe(String python, String code) throws IOException {
        Process p = new ProcessBuilder(python, "-c", code).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(python + " -c '" + code + "' did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while running " + python, e);
        }
        return new Probe(p.exitValue(), out);
    }
}
