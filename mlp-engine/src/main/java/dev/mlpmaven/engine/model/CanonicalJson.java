package dev.mlpmaven.engine.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * Canonical JSON: object keys sorted (by Java string order) at every depth, compact (no spaces), numbers as
 * Jackson writes them after a parse (integers as integers, other numbers as {@link Double#toString}).
 * Two equal trees have the same canonical text and so the same SHA-256.
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CanonicalJson() {
    }

    /** The canonical text of {@code node}. */
    public static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON tree", e);
        }
    }

    /** {@code node} with sorted keys, re-parsed so that numeric node types are the ones a parse gives. */
    public static JsonNode canonical(JsonNode node) {
        try {
            return MAPPER.readTree(text(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot re-read canonical JSON", e);
        }
    }

    /** SHA-256 (lower-case hex) of the UTF-8 bytes of {@link #text(JsonNode)}. */
    public static String sha256(JsonNode node) {
        return sha256(text(node).getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 (lower-case hex) of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode out = MAPPER.createObjectNode();
            for (String name : names) {
                out.set(name, sorted(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = MAPPER.createArrayNode();
            node.forEach(child -> out.add(sorted(child)));
            return out;
        }
        return node;
    }
}
