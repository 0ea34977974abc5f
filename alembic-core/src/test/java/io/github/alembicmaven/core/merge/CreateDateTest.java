package io.github.alembicmaven.core.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CreateDateTest {

    @Test
    void pythonStrOfNaiveDatetime() {
        assertThat(CreateDate.naive(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_901_000)).pythonStr())
                .isEqualTo("2024-01-02 03:04:05.678901");
        assertThat(CreateDate.naive(LocalDateTime.of(2024, 1, 2, 3, 4, 5)).pythonStr())
                .isEqualTo("2024-01-02 03:04:05");
        assertThat(CreateDate.naive(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 1000)).pythonStr())
                .isEqualTo("2024-01-02 03:04:05.000001");
        assertThat(CreateDate.naive(LocalDateTime.of(12, 1, 2, 3, 4, 5)).pythonStr())
                .isEqualTo("0012-01-02 03:04:05");
    }

    @Test
    void pythonStrOfAwareDatetime() {
        assertThat(CreateDate.aware(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)).pythonStr())
                .isEqualTo("2024-01-02 03:04:05+00:00");
        assertThat(CreateDate.aware(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000,
                ZoneOffset.ofHoursMinutes(-5, -30))).pythonStr()).isEqualTo("2024-01-02 03:04:05.500000-05:30");
        assertThat(CreateDate.aware(OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0,
                ZoneOffset.ofHoursMinutesSeconds(0, 19, 32))).pythonStr()).isEqualTo("1900-01-01 00:00:00+00:19:32");
        assertThat(CreateDate.at(Instant.parse("2024-07-01T10:00:00Z"), ZoneId.of("Europe/Berlin"), true)
                .pythonStr()).isEqualTo("2024-07-01 12:00:00+02:00");
        assertThat(CreateDate.at(Instant.parse("2024-07-01T10:00:00Z"), ZoneId.of("Europe/Berlin"), false)
                .pythonStr()).isEqualTo("2024-07-01 12:00:00");
    }

    @Test
    void epochTruncatesTowardZero() {
        assertThat(CreateDate.aware(OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 500_000_000, ZoneOffset.UTC))
                .epochSeconds(null)).isZero();
        assertThat(CreateDate.aware(OffsetDateTime.of(1970, 1, 1, 0, 0, 1, 999_999_000, ZoneOffset.UTC))
                .epochSeconds(null)).isEqualTo(1);
        // DST gap (02:30 does not exist in Berlin on 2024-03-31): Python fold=0 uses the offset before the gap
        assertThat(CreateDate.naive(LocalDateTime.of(2024, 3, 31, 2, 30)).epochSeconds(ZoneId.of("Europe/Berlin")))
                .isEqualTo(1711848600L);
        // overlap: fold=0 is the first occurrence
        assertThat(CreateDate.naive(LocalDateTime.of(2024, 10, 27, 2, 30)).epochSeconds(ZoneId.of("Europe/Berlin")))
                .isEqualTo(1729989000L);
    }

    @Test
    void rejectsWhatPythonCannotRepresent() {
        assertThatThrownBy(() -> CreateDate.naive(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 1)))
                .hasMessageContaining("microsecond");
        assertThatThrownBy(() -> CreateDate.naive(LocalDateTime.of(10000, 1, 2, 3, 4, 5)))
                .hasMessageContaining("9999");
    }
}
