package io.github.alembicmaven.core.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    Path dir;

    static VerifyCommand command(String line) {
        return new VerifyCommand(line, Duration.ofSeconds(30));
    }

    @Test
    void exitCodeAndInterleavedOutputAreCaptured() throws Exception {
        VerifyCommand.Result r = command("echo out; echo err 1>&2; echo 'more out'; exit 4").run(dir);

        assertThat(r).isEqualTo(new VerifyCommand.Result(4, "out\nerr\nmore out\n", false));
        assertThat(r.passed()).isFalse();
    }

    @Test
    void itRunsThroughTheShellInTheGivenDirectoryWithNoInput() throws Exception {
        Files.writeString(dir.resolve("marker file"), "here");

        VerifyCommand.Result r = command("cat 'marker file' && test \"$(pwd -P)\" = \"" + dir.toRealPath()
                + "\" && cat && echo ' done'").run(dir);

        assertThat(r).isEqualTo(new VerifyCommand.Result(0, "here done\n", false));
        assertThat(r.passed()).isTrue();
    }

    @Test
    void aCommandThatOutlivesTheTimeoutIsKilledWithItsChildren() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        VerifyCommand c = new VerifyCommand("echo started; sleep 30 & echo $! > child.pid; wait",
                Duration.ofSeconds(1));

        long start = System.nanoTime();
        VerifyCommand.Result r = c.run(dir);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(r).isEqualTo(new VerifyCommand.Result(-1, "started\n", true));
        assertThat(r.passed()).isFalse();
        assertThat(millis).isBetween(900L, 9000L);
        long child = Long.parseLong(Files.readString(pidFile).strip());
        // destroyForcibly is asynchronous: give the kill a moment to land
        for (int i = 0; i < 50 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void onlyExitCodeZeroInTimePasses() {
        assertThat(new VerifyCommand.Result(0, "", false).passed()).isTrue();
        assertThat(new VerifyCommand.Result(0, "", true).passed()).isFalse();
        assertThat(new VerifyCommand.Result(1, "", false).passed()).isFalse();
    }

    @Test
    void theTimeoutDefaultsToTenMinutesAndTheCommandIsRequired() {
        assertThat(new VerifyCommand("true", null).timeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(VerifyCommand.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(600));
        assertThatThrownBy(() -> new VerifyCommand(null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void outputIsReadAsUtf8WhenItIsUtf8WhateverTheJvmsDefaultCharset() {
        byte[] utf8 = "KeyError: 'Mérge' → 243f".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(VerifyCommand.decode(utf8)).isEqualTo("KeyError: 'Mérge' → 243f");
        byte[] latin1 = {'M', (byte) 0xe9, 'r'};
        assertThat(VerifyCommand.decode(latin1))
                .isEqualTo(new String(latin1, java.nio.charset.Charset.defaultCharset()));
    }
}
