package io.github.alembicmaven.core.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateDateParsingTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-01-02 03:04:05",
                "2024-01-02 03:04:05.678901",
                "2024-01-02 03:04:05+00:00",
                "2024-01-02 03:04:05.000001-05:30",
                "0999-12-31 23:59:59+05:45:30"
            })
    void pythonStrDatetimeRoundTrips(String text) {
        assertThat(CreateDate.parse(text)).hasValueSatisfying(d -> assertThat(d).hasToString(text));
    }

    @Test
    void keepsTimezoneAsWritten() {
        CreateDate naive = CreateDate.parse("2024-01-02 03:04:05").orElseThrow();
        CreateDate aware = CreateDate.parse("2024-01-02 03:04:05+02:00").orElseThrow();
        assertThat(naive.isAware()).isFalse();
        assertThat(aware.isAware()).isTrue();
        assertThat(aware.offset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(aware.dateTime()).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
    }

    @Test
    void rejectsOtherForms() {
        assertThat(CreateDate.parse("2024-01-02T03:04:05")).isEmpty();
        assertThat(CreateDate.parse("2024-01-02 03:04")).isEmpty();
        assertThat(CreateDate.parse("2024-13-02 03:04:05")).isEmpty();
        assertThat(CreateDate.parse("2024-01-02 03:04:05.123")).isEmpty();
        assertThat(CreateDate.parse(null)).isEmpty();
    }

    @Test
    void readsTheCreateDateHeaderOfAStockTemplateDocstring() {
        String doc = "add users\n\nRevision ID: 1a2b3c4d5e6f\nRevises: \nCreate Date: 2023-05-06 07:08:09.101112\n\n";
        assertThat(CreateDate.fromDocstring(doc)).hasValueSatisfying(d ->
                assertThat(d).hasToString("2023-05-06 07:08:09.101112"));
        assertThat(CreateDate.fromDocstring("no header")).isEmpty();
        assertThat(CreateDate.fromDocstring("Create Date: yesterday")).isEmpty();
        assertThat(CreateDate.fromDocstring(null)).isEmpty();
    }

    @Test
    void ordersByInstantReadingNaiveAsUtc() {
        CreateDate a = CreateDate.parse("2024-01-02 03:00:00").orElseThrow();
        CreateDate b = CreateDate.parse("2024-01-02 04:00:00+02:00").orElseThrow(); // 02:00 UTC
        CreateDate c = CreateDate.parse("2024-01-02 03:00:00+00:00").orElseThrow();
        assertThat(a).isGreaterThan(b);
        assertThat(c).isGreaterThan(a); // same instant: aware wins, so the order is total
        assertThat(a.compareTo(a)).isZero();
    }

    @Test
    void outputTimestampForms() {
        assertThat(CreateDate.fromOutputTimestamp("2024-01-02T03:04:05Z"))
                .hasValueSatisfying(d -> assertThat(d).hasToString("2024-01-02 03:04:05+00:00"));
        assertThat(CreateDate.fromOutputTimestamp("2024-01-02T03:04:05.5+01:00"))
                .hasValueSatisfying(d -> assertThat(d).hasToString("2024-01-02 03:04:05.500000+01:00"));
        assertThat(CreateDate.fromOutputTimestamp("1704164645"))
                .hasValueSatisfying(d -> assertThat(d).hasToString("2024-01-02 03:04:05+00:00"));
        assertThat(CreateDate.fromOutputTimestamp("a")).isEmpty();
        assertThat(CreateDate.fromOutputTimestamp(null)).isEmpty();
        assertThatThrownBy(() -> CreateDate.fromOutputTimestamp("yesterday"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
