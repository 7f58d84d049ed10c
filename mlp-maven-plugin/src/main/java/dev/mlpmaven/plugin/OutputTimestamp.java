package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoFailureException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * {@code project.build.outputTimestamp}, read as maven-archiver's {@code parseBuildOutputTimestamp} reads it, so the
 * model and the report archive match the project's jar: digits are seconds since the epoch; nothing, or a single
 * non-digit (which switches it off in a child pom), means "not set", and then {@code SOURCE_DATE_EPOCH} of the
 * environment is used if present; anything else must be an ISO-8601 date-time with an offset
 * ({@code 2024-01-01T00:00:00Z}), truncated to seconds.
 */
final class OutputTimestamp {
    static final String PROPERTY = "project.build.outputTimestamp";
    /** A zip entry's DOS time holds 1980 to 2107; the archive needs its timestamp in that range. */
    static final Instant ZIP_MIN = Instant.parse("1980-01-01T00:00:02Z");
    static final Instant ZIP_MAX = Instant.parse("2107-12-31T23:59:58Z");

    private OutputTimestamp() {
    }

    /** The timestamp of a reproducible build, or empty for a normal build. */
    static Optional<Instant> parse(String value, Map<String, String> env) throws MojoFailureException {
        String text = value;
        if (text == null || (text.length() < 2 && !isDigits(text))) {
            text = env.get("SOURCE_DATE_EPOCH");
            if (text == null) {
                return Optional.empty();
            }
        }
        Instant instant;
        try {
            instant = isDigits(text) ? Instant.ofEpochSecond(Long.parseLong(text))
                    : OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                    .toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new MojoFailureException(format(Messages.OUTPUT_TIMESTAMP_BAD, text));
        }
        if (instant.isBefore(ZIP_MIN) || instant.isAfter(ZIP_MAX)) {
            throw new MojoFailureException(format(Messages.OUTPUT_TIMESTAMP_RANGE, text, instant));
        }
        return Optional.of(instant);
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
