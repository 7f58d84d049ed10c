package dev.mlpmaven.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A table input: named features in order, each a numeric column (standardised, one input) or a categorical
 * column (one-hot over its categories, one input per category). {@link #encode(Map)} turns a row of text values
 * into the network's input vector; the training data loader uses the same method, so a CSV row is encoded the
 * same way when training and when predicting.
 *
 * <p>Values are trimmed (leading and trailing white space); an empty value (or a null) is missing. A numeric value
 * is a decimal number ({@code -1.5}, {@code 2}, {@code 3e-2}; no {@code NaN}, no {@code Infinity}, no hex), read as
 * a {@code double}, rounded to {@code float} and encoded as {@code (x - mean) / std} in {@code float}. A categorical
 * value matches a category exactly (case-sensitive) and sets that category's input to 1, the others to 0.
 *
 * <p>{@link Missing}: {@code error} refuses a missing value; {@code mean} encodes a missing numeric value as its
 * training mean (the input 0) and a missing categorical value as all zeros. {@link Unseen}: {@code error} refuses a
 * category not seen in training; {@code zero} encodes it as all zeros.
 *
 * <p>Immutable and thread-safe.
 */
public final class TableInput implements InputSpec {
    /** The longest value read as a number (longer text is refused without parsing it). */
    public static final int MAX_NUMBER_CHARS = 100;

    public static final String WRONG_COUNT =
            "row: found %d values, expected %d (the model's features: %s)";
    public static final String COLUMN_MISSING =
            "row: feature '%s' is missing - give a value for each of the model's features: %s";
    public static final String VALUE_MISSING =
            "feature '%s': found an empty value, expected %s - the model was trained with missing: error; give a value";
    public static final String NOT_A_NUMBER =
            "feature '%s': found %s, expected a finite decimal number such as -1.5 or 3e-2";
    public static final String OUT_OF_RANGE =
            "feature '%s': found %s, expected a value whose standardised form (x - %s) / %s fits a float";
    public static final String UNSEEN_CATEGORY =
            "feature '%s': found %s, expected one of %s (the categories seen in training) - the model was trained "
                    + "with unseenCategory: error";

    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

    /** One column of the table. */
    public sealed interface Feature permits Numeric, Categorical {
        /** The column name. */
        String name();

        /** How many network inputs the feature takes. */
        int width();
    }

    /**
     * A numeric column, encoded as {@code (x - mean) / std}.
     *
     * @param name column name
     * @param mean training mean, finite
     * @param std  training standard deviation, finite and > 0
     */
    public record Numeric(String name, float mean, float std) implements Feature {
        public Numeric {
            checkName(name);
            if (!Float.isFinite(mean) || !Float.isFinite(std) || !(std > 0)) {
                throw new IllegalArgumentException("feature '" + name + "': found mean " + mean + ", std " + std
                        + ", expected a finite mean and a finite std > 0");
            }
        }

        @Override
        public int width() {
            return 1;
        }
    }

    /**
     * A categorical column, one-hot over {@code categories} in this order.
     *
     * @param name       column name
     * @param categories the values seen in training, distinct, at least one
     */
    public record Categorical(String name, List<String> categories) implements Feature {
        public Categorical {
            checkName(name);
            categories = List.copyOf(categories);
            if (categories.isEmpty() || new HashSet<>(categories).size() != categories.size()) {
                throw new IllegalArgumentException("feature '" + name + "': found categories " + categories
                        + ", expected at least one, all distinct");
            }
        }

        @Override
        public int width() {
            return categories.size();
        }
    }

    /** What a category not seen in training becomes. */
    public enum Unseen {
        /** Refused with {@link #UNSEEN_CATEGORY}. */
        ERROR("error"),
        /** All zeros (no category). */
        ZERO("zero");

        private final String id;

        Unseen(String id) {
            this.id = id;
        }

        /** The manifest's name. */
        public String id() {
            return id;
        }

        /** The constant of a manifest name, or null. */
        public static Unseen of(String id) {
            for (Unseen u : values()) {
                if (u.id.equals(id)) {
                    return u;
                }
            }
            return null;
        }
    }

    /** What a missing (empty) value becomes. */
    public enum Missing {
        /** Refused with {@link #VALUE_MISSING}. */
        ERROR("error"),
        /** The training mean for a numeric feature (input 0), all zeros for a categorical one. */
        MEAN("mean");

        private final String id;

        Missing(String id) {
            this.id = id;
        }

        /** The manifest's name. */
        public String id() {
            return id;
        }

        /** The constant of a manifest name, or null. */
        public static Missing of(String id) {
            for (Missing m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            return null;
        }
    }

    private final List<Feature> features;
    private final Unseen unseenCategory;
    private final Missing missing;
    private final int size;
    private final List<Map<String, Integer>> index;
    private final String names;

    /**
     * @throws IllegalArgumentException when there is no feature, two features share a name or the encoded width
     *                                  exceeds {@link #MAX_SIZE}
     */
    public TableInput(List<Feature> features, Unseen unseenCategory, Missing missing) {
        this.features = List.copyOf(features);
        this.unseenCategory = Objects.requireNonNull(unseenCategory, "unseenCategory");
        this.missing = Objects.requireNonNull(missing, "missing");
        if (this.features.isEmpty()) {
            throw new IllegalArgumentException("features: found none, expected at least one");
        }
        Set<String> seen = new HashSet<>();
        long width = 0;
        List<Map<String, Integer>> idx = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Feature f : this.features) {
            if (!seen.add(f.name())) {
                throw new IllegalArgumentException("features: found '" + f.name() + "' twice, expected distinct names");
            }
            width += f.width();
            names.add(f.name());
            Map<String, Integer> m = new HashMap<>();
            if (f instanceof Categorical c) {
                for (int i = 0; i < c.categories().size(); i++) {
                    m.put(c.categories().get(i), i);
                }
            }
            idx.add(Collections.unmodifiableMap(m));
        }
        if (width > MAX_SIZE) {
            throw new IllegalArgumentException("features: found " + width + " inputs, expected at most " + MAX_SIZE);
        }
        this.size = (int) width;
        this.index = List.copyOf(idx);
        this.names = String.join(", ", names);
    }

    @Override
    public String kind() {
        return TABLE;
    }

    @Override
    public int size() {
        return size;
    }

    public List<Feature> features() {
        return features;
    }

    public Unseen unseenCategory() {
        return unseenCategory;
    }

    public Missing missing() {
        return missing;
    }

    /** The feature names in order. */
    public List<String> featureNames() {
        return features.stream().map(Feature::name).toList();
    }

    /**
     * Encodes a row given by column name; columns that are not features (a label, an id) are ignored.
     *
     * @throws InvalidInputException with {@link #COLUMN_MISSING} when a feature has no column, or a value's message
     */
    public float[] encode(Map<String, String> row) {
        float[] out = new float[size];
        int at = 0;
        for (int f = 0; f < features.size(); f++) {
            Feature feature = features.get(f);
            if (!row.containsKey(feature.name())) {
                throw new InvalidInputException(String.format(Locale.ROOT, COLUMN_MISSING, feature.name(), names));
            }
            at = put(f, row.get(feature.name()), out, at);
        }
        return out;
    }

    /**
     * Encodes a row given as one value per feature, in the features' order.
     *
     * @throws InvalidInputException with {@link #WRONG_COUNT} when the count differs, or a value's message
     */
    public float[] encode(List<String> values) {
        if (values.size() != features.size()) {
            throw new InvalidInputException(String.format(Locale.ROOT, WRONG_COUNT, values.size(), features.size(), names));
        }
        float[] out = new float[size];
        int at = 0;
        for (int f = 0; f < features.size(); f++) {
            at = put(f, values.get(f), out, at);
        }
        return out;
    }

    /** {@link #encode(List)} of the values in the features' order. */
    public float[] encode(String... values) {
        return encode(java.util.Arrays.asList(values));
    }

    private int put(int f, String raw, float[] out, int at) {
        Feature feature = features.get(f);
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            if (missing == Missing.ERROR) {
                throw new InvalidInputException(String.format(Locale.ROOT, VALUE_MISSING, feature.name(),
                        feature instanceof Numeric ? "a number" : "one of " + categories((Categorical) feature)));
            }
            return at + feature.width(); // numeric: (mean - mean) / std = 0; categorical: all zeros
        }
        if (feature instanceof Numeric n) {
            double x = value.length() <= MAX_NUMBER_CHARS && NUMBER.matcher(value).matches()
                    ? Double.parseDouble(value) : Double.NaN;
            float xf = (float) x;
            if (!Float.isFinite(xf)) {
                throw new InvalidInputException(String.format(Locale.ROOT, NOT_A_NUMBER, n.name(), quote(value)));
            }
            float z = (xf - n.mean()) / n.std();
            if (!Float.isFinite(z)) {
                throw new InvalidInputException(String.format(Locale.ROOT, OUT_OF_RANGE, n.name(), quote(value),
                        n.mean(), n.std()));
            }
            out[at] = z;
            return at + 1;
        }
        Categorical c = (Categorical) feature;
        Integer i = index.get(f).get(value);
        if (i == null) {
            if (unseenCategory == Unseen.ERROR) {
                throw new InvalidInputException(String.format(Locale.ROOT, UNSEEN_CATEGORY, c.name(), quote(value),
                        categories(c)));
            }
        } else {
            out[at + i] = 1f;
        }
        return at + c.width();
    }

    private static String categories(Categorical c) {
        List<String> shown = c.categories().size() <= 10 ? c.categories() : c.categories().subList(0, 10);
        String text = String.join(", ", shown.stream().map(TableInput::quote).toList());
        return c.categories().size() <= 10 ? text : text + ", ... (" + c.categories().size() + " in all)";
    }

    /** A value for a message: quoted, cut at 40 characters. */
    static String quote(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return '"' + v + '"';
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("feature name: found " + (name == null ? "null" : "an empty name")
                    + ", expected a column name");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableInput t && t.features.equals(features) && t.unseenCategory == unseenCategory
                && t.missing == missing;
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, unseenCategory, missing);
    }

    @Override
    public String toString() {
        return "table of " + features.size() + " features (" + names + "), " + size + " inputs, unseenCategory "
                + unseenCategory.id() + ", missing " + missing.id();
    }
}
