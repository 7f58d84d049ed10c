package dev.mlpmaven.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.mlpmaven.config.YamlNode.Entry;
import dev.mlpmaven.config.YamlNode.Kind;
import dev.mlpmaven.config.YamlNode.YamlList;
import dev.mlpmaven.config.YamlNode.YamlMap;
import dev.mlpmaven.config.YamlNode.YamlScalar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one YAML document into a {@link YamlNode} tree where every key and value knows its line and column
 * (from the Jackson YAML parser's token locations). Syntax errors, duplicate keys, aliases, a second document
 * and an empty file become {@link Problem}s; a duplicate key is reported and parsing goes on, so every duplicate
 * in the file is listed (Jackson's STRICT_DUPLICATE_DETECTION would stop at the first one).
 */
final class YamlReader {
    static final String DOCUMENT = "(document)";

    /**
     * The largest experiment file, and the longest override value: experiment files are a few lines of settings.
     * The size is checked before anything is read, and SnakeYAML's code point limit and Jackson's string length
     * limit enforce it again while parsing, so a huge value fails at once instead of being scanned.
     */
    static final int MAX_BYTES = 256 * 1024;

    private static final YAMLFactory FACTORY = factory();

    private static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(true); // reported here, with both lines
        return YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_BYTES)
                        .maxNameLength(MAX_BYTES).maxNumberLength(1000).maxNestingDepth(100).build())
                .build();
    }

    private final String file;
    private final Path source;
    private final List<Problem> problems;

    private YamlReader(String file, Path source, List<Problem> problems) {
        this.file = file;
        this.source = source;
        this.problems = problems;
    }

    /**
     * Reads {@code path}; returns null (with problems added) when there is no usable document. Only a regular file
     * of at most {@value #MAX_BYTES} bytes is opened: a FIFO or a device is never read, a larger file is refused
     * before its first byte is read.
     */
    static YamlNode readFile(Path path, List<Problem> problems) {
        FileKind kind = FileKind.of(path);
        if (kind != FileKind.REGULAR) {
            problems.add(new Problem(path.toString(), 0, 0, DOCUMENT, String.format(Messages.NOT_A_FILE,
                    kind.words())));
            return null;
        }
        String text;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                problems.add(new Problem(path.toString(), 0, 0, DOCUMENT,
                        String.format(Messages.FILE_TOO_LARGE, size, MAX_BYTES)));
                return null;
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes(MAX_BYTES + 1); // the file may have grown since
            }
            if (bytes.length > MAX_BYTES) {
                problems.add(new Problem(path.toString(), 0, 0, DOCUMENT,
                        String.format(Messages.FILE_TOO_LARGE, Files.size(path), MAX_BYTES)));
                return null;
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(path.toString(), 1, 1, DOCUMENT, Messages.NOT_UTF8));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read experiment file " + path + ": " + FileKind.reason(e), e);
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
        if (text.length() > MAX_BYTES) {
            problems.add(where.problem(keyPath, String.format(Messages.OVERRIDE_TOO_LONG, text.length(), MAX_BYTES)));
            return null;
        }
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
        String tag = p.getTypeId() instanceof String id ? id : null;
        if (tag != null) {
            // a tag (!!java.net.URL, !!str, !custom) asks for a type the language does not have: refused, with
            // its value left unread
            p.skipChildren();
            return new YamlScalar(at, Kind.TAGGED, written(tag), null);
        }
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
                        problems.add(keyAt.problem(keyPath, String.format(Messages.DUPLICATE_KEY, KeyPaths.visible(key),
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
                    problems.add(at.problem(path, String.format(Messages.ALIAS, KeyPaths.visible(p.getText()))));
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

    /** A tag as the file wrote it: SnakeYAML expands {@code !!x} to {@code tag:yaml.org,2002:x}, Jackson drops '!'. */
    private static String written(String tag) {
        String core = "tag:yaml.org,2002:";
        return tag.startsWith(core) ? "!!" + tag.substring(core.length()) : "!" + tag;
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
        // SnakeYAML's problem names a character or a construct, never a line of the file; cut it all the same
        problem = problem == null ? "unreadable YAML" : KeyPaths.visible(problem.replaceAll("\\s+", " ").trim(), 120);
        problems.add(new Problem(file, line, column, DOCUMENT, String.format(Messages.SYNTAX, problem)));
    }

}
