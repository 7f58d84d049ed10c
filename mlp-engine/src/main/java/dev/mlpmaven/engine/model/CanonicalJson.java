package dev.mlpmaven.engine.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * Canonical JSON as RFC 8785 (JSON Canonicalization Scheme) defines it, through the reference implementation of its
 * authors (io.github.erdtman:java-json-canonicalization): object keys sorted by their UTF-16 code units at every
 * depth, no white space, strings with the minimal escapes, numbers in ECMAScript's shortest round-trip form
 * ({@code 1e-8}, {@code 0}, {@code 1e+21}). Any language with a JCS library gets the same text from the same tree,
 * and so the same SHA-256.
 *
 * <p>JCS reads every number as an IEEE-754 double, so the tree must be I-JSON: no NaN or infinity, and no integer
 * beyond ±(2^53 - 1), which a double cannot hold exactly (RFC 8785 section 3.2.2.3 asks for such values as strings).
 * Both are refused rather than rounded.
 */
public final class CanonicalJson {
    /** The largest integer a double holds exactly, 2^53 - 1. */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CanonicalJson() {
    }

    /** The RFC 8785 text of {@code node}. */
    public static String text(JsonNode node) {
        requireIJson(node, "$");
        try {
            return new JsonCanonicalizer(MAPPER.writeValueAsString(node)).getEncodedString();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot canonicalise JSON: " + e.getMessage(), e);
        }
    }

    /** {@code node} as the parse of its canonical text gives it (sorted keys, canonical number types). */
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

    /** Whether an integral value fits a double exactly (|v| <= 2^53 - 1). */
    public static boolean isSafeInteger(BigInteger v) {
        return v.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) <= 0;
    }

    private static void requireIJson(JsonNode node, String path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                requireIJson(e.getValue(), path + "." + e.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireIJson(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isIntegralNumber()) {
            if (!isSafeInteger(node.bigIntegerValue())) {
                throw new IllegalArgumentException(path + ": " + node.asText() + " is beyond +-(2^53 - 1), which"
                        + " RFC 8785 cannot hold exactly - write it as a string");
            }
        } else if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            throw new IllegalArgumentException(path + ": " + node.asText() + " is not a JSON number");
        }
    }
}
