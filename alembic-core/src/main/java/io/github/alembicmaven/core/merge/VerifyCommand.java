package io.github.alembicmaven.core.merge;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * {@code alembic.verifyCommand}: a shell command run in the project directory after the merge files are written (for
 * example {@code python3 -m alembic -x url=sqlite:///target/verify.db upgrade heads}), whose non-zero exit undoes the
 * run. It runs through {@code sh -c} ({@code cmd /c} on Windows) so quoting and {@code &&} work as in a terminal;
 * standard error is merged into the captured output.
 *
 * @param command the command line
 * @param timeout how long to wait before the process is destroyed and the run counts as failed
 */
public record VerifyCommand(String command, Duration timeout) {

    /** The default timeout: ten minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public VerifyCommand {
        Objects.requireNonNull(command, "command");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /**
     * What the command did.
     *
     * @param exitCode the exit code ({@code -1} when it timed out)
     * @param output standard output and standard error, interleaved
     * @param timedOut whether the timeout was hit
     */
    public record Result(int exitCode, String output, boolean timedOut) {
        /** Whether the command succeeded (exit code 0, in time). */
        public boolean passed() {
            return exitCode == 0 && !timedOut;
        }
    }

    /**
     * Runs the command and waits for it.
     *
     * @param workingDirectory the directory to run it in
     * @throws IOException when the shell cannot be started
     */
    public Result run(Path workingDirectory) throws IOException {
        Path out = Files.createTempFile("alembic-maven-verify", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(shell(command))
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            Process process = pb.start();
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            }
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String text = decode(Files.readAllBytes(out));
            return new Result(finished ? process.exitValue() : -1, text, !finished);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** UTF-8 when the bytes are valid UTF-8 (Python's output under any locale since PEP 538/540), else the JVM's. */
    static String decode(byte[] bytes) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, Charset.defaultCharset());
        }
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static List<String> shell(String command) {
        List<String> cmd = new ArrayList<>();
        if (windows()) {
            cmd.add("cmd.exe");
            cmd.add("/c");
        } else {
            cmd.add("/bin/sh");
            cmd.add("-c");
        }
        cmd.add(command);
        return cmd;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(windows() ? "NUL" : "/dev/null");
    }
}
