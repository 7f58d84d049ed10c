package dev.mlpmaven.engine.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Escaping and number formatting shared by the HTML and Markdown writers. */
final class Html {
    private Html() {
    }

    /** Escapes text for HTML element content and double- or single-quoted attribute values. */
    static String esc(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A number with {@code digits} decimals, or an em dash for NaN/infinite. */
    static String num(double v, int digits) {
        if (!Double.isFinite(v)) {
            return "\u2014";
        }
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** A fraction as a percentage with two decimals ("88.33%"), or an em dash. */
    static String pct(double fraction) {
        return Double.isFinite(fraction) ? num(fraction * 100, 2) + "%" : "\u2014";
    }

    /** A sort key for a table cell: the number, or an empty string for NaN (sorted last). */
    static String sortKey(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v) : "";
    }

    static String resource(String name) {
        try (InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("report resource " + name + ": not found on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
