package dev.mlpmaven.config;

import java.util.List;
import java.util.Locale;

/**
 * The shape of a value in the experiment language. {@link Language} declares every key with one; the checker,
 * the binder, the JSON Schema and the reference page all read that one table.
 */
sealed interface Shape {

    /** What a value of this shape is, for messages: "an integer >= 1". */
    String expected();

    /** A whole number within [min, max]. */
    record IntShape(long min, long max) implements Shape {
        static IntShape atLeast(long min) {
            return new IntShape(min, Integer.MAX_VALUE);
        }

        static IntShape anyLong() {
            return new IntShape(Long.MIN_VALUE, Long.MAX_VALUE);
        }

        @Override
        public String expected() {
            if (min == max) {
                return String.valueOf(min);
            }
            if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
                return "a 64-bit integer";
            }
            return "an integer from " + min + " to " + max;
        }
    }

    /** A finite number; a null bound is open. */
    record NumberShape(Double min, boolean minExclusive, Double max, boolean maxExclusive) implements Shape {
        static NumberShape greaterThan(double min) {
            return new NumberShape(min, true, null, false);
        }

        /** Any finite number. */
        static NumberShape any() {
            return new NumberShape(null, false, null, false);
        }

        static NumberShape atLeast(double min) {
            return new NumberShape(min, false, null, false);
        }

        /** min <= value < max. */
        static NumberShape fraction(double min, double max) {
            return new NumberShape(min, false, max, true);
        }

        /** min < value <= max. */
        static NumberShape openClosed(double min, double max) {
            return new NumberShape(min, true, max, false);
        }

        @Override
        public String expected() {
            if (min != null && max != null) {
                return "a number with " + num(min) + (minExclusive ? " < " : " <= ") + "value"
                        + (maxExclusive ? " < " : " <= ") + num(max);
            }
            // an open bound: .inf would pass it, but no setting can be infinite
            if (min != null) {
                return "a finite number " + (minExclusive ? "> " : ">= ") + num(min);
            }
            if (max != null) {
                return "a finite number " + (maxExclusive ? "< " : "<= ") + num(max);
            }
            return "a finite number";
        }

        boolean accepts(double v) {
            if (!Double.isFinite(v)) {
                return false;
            }
            boolean lowOk = min == null || (minExclusive ? v > min : v >= min);
            boolean highOk = max == null || (maxExclusive ? v < max : v <= max);
            return lowOk && highOk;
        }
    }

    record BoolShape() implements Shape {
        @Override
        public String expected() {
            return "true or false";
        }
    }

    /**
     * Text; {@code pattern} (a Java and ECMA-262 regex, or null) must match the whole value.
     *
     * @param expected  what it is, for messages: "a file path relative to this file"
     * @param maxLength the most characters it may have; 0 for no limit
     * @param reserved  values it must not be, compared ignoring case (file names on case-insensitive file systems)
     */
    record StringShape(String pattern, String expected, int maxLength, List<String> reserved) implements Shape {
        public StringShape {
            reserved = List.copyOf(reserved);
        }

        StringShape(String pattern, String expected) {
            this(pattern, expected, 0, List.of());
        }

        boolean isReserved(String value) {
            return reserved.stream().anyMatch(r -> r.equalsIgnoreCase(value));
        }

        /** The constraint in full, for the reference page. */
        String constraint() {
            String c = expected;
            if (maxLength > 0) {
                c += "; at most " + maxLength + " characters";
            }
            if (!reserved.isEmpty()) {
                c += "; not " + Field.orList(reserved);
            }
            return c;
        }
    }

    /** One of a fixed set of words. */
    record EnumShape(List<String> values) implements Shape {
        public EnumShape {
            values = List.copyOf(values);
        }

        static <E extends Enum<E>> EnumShape of(Class<E> type) {
            return new EnumShape(java.util.Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
        }

        @Override
        public String expected() {
            return "one of " + String.join(", ", values);
        }
    }

    /** A list of items of one shape, with {@code minItems..maxItems} items. */
    record ListShape(Shape item, int minItems, int maxItems) implements Shape {
        /** Any number of items. */
        ListShape(Shape item) {
            this(item, 0, Integer.MAX_VALUE);
        }

        /** Exactly {@code size} items. */
        static ListShape ofSize(Shape item, int size) {
            return new ListShape(item, size, size);
        }

        boolean acceptsSize(int size) {
            return size >= minItems && size <= maxItems;
        }

        @Override
        public String expected() {
            String count = minItems == maxItems ? " of " + minItems
                    : maxItems == Integer.MAX_VALUE ? (minItems == 0 ? "" : " of at least " + minItems)
                    : " of " + minItems + " to " + maxItems;
            return "a list" + count + ", each " + item.expected();
        }
    }

    /**
     * A value of one of several shapes, e.g. a column given by name or by index, or {@code true}, {@code false} or
     * {@code sklearn}.
     *
     * @param expected what it is, for messages: "a column name or a 0-based column index"
     */
    record OneOf(List<Shape> options, String expected) implements Shape {
        public OneOf {
            options = List.copyOf(options);
        }
    }

    /** Any YAML value; what it must be is decided elsewhere (the values of a sweep take the swept key's shape). */
    record AnyShape() implements Shape {
        @Override
        public String expected() {
            return "a value of the swept key";
        }
    }

    /**
     * A mapping whose keys are chosen by the user (the key paths of {@code sweep.parameters}), each value of one
     * shape; the keys are checked by whoever reads the mapping.
     *
     * @param title  what the mapping is, for messages and the reference page ("sweep parameters")
     * @param value  the shape of every value
     * @param keys   the keys the JSON Schema allows (its {@code propertyNames}); the loader says "did you mean"
     */
    record MapShape(String title, Shape value, List<String> keys) implements Shape {
        public MapShape {
            keys = List.copyOf(keys);
        }

        @Override
        public String expected() {
            return "a mapping of " + title;
        }
    }

    /**
     * A mapping with fixed keys; any other key is an error.
     *
     * @param title    what the mapping is, for the reference page ("optimizer")
     * @param selector the key whose value the {@code onlyFor} and {@code requiredFor} of the other keys name
     *                 ({@code type} for optimizer and schedule, {@code method} for sweep)
     */
    record ObjectShape(String title, List<Field> fields, String selector) implements Shape {
        public ObjectShape {
            fields = List.copyOf(fields);
        }

        ObjectShape(String title, List<Field> fields) {
            this(title, fields, Language.TYPE);
        }

        Field field(String name) {
            for (Field f : fields) {
                if (f.name().equals(name)) {
                    return f;
                }
            }
            return null;
        }

        List<String> names() {
            return fields.stream().map(Field::name).toList();
        }

        @Override
        public String expected() {
            return "a mapping of " + title + " keys";
        }
    }

    /**
     * Either a short scalar form, or the full mapping; the short form {@code x} means {@code {shortKey: x}}
     * (for example {@code dataset: mnist} is {@code dataset: {name: mnist}}).
     */
    record ShortOrObject(Shape shortForm, String shortKey, ObjectShape object) implements Shape {
        @Override
        public String expected() {
            return shortForm.expected() + ", or " + object.expected();
        }
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
