package io.github.alembicmaven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {

    @Test
    void splitsCommaSeparatedListsDroppingBlanks() {
        assertThat(Parameters.splitList(" a, b ,,c ")).containsExactly("a", "b", "c");
        assertThat(Parameters.splitList(null)).isEmpty();
        assertThat(Parameters.splitList("  ")).isEmpty();
    }

    @Test
    void parsesDottedConstants() throws Exception {
        assertThat(Parameters.parseConstants("alembic.constants", "cli.EXPAND_BRANCH=expand, BASE = 0a1b=x"))
                .containsExactly(Map.entry("cli.EXPAND_BRANCH", "expand"), Map.entry("BASE", "0a1b=x"));
    }

    @Test
    void rejectsEntriesWithoutNameOrEquals() {
        assertThatThrownBy(() -> Parameters.parseConstants("alembic.constants", "cli.EXPAND_BRANCH"))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessageContaining("Invalid alembic.constants entry 'cli.EXPAND_BRANCH'")
                .hasMessageContaining("NAME=VALUE");
        assertThatThrownBy(() -> Parameters.parseConstants("alembic.constants", "1x=y"))
                .isInstanceOf(AlembicConfigException.class);
    }
}
