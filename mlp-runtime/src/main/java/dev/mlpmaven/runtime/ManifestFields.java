package dev.mlpmaven.runtime;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Typed, checked access to the fields of a parsed manifest; every failure names the file and the field path. */
final class ManifestFields {
    private final String source;

    ManifestFields(String source) {
        this.source = source;
    }

    ModelFileException wrong(String field, String found, String expected) {
        return new ModelFileException(String.format(java.util.Locale.ROOT, ModelFormat.FIELD_INVALID, source, field,
                found, expected));
    }

    ModelFileException wrongValue(String field, Object found, String expected) {
        return wrong(field, describe(found), expected);
    }

    static String path(String parentPath, String key) {
        return parentPath.isEmpty() ? key : parentPath + "." + key;
    }

    Object field(Map<String, Object> parent, String parentPath, String key) {
        Object node = parent.get(key);
        if (node == null) {
            throw new ModelFileException(String.format(ModelFormat.FIELD_MISSING, source, path(parentPath, key)));
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(Object node, String path) {
        if (!(node instanceof Map)) {
            throw wrongValue(path, node, "an object");
        }
        return (Map<String, Object>) node;
    }

    Map<String, Object> object(Map<String, Object> parent, String parentPath, String key) {
        return object(field(parent, parentPath, key), path(parentPath, key));
    }

    @SuppressWarnings("unchecked")
    List<Object> array(Map<String, Object> parent, String parentPath, String key) {
        Object node = field(parent, parentPath, key);
        if (!(node instanceof List)) {
            throw wrongValue(path(parentPath, key), node, "an array");
        }
        return (List<Object>) node;
    }

    String string(Object node, String path) {
        if (!(node instanceof String s)) {
            throw wrongValue(path, node, "a string");
        }
        return s;
    }

    String string(Map<String, Object> parent, String parentPath, String key) {
        return string(field(parent, parentPath, key), path(parentPath, key));
    }

    boolean bool(Map<String, Object> parent, String parentPath, String key) {
        Object node = field(parent, parentPath, key);
        if (!(node instanceof Boolean b)) {
            throw wrongValue(path(parentPath, key), node, "true or false");
        }
        return b;
    }

    long integer(Object node, String path, long min, long max) {
        if (node instanceof Json.Num n && n.integral()) {
            BigInteger v = n.bigInteger();
            if (v.compareTo(BigInteger.valueOf(min)) >= 0 && v.compareTo(BigInteger.valueOf(max)) <= 0) {
                return v.longValue();
            }
        }
        throw wrongValue(path, node, "an integer from " + min + " to " + max);
    }

    long integer(Map<String, Object> parent, String parentPath, String key, long min, long max) {
        return integer(field(parent, parentPath, key), path(parentPath, key), min, max);
    }

    double finiteNumber(Map<String, Object> parent, String parentPath, String key) {
        Object node = field(parent, parentPath, key);
        if (!(node instanceof Json.Num n) || !Double.isFinite(n.doubleValue())) {
            throw wrongValue(path(parentPath, key), node, "a finite number");
        }
        return n.doubleValue();
    }

    /** A short description of a JSON value for messages: strings quoted and cut at 40 characters. */
    static String describe(Object node) {
        if (node == null) {
            return "nothing";
        }
        if (node instanceof Map) {
            return "an object";
        }
        if (node instanceof List<?> l) {
            return "an array of " + l.size();
        }
        String text = node instanceof String s ? '"' + s + '"' : node.toString();
        return text.length() > 42 ? text.substring(0, 40) + "..." : text;
    }
}
