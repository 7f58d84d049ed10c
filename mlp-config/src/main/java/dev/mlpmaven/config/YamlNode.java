package dev.mlpmaven.config;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was written. Jackson's {@code JsonNode} forgets locations, so {@link YamlReader}
 * builds this small tree from the parser's token locations instead.
 */
sealed interface YamlNode permits YamlNode.YamlMap, YamlNode.YamlList, YamlNode.YamlScalar {

    Location location();

    /** The same value, every node moved to {@code where} (for values that came from an override). */
    YamlNode relocated(Location where);

    /** A key and its value; the key's own location is where "unknown key" points. */
    record Entry(Location keyLocation, YamlNode value) {
    }

    /** A mapping, keys in file order. */
    record YamlMap(Location location, Map<String, Entry> entries) implements YamlNode {
        public YamlMap {
            entries = new LinkedHashMap<>(entries);
        }

        YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public YamlMap relocated(Location where) {
            Map<String, Entry> moved = new LinkedHashMap<>();
            entries.forEach((k, e) -> moved.put(k, new Entry(where, e.value().relocated(where))));
            return new YamlMap(where, moved);
        }
    }

    record YamlList(Location location, List<YamlNode> items) implements YamlNode {
        public YamlList {
            items = List.copyOf(items);
        }

        @Override
        public YamlList relocated(Location where) {
            return new YamlList(where, items.stream().map(i -> i.relocated(where)).toList());
        }
    }

    /** TAGGED: a value with a YAML tag, refused by the checker; its text is the tag as written. */
    enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL, TAGGED }

    /**
     * A scalar as YAML resolved it.
     *
     * @param text  the text as written (for messages: "found 1e-8")
     * @param value String, BigInteger, Double, Boolean, or null (NULL and TAGGED)
     */
    record YamlScalar(Location location, Kind kind, String text, Object value) implements YamlNode {

        boolean isNull() {
            return kind == Kind.NULL;
        }

        BigInteger integer() {
            return (BigInteger) value;
        }

        double number() {
            return kind == Kind.INTEGER ? ((BigInteger) value).doubleValue() : (Double) value;
        }

        @Override
        public YamlScalar relocated(Location where) {
            return new YamlScalar(where, kind, text, value);
        }
    }
}
