package dev.mlpmaven.plugin.fork;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an {@code argLine} ("-Xmx4g -Dname='a b'") into JVM arguments: whitespace separates, single or double
 * quotes group (and are removed), as a shell would for these simple cases.
 */
public final class ArgLine {
    private ArgLine() {
    }

    /** An argLine with a quote that is never closed; the plugin turns it into the user's mistake. */
    public static final class UnclosedQuoteException extends IllegalArgumentException {
        private final char quote;

        UnclosedQuoteException(char quote, String argLine) {
            super("argLine [" + argLine + "]: found an unclosed " + quote + " quote, expected quotes in pairs");
            this.quote = quote;
        }

        /** The quote character that is not closed. */
        public char quote() {
            return quote;
        }
    }

    public static List<String> split(String argLine) {
        List<String> out = new ArrayList<>();
        if (argLine == null) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < argLine.length(); i++) {
            char c = argLine.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    out.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (quote != 0) {
            throw new UnclosedQuoteException(quote, argLine);
        }
        if (inToken) {
            out.add(current.toString());
        }
        return out;
    }
}
