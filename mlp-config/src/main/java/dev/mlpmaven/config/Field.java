package dev.mlpmaven.config;

import java.util.List;

/**
 * One key of the experiment language.
 *
 * @param name         the key as written in YAML
 * @param shape        what its value may be
 * @param defaultValue the value when the key is absent (Integer, Long, Double, Boolean, String, List), or null
 * @param defaultText  the default for the reference page when it is not a plain value (or null)
 * @param required     the key must be present
 * @param onlyFor      the values of the sibling {@code type} key this key applies to; empty = always
 * @param requiredFor  the values of the sibling {@code type} key that need this key
 * @param description  one sentence for the reference page and the JSON Schema
 * @param example      a YAML value, as it would follow "key: "
 * @param hint         what to do, appended to value problems (or null: "e.g. key: example")
 */
record Field(String name, Shape shape, Object defaultValue, String defaultText, boolean required,
             List<String> onlyFor, List<String> requiredFor, String description, String example, String hint) {

    Field {
        onlyFor = List.copyOf(onlyFor);
        requiredFor = List.copyOf(requiredFor);
    }

    static Field of(String name, Shape shape, String description, String example) {
        return new Field(name, shape, null, null, false, List.of(), List.of(), description, example, null);
    }

    Field defaultsTo(Object value) {
        return new Field(name, shape, value, defaultText, required, onlyFor, requiredFor, description, example, hint);
    }

    Field defaultText(String text) {
        return new Field(name, shape, defaultValue, text, required, onlyFor, requiredFor, description, example, hint);
    }

    Field mandatory() {
        return new Field(name, shape, defaultValue, defaultText, true, onlyFor, requiredFor, description, example,
                hint);
    }

    Field onlyFor(String... types) {
        return new Field(name, shape, defaultValue, defaultText, required, List.of(types), requiredFor, description,
                example, hint);
    }

    Field requiredFor(String... types) {
        return new Field(name, shape, defaultValue, defaultText, required, onlyFor, List.of(types), description,
                example, hint);
    }

    Field hint(String text) {
        return new Field(name, shape, defaultValue, defaultText, required, onlyFor, requiredFor, description, example,
                text);
    }

    /** "adam, adamw or rmsprop". */
    static String orList(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** "index.html and summary.md". */
    static String andList(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /** The hint for a bad value: the field's own, or "e.g. key: example". */
    String valueHint() {
        return hint != null ? hint : "e.g. " + name + ": " + example;
    }
}
