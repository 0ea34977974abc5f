package io.github.alembicmaven.core.merge;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alembic's {@code create_date}: a Python {@code datetime}, naive (Alembic without a {@code timezone} setting) or with
 * a fixed UTC offset (with one), rendered like Python's {@code str(datetime)}:
 * {@code YYYY-MM-DD HH:MM:SS[.ffffff][+HH:MM[:SS]]}, microseconds omitted when zero. Python's {@code datetime} has
 * microsecond precision and years 1..9999; other values are rejected.
 *
 * <p>A merge's create date is never taken from the wall clock: it comes from a parent's own {@code Create Date:}
 * header ({@link #fromDocstring}) or from a value the caller supplies such as {@code project.build.outputTimestamp}
 * ({@link #fromOutputTimestamp}), so the same tree always gives the same file.
 *
 * @param dateTime the wall-clock date and time as written
 * @param offset the UTC offset of an aware datetime, or {@code null} for a naive one
 */
public record CreateDate(LocalDateTime dateTime, ZoneOffset offset) implements Comparable<CreateDate> {
    private static final Pattern PYTHON_STR = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{6}))?"
                    + "(?:([+-])(\\d{2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern CREATE_DATE_LINE = Pattern.compile("(?m)^[ \\t]*Create Date:[ \\t]*(.*?)[ \\t]*$");
    private static final Comparator<CreateDate> ORDER =
            Comparator.comparing(CreateDate::instant).thenComparing(d -> d.offset == null ? 0 : 1);

    public CreateDate {
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
    public static CreateDate naive(LocalDateTime dateTime) {
        return new CreateDate(dateTime, null);
    }

    /** An aware datetime (Alembic with a {@code timezone} setting). */
    public static CreateDate aware(OffsetDateTime dateTime) {
        return new CreateDate(dateTime.toLocalDateTime(), dateTime.getOffset());
    }

    /** An aware datetime at the offset the zone has at that instant. */
    public static CreateDate aware(ZonedDateTime dateTime) {
        return aware(dateTime.toOffsetDateTime());
    }

    /**
     * What Alembic would produce at {@code instant}: naive local time in {@code zone} when {@code timezone} is
     * {@code null} (the zone of the Python process), else aware in that zone.
     */
    public static CreateDate at(Instant instant, ZoneId zone, boolean aware) {
        ZonedDateTime z = instant.atZone(zone);
        return aware ? aware(z) : naive(z.toLocalDateTime());
    }

    /** Whether the datetime carries a UTC offset ({@code tzinfo} set). */
    public boolean isAware() {
        return offset != null;
    }

    /**
     * Parses Python's {@code str(datetime)} form.
     *
     * @param text e.g. {@code 2024-01-02 03:04:05.678901} or {@code 2024-01-02 03:04:05+02:00}
     * @return the date, or empty when {@code text} is not exactly that form (surrounding blanks are ignored)
     */
    public static Optional<CreateDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = PYTHON_STR.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int micros = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
            LocalDateTime dt = LocalDateTime.of(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)),
                    micros * 1000);
            ZoneOffset offset = null;
            if (m.group(8) != null) {
                int sign = m.group(8).equals("-") ? -1 : 1;
                int seconds = Integer.parseInt(m.group(9)) * 3600
                        + Integer.parseInt(m.group(10)) * 60
                        + (m.group(11) == null ? 0 : Integer.parseInt(m.group(11)));
                offset = ZoneOffset.ofTotalSeconds(sign * seconds);
            }
            return Optional.of(new CreateDate(dt, offset));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The {@code Create Date:} header of a revision docstring (the first such line), as Alembic's stock templates write
     * it.
     *
     * @param docstring the raw module docstring, or {@code null}
     * @return the date, or empty when there is no such line or its value is not a Python {@code str(datetime)}
     */
    public static Optional<CreateDate> fromDocstring(String docstring) {
        if (docstring == null) {
            return Optional.empty();
        }
        Matcher m = CREATE_DATE_LINE.matcher(docstring);
        return m.find() ? parse(m.group(1)) : Optional.empty();
    }

    /**
     * A Maven {@code project.build.outputTimestamp}: ISO-8601 with an offset (kept as written, {@code Z} becomes
     * {@code +00:00}) or whole seconds since the epoch (UTC). A single character (Maven's "disabled") or a blank value
     * gives empty.
     *
     * @param value the property value, or {@code null}
     * @return the date
     * @throws IllegalArgumentException when the value is neither form
     */
    public static Optional<CreateDate> fromOutputTimestamp(String value) {
        if (value == null || value.isBlank() || value.strip().length() < 2) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            Instant instant = Instant.ofEpochSecond(Long.parseLong(v));
            return Optional.of(new CreateDate(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), ZoneOffset.UTC));
        }
        try {
            OffsetDateTime odt = OffsetDateTime.parse(v);
            return Optional.of(new CreateDate(odt.toLocalDateTime().withNano(odt.getNano() / 1000 * 1000), odt.getOffset()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "project.build.outputTimestamp '" + value + "' is neither ISO-8601 with an offset"
                            + " (e.g. 2024-01-02T03:04:05Z) nor seconds since the epoch",
                    e);
        }
    }

    /** The instant, reading a naive datetime as UTC (only used to pick the newest of several dates). */
    public Instant instant() {
        return dateTime.toInstant(offset == null ? ZoneOffset.UTC : offset);
    }

    /**
     * Older before newer by {@link #instant()} (a naive datetime is read as UTC); at the same instant an aware date
     * counts as newer than a naive one (then the text decides), so the order is total and the newest of several
     * parents does not depend on the order they are compared in.
     */
    @Override
    public int compareTo(CreateDate other) {
        int c = ORDER.compare(this, other);
        if (c != 0) {
            return c;
        }
        return toString().compareTo(other.toString());
    }

    /**
     * Python {@code str(datetime)}: {@code YYYY-MM-DD HH:MM:SS}, then {@code .ffffff} when the microsecond is not 0,
     * then for an aware datetime {@code +HH:MM} ({@code +HH:MM:SS} when the offset has seconds).
     */
    public String pythonStr() {
        StringBuilder sb = new StringBuilder(32);
        pad(sb, dateTime.getYear(), 4).append('-');
        pad(sb, dateTime.getMonthValue(), 2).append('-');
        pad(sb, dateTime.getDayOfMonth(), 2).append(' ');
        pad(sb, dateTime.getHour(), 2).append(':');
        pad(sb, dateTime.getMinute(), 2).append(':');
        pad(sb, dateTime.getSecond(), 2);
        int micros = dateTime.getNano() / 1000;
        if (micros != 0) {
            sb.append('.');
            pad(sb, micros, 6);
        }
        if (offset != null) {
            int total = offset.getTotalSeconds();
            sb.append(total < 0 ? '-' : '+');
            total = Math.abs(total);
            pad(sb, total / 3600, 2).append(':');
            pad(sb, total / 60 % 60, 2);
            if (total % 60 != 0) {
                sb.append(':');
                pad(sb, total % 60, 2);
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

    /** {@link #pythonStr()}, what the {@code Create Date:} header shows. */
    @Override
    public String toString() {
        return pythonStr();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
