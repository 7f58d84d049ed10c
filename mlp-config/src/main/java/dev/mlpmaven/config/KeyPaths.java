package dev.mlpmaven.config;

/** Dotted key paths as messages show them: {@code optimizer.schedule.type}, {@code model.layers[0].units}. */
final class KeyPaths {
    /** Messages quote at most this many characters of a value or key; the rest is counted, not shown. */
    static final int MAX_QUOTED = 40;
    /** Messages show at most this many characters of a path. */
    static final int MAX_PATH = 200;

    private KeyPaths() {
    }

    /** {@code parent.key}; a key as long as a file is cut like any quoted text, so a message stays a line. */
    static String child(String parent, String key) {
        String k = key.length() > MAX_QUOTED ? visible(key) : key;
        return parent.isEmpty() ? k : parent + "." + k;
    }

    /**
     * Text as messages quote it: control characters (a tab, a NUL) written as escapes so the line stays one line,
     * and cut after {@value #MAX_QUOTED} characters: {@code aaaa... (300299 characters)}.
     */
    static String visible(String text) {
        return visible(text, MAX_QUOTED);
    }

    /** A path as messages show it: {@link #visible(String)}, cut after {@value #MAX_PATH} characters. */
    static String path(Object path) {
        return visible(String.valueOf(path), MAX_PATH);
    }

    static String visible(String text, int max) {
        boolean cut = text.length() > max;
        String shown = cut ? text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max)
                : text;
        StringBuilder out = new StringBuilder();
        for (char c : shown.toCharArray()) {
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (cut) {
            out.append("... (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }
}
