package dev.mlpmaven.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlpmaven.config.UserException;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Typed, checked access to the fields of a model manifest; every failure names the file and the field. */
final class ManifestFields {
    private final Path file;

    ManifestFields(Path file) {
        this.file = file;
    }

    UserException wrong(String field, String found, String expected) {
        return new UserException(String.format(ModelFile.FIELD_INVALID, file, field, found, expected));
    }

    UserException wrong(String field, JsonNode found, String expected) {
        return wrong(field, describe(found), expected);
    }

    JsonNode field(JsonNode parent, String parentPath, String key) {
        String path = parentPath.isEmpty() ? key : parentPath + "." + key;
        JsonNode node = parent.get(key);
        if (node == null) {
            throw new UserException(String.format(ModelFile.FIELD_MISSING, file, path));
        }
        return node;
    }

    static String path(String parentPath, String key) {
        return parentPath.isEmpty() ? key : parentPath + "." + key;
    }

    JsonNode object(JsonNode parent, String parentPath, String key) {
        JsonNode node = field(parent, parentPath, key);
        if (!node.isObject()) {
            throw wrong(path(parentPath, key), node, "an object");
        }
        return node;
    }

    JsonNode array(JsonNode parent, String parentPath, String key) {
        JsonNode node = field(parent, parentPath, key);
        if (!node.isArray()) {
            throw wrong(path(parentPath, key), node, "an array");
        }
        return node;
    }

    String string(JsonNode parent, String parentPath, String key) {
        JsonNode node = field(parent, parentPath, key);
        if (!node.isTextual()) {
            throw wrong(path(parentPath, key), node, "a string");
        }
        return node.textValue();
    }

    String nullableString(JsonNode parent, String parentPath, String key) {
        JsonNode node = field(parent, parentPath, key);
        if (node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrong(path(parentPath, key), node, "a string or null");
        }
        return node.textValue();
    }

    Boolean nullableBoolean(JsonNode parent, String parentPath, String key) {
        JsonNode node = field(parent, parentPath, key);
        if (node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw wrong(path(parentPath, key), node, "true, false or null");
        }
        return node.booleanValue();
    }

    long integer(JsonNode node, String path, long min, long max) {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw wrong(path, node, "an integer from " + min + " to " + max);
        }
        return node.longValue();
    }

    long integer(JsonNode parent, String parentPath, String key, long min, long max) {
        return integer(field(parent, parentPath, key), path(parentPath, key), min, max);
    }

    double finiteNumber(JsonNode parent, String parentPath, String key) {
        JsonNode node = field(parent, parentPath, key);
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw wrong(path(parentPath, key), node, "a finite number");
        }
        return node.doubleValue();
    }

    Instant nullableInstant(JsonNode parent, String parentPath, String key) {
        String text = nullableString(parent, parentPath, key);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw wrong(path(parentPath, key), '"' + text + '"', "an ISO-8601 UTC time such as 2026-01-31T12:00:00Z");
        }
    }

    /** A short description of a JSON value for messages: strings quoted and cut at 40 characters. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array of " + node.size();
        }
        String text = node.isTextual() ? '"' + node.textValue() + '"' : node.toString();
        return text.length() > 42 ? text.substring(0, 40) + "..." : text;
    }
}
