package dev.mlpmaven.engine.data.table;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlpmaven.config.CsvSpec;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.archive.ArchiveLimits;
import dev.mlpmaven.engine.data.archive.CompressedFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static dev.mlpmaven.engine.data.table.TableMessages.*;

/**
 * A CSV file read into text cells with Jackson's CSV data format (RFC 4180 quoting, the configured delimiter), as
 * UTF-8 (a byte order mark is skipped), plain or compressed (gzip, xz, bzip2, zstd by magic bytes). Empty lines are
 * skipped; every row must have as many values as the first. Values are kept as written, trimmed.
 *
 * @param name          the file as messages name it
 * @param columns       the column names: the header line's, or "0", "1", ... without one (and for sklearn's header)
 * @param rows          the data rows, each {@code columns.size()} values
 * @param lines         the line each data row starts on (1-based), for messages
 * @param sklearnClasses the class names of scikit-learn's header line, or an empty list
 * @param contentSha256 SHA-256 of the decompressed bytes
 */
record CsvTable(String name, List<String> columns, List<String[]> rows, int[] lines, List<String> sklearnClasses,
                String contentSha256) {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    /** Equal when every component is, the rows and lines by content (a record's own equals compares by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof CsvTable o && Objects.equals(name, o.name) && Objects.equals(columns, o.columns)
                && Arrays.deepEquals(rows.toArray(), o.rows.toArray()) && Arrays.equals(lines, o.lines)
                && Objects.equals(sklearnClasses, o.sklearnClasses) && Objects.equals(contentSha256, o.contentSha256);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hash(name, columns, sklearnClasses, contentSha256)
                + Arrays.deepHashCode(rows.toArray())) + Arrays.hashCode(lines);
    }

    /** The components, the rows and lines by their counts. */
    @Override
    public String toString() {
        return "CsvTable[name=" + name + ", columns=" + columns + ", rows=" + rows.size() + " rows, lines=int["
                + lines.length + "], sklearnClasses=" + sklearnClasses + ", contentSha256=" + contentSha256 + "]";
    }

    static CsvTable read(Path file, String name, CsvSpec spec, ArchiveLimits limits) {
        MessageDigest sha = sha256();
        try (CompressedFiles.Opened opened = CompressedFiles.open(file, limits);
             InputStream content = new DigestInputStream(opened.content(), sha);
             Reader reader = new InputStreamReader(skipBom(content), StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(spec.delimiter()).withQuoteChar('"');
            List<String[]> raw = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            try (CsvParser p = (CsvParser) MAPPER.getFactory().createParser(reader)) {
                p.setSchema(schema);
                List<String> row = new ArrayList<>();
                int line = 0;
                JsonToken t;
                while ((t = next(p, name)) != null) {
                    if (t == JsonToken.START_ARRAY) {
                        row.clear();
                    } else if (t == JsonToken.VALUE_STRING) {
                        if (row.isEmpty()) {
                            line = p.currentTokenLocation().getLineNr(); // where the row's first value starts
                        }
                        row.add(p.getText().strip());
                    } else if (t == JsonToken.END_ARRAY) {
                        raw.add(row.toArray(new String[0]));
                        lines.add(line);
                    }
                }
                content.transferTo(java.io.OutputStream.nullOutputStream()); // hash every byte
            }
            return build(name, spec, raw, lines, HexFormat.of().formatHex(sha.digest()));
        } catch (CharacterCodingException e) {
            throw new UserException(String.format(Locale.ROOT, NOT_UTF8, name, e), e);
        } catch (IOException e) {
            throw new UserException(String.format(Locale.ROOT, "%s: could not read the file (%s)", name, e), e);
        }
    }

    private static JsonToken next(CsvParser p, String name) throws IOException {
        try {
            return p.nextToken();
        } catch (StreamReadException e) {
            if (e.getCause() instanceof CharacterCodingException c) {
                throw c;
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new UserException(String.format(Locale.ROOT, NOT_CSV, name, line, e.getOriginalMessage()), e);
        }
    }

    private static CsvTable build(String name, CsvSpec spec, List<String[]> raw, List<Integer> lineList,
                                  String sha) {
        if (raw.isEmpty() || spec.header() != CsvSpec.Header.NONE && raw.size() == 1) {
            throw new UserException(String.format(Locale.ROOT, EMPTY, name));
        }
        int first = spec.header() == CsvSpec.Header.NONE ? 0 : 1;
        int width = raw.get(first).length;
        List<String> columns = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        switch (spec.header()) {
            case NAMES -> {
                String[] header = raw.get(0);
                for (int i = 0; i < header.length; i++) {
                    if (header[i].isEmpty()) {
                        throw new UserException(String.format(Locale.ROOT, HEADER_EMPTY, name, i));
                    }
                    int earlier = columns.indexOf(header[i]);
                    if (earlier >= 0) {
                        throw new UserException(String.format(Locale.ROOT, HEADER_TWICE, name, header[i], earlier, i));
                    }
                    columns.add(header[i]);
                }
                width = header.length;
            }
            case NONE -> {
                for (int i = 0; i < width; i++) {
                    columns.add(Integer.toString(i));
                }
            }
            case SKLEARN -> {
                String[] header = raw.get(0);
                if (header.length < 3 || !header[0].matches("[0-9]{1,9}") || !header[1].matches("[0-9]{1,9}")) {
                    throw new UserException(String.format(Locale.ROOT, SKLEARN_HEADER, name,
                            cut(String.join(",", header))));
                }
                int samples = Integer.parseInt(header[0]);
                int features = Integer.parseInt(header[1]);
                if (features + 1 != width) {
                    throw new UserException(String.format(Locale.ROOT, SKLEARN_COUNT, name, "n_features", features,
                            width - 1, "the values of a row but the label"));
                }
                if (samples != raw.size() - 1) {
                    throw new UserException(String.format(Locale.ROOT, SKLEARN_COUNT, name, "n_samples", samples,
                            raw.size() - 1, "the data rows"));
                }
                for (int i = 0; i < width; i++) {
                    columns.add(Integer.toString(i));
                }
                classes.addAll(List.of(header).subList(2, header.length));
            }
            default -> throw new IllegalStateException();
        }
        List<String[]> rows = new ArrayList<>(raw.size() - first);
        int[] lines = new int[raw.size() - first];
        for (int r = first; r < raw.size(); r++) {
            String[] row = raw.get(r);
            if (row.length != width) {
                throw new UserException(String.format(Locale.ROOT, WRONG_WIDTH, name, lineList.get(r), row.length,
                        width, first == 1 && spec.header() == CsvSpec.Header.NAMES ? "the columns of the header line"
                                : "the values of the first row"));
            }
            rows.add(row);
            lines[r - first] = lineList.get(r);
        }
        return new CsvTable(name, List.copyOf(columns), rows, lines, List.copyOf(classes), sha);
    }

    /** Skips a UTF-8 byte order mark. */
    private static InputStream skipBom(InputStream in) throws IOException {
        java.io.PushbackInputStream p = new java.io.PushbackInputStream(in, 3);
        byte[] head = new byte[3];
        int n = p.readNBytes(head, 0, 3);
        if (!(n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            p.unread(head, 0, n);
        }
        return p;
    }

    static String cut(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The index of a column given by name or index, or -1. */
    int indexOf(CsvSpec.Column c) {
        if (c.name() != null) {
            return columns.indexOf(c.name());
        }
        return c.index() < columns.size() ? c.index() : -1;
    }
}
