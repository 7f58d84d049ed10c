package dev.mlpmaven.config;

import dev.mlpmaven.config.Shape.EnumShape;
import dev.mlpmaven.config.Shape.ObjectShape;
import dev.mlpmaven.config.Shape.ShortOrObject;
import dev.mlpmaven.config.Shape.StringShape;
import dev.mlpmaven.config.YamlNode.Entry;
import dev.mlpmaven.config.YamlNode.Kind;
import dev.mlpmaven.config.YamlNode.YamlMap;
import dev.mlpmaven.config.YamlNode.YamlScalar;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Command-line overrides ({@code -Dmlp.set.training.epochs=1} arrives as {@code training.epochs -> 1}), applied
 * after {@code extends}. The key path must exist in {@link Language}; the value is read as YAML (text keys take it
 * as written) and then checked like a value from the file, with {@code <override mlp.set.key>} as its place.
 */
final class Overrides {
    private Overrides() {
    }

    static YamlMap apply(YamlMap root, Map<String, String> overrides, Path experimentFile, List<Problem> problems) {
        YamlMap result = root;
        for (Map.Entry<String, String> o : new TreeMap<>(overrides).entrySet()) {
            String keyPath = o.getKey();
            Location where = new Location(String.format(Messages.OVERRIDE_FILE, keyPath), experimentFile, 0, 0);
            YamlMap next = applyOne(result, keyPath, o.getValue(), where, problems);
            if (next != null) {
                result = next;
            }
        }
        return result;
    }

    private static YamlMap applyOne(YamlMap root, String keyPath, String text, Location where,
                                    List<Problem> problems) {
        String[] segments = keyPath.split("\\.", -1);
        ObjectShape shape = Language.ROOT;
        Field field = null;
        String path = "";
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (i == 0 && segment.equals(Language.EXTENDS.name())) {
                problems.add(where.problem(keyPath, Messages.OVERRIDE_EXTENDS));
                return null;
            }
            if (shape == null) {
                problems.add(where.problem(keyPath, String.format(Messages.OVERRIDE_BELOW_VALUE, path,
                        field.shape().expected(), path)));
                return null;
            }
            field = shape.field(segment);
            String segmentPath = KeyPaths.child(path, segment);
            if (field == null) {
                String hint = DidYouMean.closest(segment, shape.names())
                        .map(s -> String.format(Messages.DID_YOU_MEAN, s))
                        .orElse(String.format(Messages.VALID_KEYS, String.join(", ", shape.names())));
                String of = path.isEmpty() ? "the experiment" : path;
                problems.add(where.problem(segmentPath, String.format(Messages.UNKNOWN_KEY, KeyPaths.visible(segment), of, hint)));
                return null;
            }
            path = segmentPath;
            shape = Trees.objectOf(field.shape());
        }
        if (text == null || text.isBlank()) {
            problems.add(where.problem(keyPath,
                    String.format(Messages.OVERRIDE_EMPTY, field.shape().expected(), keyPath)));
            return null;
        }
        YamlNode value = takesTextAsIs(field.shape(), text)
                ? new YamlScalar(where, Kind.STRING, text, text)
                : YamlReader.readValue(text, where, keyPath, field.shape().expected(), problems);
        if (value == null) {
            return null;
        }
        return set(root, segments, 0, value, where, Language.ROOT, true);
    }

    /** Text keys (a name, an enum, a path) take the value as written, so {@code name=2024} stays text. */
    private static boolean takesTextAsIs(Shape shape, String text) {
        if (shape instanceof StringShape || shape instanceof EnumShape) {
            return true;
        }
        return shape instanceof ShortOrObject && !text.strip().startsWith("{");
    }

    /**
     * A copy of {@code map} with the value set at the path, creating or expanding mappings on the way; a mapping
     * merges into the mapping it lands on when {@code merge} is true (overrides), and replaces it otherwise
     * (the values of a sweep trial).
     */
    static YamlMap set(YamlMap map, String[] segments, int i, YamlNode value, Location where, ObjectShape shape,
                       boolean merge) {
        Map<String, Entry> entries = new LinkedHashMap<>(map.entries());
        String key = segments[i];
        Field field = shape.field(key);
        Entry old = entries.get(key);
        YamlNode newValue;
        if (i == segments.length - 1) {
            YamlNode under = old == null ? null : Trees.expandShort(old.value(), field.shape());
            ObjectShape inner = Trees.objectOf(field.shape());
            newValue = merge && under instanceof YamlMap u && value instanceof YamlMap v && inner != null
                    ? Trees.merge(u, v, inner) : value;
        } else {
            YamlNode under = old == null ? null : Trees.expandShort(old.value(), field.shape());
            YamlMap child = under instanceof YamlMap m ? m : new YamlMap(where, Map.of());
            newValue = set(child, segments, i + 1, value, where, Trees.objectOf(field.shape()), merge);
        }
        entries.put(key, new Entry(old == null ? where : old.keyLocation(), newValue));
        return new YamlMap(map.location(), entries);
    }
}
