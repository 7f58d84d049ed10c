package dev.mlpmaven.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.mlpmaven.config.YamlNode.Entry;
import dev.mlpmaven.config.YamlNode.Kind;
import dev.mlpmaven.config.YamlNode.YamlList;
import dev.mlpmaven.config.YamlNode.YamlMap;
import dev.mlpmaven.config.YamlNode.YamlScalar;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into a {@link YamlNode} tree where every key and value knows its line and column
 * (from the Jackson YAML parser's token locations). Syntax errors, duplicate keys, aliases, a second document
 * and an empty file become {@link Problem}s; a duplicate key is reported and parsing goes on, so every duplicate
 * in the file is listed (Jackson's STRICT_DUPLICATE_DETECTION would stop at the first one).
 */
final class YamlReader {
    static final String DOCUMENT = "(document)";

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final String file;
    private final Path source;
    private final List<Problem> problems;

    private YamlReader(String file, Path source, List<Problem> problems) {
        this.file = file;
        this.source = source;
        this.problems = problems;
    }

    /** Reads {@code path}; returns null (with problems added) when there is no usable document. */
    static YamlNode readFile(Path path, List<Problem> problems) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            problems.add(new Problem(path.toString(), 1, 1, DOCUMENT, Messages.NOT_UTF8));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read experiment file " + path + ": " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark some editors write
        }
        YamlReader reader = new YamlReader(path.toString(), path, problems);
        YamlNode root = reader.read(new StringReader(text));
        if (root == null && problems.isEmpty()) {
            problems.add(new Problem(path.toString(), 1, 1, DOCUMENT, Messages.EMPTY_FILE));
        }
        return root;
    }

    /**
     * Reads an override's value text as YAML; every node gets {@code where}. Returns null with a problem when the
     * text is not YAML.
     */
    static YamlNode readValue(String text, Location where, String keyPath, String expected, List<Problem> problems) {
        List<Problem> found = new ArrayList<>();
        YamlNode node = new YamlReader(where.file(), where.source(), found).read(new StringReader(text));
        if (!found.isEmpty()) {
            problems.add(where.problem(keyPath,
                    String.format(Messages.OVERRIDE_NOT_YAML, KeyPaths.visible(text), expected)));
            return null;
        }
        return node == null ? new YamlScalar(where, Kind.NULL, "", null) : node.relocated(where);
    }

    private YamlNode read(Reader in) {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            YamlNode root = value(p, t, "");
            JsonToken next = p.nextToken();
            if (next != null) {
                Location at = location(p);
                problems.add(at.problem(DOCUMENT, Messages.SECOND_DOCUMENT));
            }
            return root;
        } catch (JsonProcessingException e) {
            syntaxError(e);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private YamlNode value(JsonParser p, JsonToken t, String path) throws IOException {
        Location at = location(p);
        switch (t) {
            case START_OBJECT: {
                Map<String, Entry> entries = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyAt = location(p);
                    String keyPath = KeyPaths.child(path, key);
                    YamlNode v = value(p, p.nextToken(), keyPath);
                    Entry first = entries.get(key);
                    if (first != null) {
                        problems.add(keyAt.problem(keyPath, String.format(Messages.DUPLICATE_KEY, key,
                                first.keyLocation().line())));
                    } else {
                        entries.put(key, new Entry(keyAt, v));
                    }
                }
                return new YamlMap(at, entries);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                JsonToken i;
                while ((i = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(value(p, i, path + "[" + items.size() + "]"));
                }
                return new YamlList(at, items);
            }
            case VALUE_STRING:
                if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                    problems.add(at.problem(path, String.format(Messages.ALIAS, p.getText())));
                    return new YamlScalar(at, Kind.NULL, "*" + p.getText(), null);
                }
                return new YamlScalar(at, Kind.STRING, p.getText(), p.getText());
            case VALUE_NUMBER_INT:
                return new YamlScalar(at, Kind.INTEGER, p.getText(), p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return new YamlScalar(at, Kind.FLOAT, p.getText(), floatValue(p.getText()));
            case VALUE_TRUE:
                return new YamlScalar(at, Kind.BOOLEAN, p.getText(), Boolean.TRUE);
            case VALUE_FALSE:
                return new YamlScalar(at, Kind.BOOLEAN, p.getText(), Boolean.FALSE);
            case VALUE_NULL:
                return new YamlScalar(at, Kind.NULL, p.getText(), null);
            default:
                throw new IllegalStateException("unexpected YAML token " + t + " at " + at);
        }
    }

    /** YAML floats include .inf and .nan, which Jackson cannot turn into a number; keep them as such. */
    private static Double floatValue(String text) {
        String t = text.replace("_", "");
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".inf")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals(".nan")) {
            return Double.NaN;
        }
        try {
            return new BigDecimal(t).doubleValue();
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private Location location(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return new Location(file, source, l.getLineNr(), l.getColumnNr());
    }

    private void syntaxError(JsonProcessingException e) {
        int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
        int column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
        String problem = e.getOriginalMessage();
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
            problem = m.getProblem();
            if (m.getContext() != null && m.getContextMark() != null) {
                problem = m.getContext() + " that starts at " + (m.getContextMark().getLine() + 1) + ":"
                        + (m.getContextMark().getColumn() + 1) + ": " + problem;
            }
            if (m.getProblemMark() != null) {
                line = m.getProblemMark().getLine() + 1;
                column = m.getProblemMark().getColumn() + 1;
            }
        } else if (problem != null && problem.startsWith("Expected a field name")) {
            problem = "a key that is a list or a mapping";
        }
        problem = problem == null ? "unreadable YAML" : problem.replaceAll("\\s+", " ").trim();
        problems.add(new Problem(file, line, column, DOCUMENT, String.format(Messages.SYNTAX, problem)));
    }

}
