package dev.mlpmaven.config;

import dev.mlpmaven.config.Shape.ObjectShape;
import dev.mlpmaven.config.Shape.ShortOrObject;
import dev.mlpmaven.config.YamlNode.Entry;
import dev.mlpmaven.config.YamlNode.YamlMap;
import dev.mlpmaven.config.YamlNode.YamlScalar;
import java.util.LinkedHashMap;
import java.util.Map;

/** Deep merge of experiment trees (for {@code extends} and overrides) and short-form expansion. */
final class Trees {
    private Trees() {
    }

    /**
     * {@code top} over {@code base}: mappings merge key by key, anything else in {@code top} replaces the base value
     * (lists too). A short form in the base ({@code dataset: mnist}) is expanded first so a mapping on top can add
     * to it; a short form on top replaces the whole value.
     */
    static YamlMap merge(YamlMap base, YamlMap top, ObjectShape shape) {
        Map<String, Entry> merged = new LinkedHashMap<>(base.entries());
        for (Map.Entry<String, Entry> e : top.entries().entrySet()) {
            Entry under = merged.get(e.getKey());
            Field field = shape == null ? null : shape.field(e.getKey());
            YamlNode value = e.getValue().value();
            if (under != null && value instanceof YamlMap topMap) {
                YamlNode baseValue = field == null ? under.value() : expandShort(under.value(), field.shape());
                if (baseValue instanceof YamlMap baseMap) {
                    value = merge(baseMap, topMap, field == null ? null : objectOf(field.shape()));
                }
            }
            merged.put(e.getKey(), new Entry(e.getValue().keyLocation(), value));
        }
        return new YamlMap(top.location(), merged);
    }

    /** {@code mnist} for a short-or-mapping key becomes {@code {name: mnist}}; anything else is returned as is. */
    static YamlNode expandShort(YamlNode node, Shape shape) {
        if (shape instanceof ShortOrObject so && node instanceof YamlScalar s && !s.isNull()) {
            Map<String, Entry> one = new LinkedHashMap<>();
            one.put(so.shortKey(), new Entry(s.location(), s));
            return new YamlMap(s.location(), one);
        }
        return node;
    }

    /** The mapping shape of a key, or null when its value is not a mapping. */
    static ObjectShape objectOf(Shape shape) {
        if (shape instanceof ObjectShape o) {
            return o;
        }
        if (shape instanceof ShortOrObject so) {
            return so.object();
        }
        return null;
    }

    static YamlMap without(YamlMap map, String key) {
        Map<String, Entry> rest = new LinkedHashMap<>(map.entries());
        rest.remove(key);
        return new YamlMap(map.location(), rest);
    }
}
