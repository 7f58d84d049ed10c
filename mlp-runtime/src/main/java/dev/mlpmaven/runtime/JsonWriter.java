package dev.mlpmaven.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes plain Java values as pretty-printed JSON (two-space indent; arrays of plain values on one line):
 * {@code Map} (keys in its order), {@code List}, {@code String}, {@code Boolean}, integers, {@code Float} and
 * {@code Double} (finite only, as {@link Double#toString} of the double value), {@link Json.Num} (its text), and
 * {@code null} or {@link Json#NULL}.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();

    private JsonWriter() {
    }

    static String pretty(Object value) {
        JsonWriter w = new JsonWriter();
        w.value(value, 0);
        return w.out.append('\n').toString();
    }

    private void value(Object v, int indent) {
        if (v == null || v == Json.NULL) {
            out.append("null");
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int k = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                pad(indent + 1);
                string((String) e.getKey());
                out.append(": ");
                value(e.getValue(), indent + 1);
                out.append(++k < m.size() ? ",\n" : "\n");
            }
            pad(indent);
            out.append('}');
        } else if (v instanceof List<?> l) {
            boolean flat = l.stream().noneMatch(e -> e instanceof Map || e instanceof List);
            if (l.isEmpty() || flat) {
                out.append('[');
                for (int k = 0; k < l.size(); k++) {
                    if (k > 0) {
                        out.append(", ");
                    }
                    value(l.get(k), indent);
                }
                out.append(']');
                return;
            }
            out.append("[\n");
            for (int k = 0; k < l.size(); k++) {
                pad(indent + 1);
                value(l.get(k), indent + 1);
                out.append(k + 1 < l.size() ? ",\n" : "\n");
            }
            pad(indent);
            out.append(']');
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof BigInteger
                || v instanceof Json.Num || v instanceof BigDecimal) {
            out.append(v);
        } else if (v instanceof Float || v instanceof Double) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON: found " + d + ", expected a finite number");
            }
            out.append(Double.toString(d));
        } else {
            throw new IllegalArgumentException("JSON: cannot write a " + v.getClass().getName());
        }
    }

    private void pad(int indent) {
        out.append("  ".repeat(indent));
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
