package io.github.alembicmaven.core.merge;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code create_date} of a planned merge: a Python {@code datetime}, naive (Alembic without a {@code timezone}
 * setting) or with a fixed UTC offset (with one), rendered like Python's {@code str(datetime)}:
 * {@code YYYY-MM-DD HH:MM:SS[.ffffff][+HH:MM[:SS]]}, microseconds omitted when zero.
 *
 * <p>Never taken from the wall clock: it comes from a parent's own {@code Create Date:} header or from a value the
 * caller supplies (for example {@code project.build.outputTimestamp}), so the same tree always gives the same date.
 *
 * @param dateTime the wall-clock date and time as written (microsecond precision)
 * @param offset the UTC offset as written, or {@code null} for a naive datetime
 */
public record PlannedMergeDate(LocalDateTime dateTime, ZoneOffset offset) implements Comparable<PlannedMergeDate> {
    private static final Pattern PYTHON_STR = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{6}))?"
                    + "(?:([+-])(\\d{2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern CREATE_DATE_LINE = Pattern.compile("(?m)^[ \\t]*Create Date:[ \\t]*(.*?)[ \\t]*$");
    private static final Comparator<PlannedMergeDate> ORDER =
            Comparator.comparing(PlannedMergeDate::instant).thenComparing(d -> d.offset == null ? 0 : 1);

    public PlannedMergeDate {
        Objects.requireNonNull(dateTime, "dateTime");
        dateTime = dateTime.withNano(dateTime.getNano() / 1000 * 1000);
    }

    /**
     * Parses Python's {@code str(datetime)} form.
     *
     * @param text e.g. {@code 2024-01-02 03:04:05.678901} or {@code 2024-01-02 03:04:05+02:00}
     * @return the date, or empty when {@code text} is not exactly that form (surrounding blanks are ignored)
     */
    public static Optional<PlannedMergeDate> parse(String text) {
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
            return Optional.of(new PlannedMergeDate(dt, offset));
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
    public static Optional<PlannedMergeDate> fromDocstring(String docstring) {
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
    public static Optional<PlannedMergeDate> fromOutputTimestamp(String value) {
        if (value == null || value.isBlank() || value.strip().length() < 2) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            Instant instant = Instant.ofEpochSecond(Long.parseLong(v));
            return Optional.of(new PlannedMergeDate(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), ZoneOffset.UTC));
        }
        try {
            OffsetDateTime odt = OffsetDateTime.parse(v);
            return Optional.of(new PlannedMergeDate(odt.toLocalDateTime(), odt.getOffset()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "project.build.outputTimestamp '" + value + "' is neither ISO-8601 with an offset"
                            + " (e.g. 2024-01-02T03:04:05Z) nor seconds since the epoch",
                    e);
        }
    }

    /** Whether the datetime carries a UTC offset ({@code tzinfo} set). */
    public boolean aware() {
        return offset != null;
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
    public int compareTo(PlannedMergeDate other) {
        int c = ORDER.compare(this, other);
        if (c != 0) {
            return c;
        }
        return toString().compareTo(other.toString());
    }

    /** Python's {@code str(datetime)}: what the {@code Create Date:} header of the merge shows. */
    @Override
    public String toString() {
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

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
