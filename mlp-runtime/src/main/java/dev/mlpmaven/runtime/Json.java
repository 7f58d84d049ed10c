package dev.mlpmaven.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser (RFC 8259) for model manifests; the JDK has none and the runtime has no dependency.
 *
 * <p>Values: an object is a {@code Map<String, Object>} (insertion order), an array a {@code List<Object>}, a string
 * a {@link String}, {@code true}/{@code false} a {@link Boolean}, {@code null} the {@link #NULL} marker (so a
 * present null is told apart from a missing key), a number a {@link Num} holding its source text.
 *
 * <p>Hostile input is refused in bounded time and memory: nesting at most {@link #MAX_DEPTH} levels (no deep
 * recursion), numbers at most {@link #MAX_NUMBER_CHARS} characters; the text itself is bounded by the caller (the
 * manifest length). Duplicate keys, anything after the value, control characters in strings, leading zeros,
 * {@code NaN} and comments are refused. Every failure is a {@link Failure} with a 1-based line and column and a
 * short reason.
 */
final class Json {
    /** The deepest nesting of arrays and objects accepted. */
    static final int MAX_DEPTH = 1000;
    /** The longest number accepted, in characters. */
    static final int MAX_NUMBER_CHARS = 1000;
    /** JSON {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A JSON number, kept as its text so that nothing is lost before the reader decides its type. */
    record Num(String text) {
        /** Whether the text has no fraction and no exponent. */
        boolean integral() {
            return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        }

        /** The exact integer value (only when {@link #integral()}). */
        BigInteger bigInteger() {
            return new BigInteger(text);
        }

        /** The nearest double (may be infinite for a huge exponent). */
        double doubleValue() {
            return Double.parseDouble(text);
        }

        /** A plain Java value: Long when it fits, BigInteger for other integers, else Double. */
        Object plain() {
            if (integral()) {
                BigInteger v = bigInteger();
                return v.bitLength() < 64 ? (Object) v.longValue() : v;
            }
            double d = doubleValue();
            return Double.isFinite(d) ? (Object) d : new BigDecimal(text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A syntax error or a limit reached, at a 1-based line and column. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;
        final String reason;
        final boolean limit;

        Failure(int line, int column, String reason, boolean limit) {
            super(reason + " at line " + line + ", column " + column, null, false, false);
            this.line = line;
            this.column = column;
            this.reason = reason;
            this.limit = limit;
        }
    }

    private final String text;
    private int pos;
    private int depth;

    private Json(String text) {
        this.text = text;
    }

    /** Parses one JSON value that makes up the whole text (white space around it allowed). */
    static Object parse(String text) throws Failure {
        Json p = new Json(text);
        p.skipSpace();
        Object value = p.value();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.fail(p.pos, "content after the JSON value");
        }
        return value;
    }

    private Object value() throws Failure {
        if (pos >= text.length()) {
            throw fail(pos, "unexpected end of the text");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return word("true", Boolean.TRUE);
            case 'f':
                return word("false", Boolean.FALSE);
            case 'n':
                return word("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw fail(pos, "unexpected " + describe(c));
        }
    }

    private void enter() throws Failure {
        if (++depth > MAX_DEPTH) {
            throw new Failure(line(pos), column(pos), "nesting deeper than " + MAX_DEPTH + " levels", true);
        }
    }

    private Map<String, Object> object() throws Failure {
        enter();
        pos++; // {
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw fail(pos, pos >= text.length() ? "unexpected end of the text" : "expected a key (a string) but found "
                        + describe(text.charAt(pos)));
            }
            int keyAt = pos;
            String key = string();
            if (map.containsKey(key)) {
                throw fail(keyAt, "duplicate key " + quoted(key));
            }
            skipSpace();
            expect(':');
            skipSpace();
            map.put(key, value());
            skipSpace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                depth--;
                return Collections.unmodifiableMap(map);
            } else {
                throw fail(pos, pos >= text.length() ? "unexpected end of the text" : "expected ',' or '}' but found "
                        + describe(c));
            }
        }
    }

    private List<Object> array() throws Failure {
        enter();
        pos++; // [
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value());
            skipSpace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                depth--;
                return Collections.unmodifiableList(list);
            } else {
                throw fail(pos, pos >= text.length() ? "unexpected end of the text" : "expected ',' or ']' but found "
                        + describe(c));
            }
        }
    }

    private String string() throws Failure {
        int start = pos;
        pos++; // "
        StringBuilder b = null;
        int run = pos;
        while (true) {
            if (pos >= text.length()) {
                throw fail(start, "unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = b == null ? text.substring(run, pos) : b.append(text, run, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw fail(pos, "a control character (U+" + String.format("%04X", (int) c) + ") in a string");
            }
            if (c == '\\') {
                if (b == null) {
                    b = new StringBuilder();
                }
                b.append(text, run, pos);
                pos++;
                if (pos >= text.length()) {
                    throw fail(start, "unterminated string");
                }
                char e = text.charAt(pos);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (pos + 4 >= text.length()) {
                            throw fail(pos - 1, "an incomplete \\u escape");
                        }
                        int v = 0;
                        for (int k = 1; k <= 4; k++) {
                            int d = Character.digit(text.charAt(pos + k), 16);
                            if (d < 0) {
                                throw fail(pos - 1, "an invalid \\u escape");
                            }
                            v = v * 16 + d;
                        }
                        b.append((char) v);
                        pos += 4;
                    }
                    default -> throw fail(pos - 1, "an invalid escape \\" + describeRaw(e));
                }
                pos++;
                run = pos;
                continue;
            }
            pos++;
        }
    }

    private Num number() throws Failure {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw fail(start, "a number with a leading zero");
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw fail(pos, pos >= text.length() ? "unexpected end of the text" : "expected a digit but found "
                    + describe(text.charAt(pos)));
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw fail(pos, "expected a digit after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw fail(pos, "expected a digit in the exponent");
            }
            digits();
        }
        if (pos - start > MAX_NUMBER_CHARS) {
            throw new Failure(line(start), column(start), "a number of " + (pos - start) + " characters (at most "
                    + MAX_NUMBER_CHARS + ")", true);
        }
        return new Num(text.substring(start, pos));
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object word(String word, Object value) throws Failure {
        if (!text.startsWith(word, pos)) {
            throw fail(pos, "unexpected " + describe(text.charAt(pos)));
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) throws Failure {
        if (peek() != c) {
            throw fail(pos, pos >= text.length() ? "unexpected end of the text"
                    : "expected '" + c + "' but found " + describe(text.charAt(pos)));
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private Failure fail(int at, String reason) {
        return new Failure(line(at), column(at), reason, false);
    }

    private int line(int at) {
        int line = 1;
        for (int i = 0; i < at && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private int column(int at) {
        int lineStart = text.lastIndexOf('\n', Math.min(at, text.length()) - 1) + 1;
        return at - lineStart + 1;
    }

    private static String describe(char c) {
        return "'" + describeRaw(c) + "'";
    }

    private static String describeRaw(char c) {
        return c < 0x20 || c > 0x7E ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }

    private static String quoted(String s) {
        return '"' + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + '"';
    }
}
