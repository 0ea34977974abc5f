package io.github.alembicmaven.core.merge;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The {@code create_date} of a revision file as Alembic's Python {@code datetime}: naive (no {@code timezone} setting:
 * Alembic uses {@code datetime.now()}) or aware (with {@code timezone}: a fixed UTC offset at that instant).
 *
 * <p>Python's {@code datetime} has microsecond precision and years 1..9999; other values are rejected.
 *
 * @param dateTime the wall-clock date and time
 * @param offset the UTC offset of an aware datetime, or {@code null} for a naive one
 */
public record MergeFileDate(LocalDateTime dateTime, ZoneOffset offset) {

    public MergeFileDate {
        Objects.requireNonNull(dateTime, "dateTime");
        if (dateTime.getNano() % 1000 != 0) {
            throw new IllegalArgumentException("a Python datetime has microsecond precision; " + dateTime
                    + " has nanoseconds");
        }
        if (dateTime.getYear() < 1 || dateTime.getYear() > 9999) {
            throw new IllegalArgumentException("a Python datetime has years 1..9999, not " + dateTime.getYear());
        }
    }

    /** A naive datetime (Alembic without a {@code timezone} setting). */
    public static MergeFileDate naive(LocalDateTime dateTime) {
        return new MergeFileDate(dateTime, null);
    }

    /** An aware datetime (Alembic with a {@code timezone} setting). */
    public static MergeFileDate aware(OffsetDateTime dateTime) {
        return new MergeFileDate(dateTime.toLocalDateTime(), dateTime.getOffset());
    }

    /** An aware datetime at the offset the zone has at that instant. */
    public static MergeFileDate aware(ZonedDateTime dateTime) {
        return aware(dateTime.toOffsetDateTime());
    }

    /**
     * What Alembic would produce at {@code instant}: naive local time in {@code zone} when {@code timezone} is
     * {@code null} (the zone of the Python process), else aware in that zone.
     */
    public static MergeFileDate at(Instant instant, ZoneId zone, boolean aware) {
        ZonedDateTime z = instant.atZone(zone);
        return aware ? aware(z) : naive(z.toLocalDateTime());
    }

    public boolean isAware() {
        return offset != null;
    }

    /**
     * Python {@code str(datetime)}: {@code YYYY-MM-DD HH:MM:SS}, then {@code .ffffff} when the microsecond is not 0,
     * then for an aware datetime {@code +HH:MM} ({@code +HH:MM:SS} when the offset has seconds).
     */
    public String pythonStr() {
        LocalDateTime d = dateTime;
        StringBuilder sb = new StringBuilder(32);
        sb.append(String.format("%04d-%02d-%02d %02d:%02d:%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth(),
                d.getHour(), d.getMinute(), d.getSecond()));
        int micros = d.getNano() / 1000;
        if (micros != 0) {
            sb.append(String.format(".%06d", micros));
        }
        if (offset != null) {
            int total = offset.getTotalSeconds();
            sb.append(total < 0 ? '-' : '+');
            int abs = Math.abs(total);
            sb.append(String.format("%02d:%02d", abs / 3600, abs / 60 % 60));
            if (abs % 60 != 0) {
                sb.append(String.format(":%02d", abs % 60));
            }
        }
        return sb.toString();
    }

    /**
     * Python {@code int(create_date.timestamp())} (Alembic's {@code epoch} file-name token). A naive datetime is
     * interpreted in {@code localZone}, the time zone of the Python process (for a local time in a DST gap or overlap
     * Python's {@code fold=0} and Java's {@link ZonedDateTime#of} agree). {@code int()} truncates toward zero.
     *
     * @param localZone used only for a naive datetime
     */
    public long epochSeconds(ZoneId localZone) {
        Instant instant = offset != null
                ? dateTime.toInstant(offset)
                : ZonedDateTime.of(dateTime, Objects.requireNonNull(localZone, "localZone")).toInstant();
        long seconds = instant.getEpochSecond();
        return seconds < 0 && instant.getNano() != 0 ? seconds + 1 : seconds;
    }

    @Override
    public String toString() {
        return pythonStr();
    }
}
