package dev.mlpmaven.config;

/** Dotted key paths as messages show them: {@code optimizer.schedule.type}, {@code model.layers[0].units}. */
final class KeyPaths {
    private KeyPaths() {
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String orDocument(String path) {
        return path.isEmpty() ? YamlReader.DOCUMENT : path;
    }
}
