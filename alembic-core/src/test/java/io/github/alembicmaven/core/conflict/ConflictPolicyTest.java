package io.github.alembicmaven.core.conflict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alembicmaven.core.AlembicConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

public class ConflictPolicyTest {

    /** The message for an invalid {@code alembic.conflicts} value. */
    public static String invalid(String value) {
        return "Invalid alembic.conflicts '" + value + "': expected 'fail' (schema conflicts between the heads fail the"
                + " check), 'warn' (they are logged, the default) or 'ignore'.";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"fail|FAIL", "FAIL|FAIL", "' Fail '|FAIL", "warn|WARN", "Warn|WARN",
        "ignore|IGNORE", "'\tIGNORE\n'|IGNORE"})
    void parsesTheThreeValuesInAnyCaseAndStripped(String value, ConflictPolicy expected) throws Exception {
        assertThat(ConflictPolicy.parse(value)).isEqualTo(expected);
    }

    @Test
    void nullOrBlankIsWarn() throws Exception {
        assertThat(ConflictPolicy.parse(null)).isEqualTo(ConflictPolicy.WARN);
        assertThat(ConflictPolicy.parse("")).isEqualTo(ConflictPolicy.WARN);
        assertThat(ConflictPolicy.parse("  ")).isEqualTo(ConflictPolicy.WARN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"strict", "true", "failure", "warn,fail", "f a i l"})
    void anyOtherValueIsAConfigurationErrorNamingTheChoices(String value) {
        assertThatThrownBy(() -> ConflictPolicy.parse(value))
                .isInstanceOf(AlembicConfigException.class)
                .hasMessage(invalid(value));
    }
}
