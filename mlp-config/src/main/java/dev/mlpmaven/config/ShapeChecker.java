package dev.mlpmaven.config;

import dev.mlpmaven.config.Shape.AnyShape;
import dev.mlpmaven.config.Shape.BoolShape;
import dev.mlpmaven.config.Shape.EnumShape;
import dev.mlpmaven.config.Shape.IntShape;
import dev.mlpmaven.config.Shape.ListShape;
import dev.mlpmaven.config.Shape.MapShape;
import dev.mlpmaven.config.Shape.NumberShape;
import dev.mlpmaven.config.Shape.ObjectShape;
import dev.mlpmaven.config.Shape.OneOf;
import dev.mlpmaven.config.Shape.ShortOrObject;
import dev.mlpmaven.config.Shape.StringShape;
import dev.mlpmaven.config.YamlNode.Entry;
import dev.mlpmaven.config.YamlNode.Kind;
import dev.mlpmaven.config.YamlNode.YamlList;
import dev.mlpmaven.config.YamlNode.YamlMap;
import dev.mlpmaven.config.YamlNode.YamlScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a tree against the shapes of {@link Language}: unknown keys, missing required keys, types, ranges, enum
 * values and patterns - exactly what the generated JSON Schema says. Every problem is collected; a value that
 * fails is remembered so the binder falls back to the default instead of reporting it twice.
 */
final class ShapeChecker {
    private final List<Problem> problems;
    private final Set<YamlNode> invalid = Collections.newSetFromMap(new IdentityHashMap<>());

    ShapeChecker(List<Problem> problems) {
        this.problems = problems;
    }

    boolean isInvalid(YamlNode node) {
        return invalid.contains(node);
    }

    void checkObject(YamlMap map, ObjectShape shape, String path) {
        for (Map.Entry<String, Entry> e : map.entries().entrySet()) {
            String key = e.getKey();
            Field field = shape.field(key);
            String keyPath = KeyPaths.child(path, key);
            if (field == null) {
                String hint = DidYouMean.closest(key, shape.names())
                        .map(s -> String.format(Messages.DID_YOU_MEAN, s))
                        .orElse(String.format(Messages.VALID_KEYS, String.join(", ", shape.names())));
                String of = path.isEmpty() ? "the experiment" : path;
                problems.add(e.getValue().keyLocation().problem(keyPath,
                        String.format(Messages.UNKNOWN_KEY, KeyPaths.visible(key), of, hint)));
            } else {
                check(e.getValue().value(), field, keyPath);
            }
        }
        for (Field f : shape.fields()) {
            YamlNode v = map.get(f.name());
            if (f.required() && (v == null || isNull(v))) {
                problems.add(map.location().problem(KeyPaths.child(path, f.name()),
                        String.format(Messages.MISSING, f.shape().expected(), f.valueHint())));
            }
        }
    }

    void check(YamlNode node, Field field, String path) {
        if (isNull(node)) {
            return; // absent: the default applies (a required key is reported by checkObject)
        }
        checkShape(node, field.shape(), field, path);
    }

    /** Returns false (and reports) when the node does not fit the shape. */
    private boolean checkShape(YamlNode node, Shape shape, Field field, String path) {
        boolean ok = fits(node, shape, field, path);
        if (!ok) {
            invalid.add(node);
        }
        return ok;
    }

    private boolean fits(YamlNode node, Shape shape, Field field, String path) {
        if (node instanceof YamlScalar t && t.kind() == Kind.TAGGED) {
            problems.add(t.location().problem(path, String.format(Messages.TAG, KeyPaths.visible(t.text()),
                    shape.expected())));
            return false;
        }
        if (shape instanceof AnyShape) {
            return true;
        }
        if (shape instanceof MapShape ms) {
            if (!(node instanceof YamlMap m)) {
                return wrongType(node, shape, field, path);
            }
            for (Map.Entry<String, Entry> e : m.entries().entrySet()) {
                YamlNode value = e.getValue().value();
                if (!isNull(value)) {
                    checkShape(value, ms.value(), field, KeyPaths.child(path, e.getKey()));
                }
            }
            return true;
        }
        if (shape instanceof ObjectShape o) {
            if (node instanceof YamlMap m) {
                checkObject(m, o, path);
                return true;
            }
            return wrongType(node, shape, field, path);
        }
        if (shape instanceof ShortOrObject so) {
            if (node instanceof YamlMap m) {
                checkObject(m, so.object(), path);
                return true;
            }
            if (node instanceof YamlScalar) {
                return checkShape(node, so.shortForm(), field, path);
            }
            return wrongType(node, shape, field, path);
        }
        if (shape instanceof OneOf o) {
            for (Shape option : o.options()) {
                if (new ShapeChecker(new java.util.ArrayList<>()).fits(node, option, field, path)) {
                    return true;
                }
            }
            return wrongType(node, shape, field, path);
        }
        if (shape instanceof ListShape l) {
            if (!(node instanceof YamlList list)) {
                return wrongType(node, shape, field, path);
            }
            if (!l.acceptsSize(list.items().size())) {
                problems.add(node.location().problem(path, String.format(Messages.FOUND_EXPECTED,
                        "a list of " + list.items().size(), shape.expected(), field.valueHint())));
                return false;
            }
            boolean all = true;
            for (int i = 0; i < list.items().size(); i++) {
                YamlNode item = list.items().get(i);
                String itemPath = path + "[" + i + "]";
                if (isNull(item)) {
                    problems.add(item.location().problem(itemPath, String.format(Messages.FOUND_EXPECTED,
                            "nothing", l.item().expected(), field.valueHint())));
                    invalid.add(item);
                    all = false;
                } else {
                    all &= checkShape(item, l.item(), field, itemPath);
                }
            }
            return all;
        }
        if (!(node instanceof YamlScalar s)) {
            return wrongType(node, shape, field, path);
        }
        if (shape instanceof IntShape i) {
            BigInteger value = integral(s);
            if (value == null) {
                return wrongType(node, shape, field, path);
            }
            if (value.compareTo(BigInteger.valueOf(i.min())) < 0 || value.compareTo(BigInteger.valueOf(i.max())) > 0) {
                return outOfRange(s, shape, field, path);
            }
            return true;
        }
        if (shape instanceof NumberShape n) {
            if (s.kind() != Kind.INTEGER && s.kind() != Kind.FLOAT) {
                return wrongType(node, shape, field, path);
            }
            return n.accepts(s.number()) || outOfRange(s, shape, field, path);
        }
        if (shape instanceof BoolShape) {
            return s.kind() == Kind.BOOLEAN || wrongType(node, shape, field, path);
        }
        if (shape instanceof StringShape str) {
            if (s.kind() != Kind.STRING) {
                return wrongType(node, shape, field, path);
            }
            if (str.maxLength() > 0 && s.text().length() > str.maxLength()) {
                problems.add(s.location().problem(path, String.format(Messages.NAME_TOO_LONG,
                        KeyPaths.visible(s.text()), str.maxLength())));
                return false;
            }
            // matches(), not find(): Java's $ also matches before a final line break, ECMA-262's does not
            if (str.pattern() != null && !Pattern.compile(str.pattern()).matcher(s.text()).matches()) {
                return outOfRange(s, shape, field, path);
            }
            if (str.isReserved(s.text())) {
                problems.add(s.location().problem(path, String.format(Messages.NAME_RESERVED,
                        KeyPaths.visible(s.text()), Field.andList(str.reserved()))));
                return false;
            }
            return true;
        }
        if (shape instanceof EnumShape e) {
            if (s.kind() == Kind.STRING && e.values().contains(s.text())) {
                return true;
            }
            String hint = s.kind() == Kind.STRING
                    ? DidYouMean.closest(s.text(), e.values()).map(x -> String.format(Messages.DID_YOU_MEAN, x))
                            .orElse(field.valueHint())
                    : field.valueHint();
            problems.add(s.location().problem(path,
                    String.format(Messages.FOUND_EXPECTED, found(s, false), shape.expected(), hint)));
            return false;
        }
        throw new IllegalStateException("unknown shape " + shape);
    }

    /** An integer, or a float with no fraction (JSON Schema counts 10.0 as an integer too); else null. */
    private static BigInteger integral(YamlScalar s) {
        if (s.kind() == Kind.INTEGER) {
            return s.integer();
        }
        if (s.kind() == Kind.FLOAT && Double.isFinite(s.number()) && s.number() == Math.rint(s.number())) {
            return BigDecimal.valueOf(s.number()).toBigInteger();
        }
        return null;
    }

    private boolean wrongType(YamlNode node, Shape shape, Field field, String path) {
        problems.add(node.location().problem(path,
                String.format(Messages.FOUND_EXPECTED, found(node, true), shape.expected(), field.valueHint())));
        return false;
    }

    private boolean outOfRange(YamlScalar s, Shape shape, Field field, String path) {
        problems.add(s.location().problem(path,
                String.format(Messages.FOUND_EXPECTED, found(s, false), shape.expected(), field.valueHint())));
        return false;
    }

    static boolean isNull(YamlNode node) {
        return node == null || node instanceof YamlScalar s && s.isNull();
    }

    /** What a value is, without quoting it: {@code a string}, {@code a number}, {@code a list}. */
    static String kind(YamlNode node) {
        if (node instanceof YamlMap) {
            return "a mapping";
        }
        if (node instanceof YamlList) {
            return "a list";
        }
        return switch (((YamlScalar) node).kind()) {
            case STRING -> "a string";
            case TAGGED -> "a YAML tag " + KeyPaths.visible(((YamlScalar) node).text());
            case INTEGER, FLOAT -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "nothing";
        };
    }

    /** How a value reads in "found ...": {@code string 'ten'}, {@code 1e-8}, {@code a mapping}. */
    static String found(YamlNode node, boolean withType) {
        if (node instanceof YamlMap) {
            return "a mapping";
        }
        if (node instanceof YamlList) {
            return "a list";
        }
        YamlScalar s = (YamlScalar) node;
        return switch (s.kind()) {
            case STRING -> (withType ? "string '" : "'") + KeyPaths.visible(s.text()) + "'";
            case TAGGED -> "a YAML tag " + KeyPaths.visible(s.text());
            case NULL -> "nothing";
            default -> KeyPaths.visible(s.text());
        };
    }
}
