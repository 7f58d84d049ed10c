package dev.mlpmaven.engine.predict;

import dev.mlpmaven.config.CsvSpec;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.runtime.MlpModel;
import dev.mlpmaven.runtime.TableInput;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PredictRun} on CSV files laid out as a training {@code csv} dataset may be: gzip and xz compressed
 * (written here with {@code java.util.zip} and Commons Compress), another delimiter, no header line (columns named
 * by index), scikit-learn's header; and the delimiters it refuses. The model is {@link PredictRunTest}'s
 * dark/bright one on a table of a number {@code size} and a category {@code colour}.
 */
class PredictCsvTest {
    static final String EXPECTED_HEADER = "input,label,predicted,probability,top1,top1_probability,top2,top2_probability";

    @TempDir
    Path tmp;

    final List<String> log = new ArrayList<>();

    static MlpModel model(String size, String colour) {
        TableInput table = new TableInput(List.of(new TableInput.Numeric(size, 0f, 1f),
                new TableInput.Categorical(colour, List.of("black", "white", "grey"))), TableInput.Unseen.ERROR,
                TableInput.Missing.ERROR);
        return MlpModel.of(table, List.of(PredictRunTest.OUT), PredictRunTest.CLASSES);
    }

    PredictRun.Result run(MlpModel model, Path input, String labelColumn, CsvFormat format) {
        return PredictRun.run(model, "m", input, null, labelColumn, format, tmp.resolve("out/m"), log::add);
    }

    void assertRefused(MlpModel model, Path input, String labelColumn, CsvFormat format, String message) {
        assertThatThrownBy(() -> run(model, input, labelColumn, format)).isInstanceOf(UserException.class)
                .hasMessage(message);
        assertThat(tmp.resolve("out/m/predictions.csv")).doesNotExist();
    }

    static Path gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    static Path xz(Path file, String text) throws IOException {
        try (OutputStream out = new XZCompressorOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    static final String ROWS = "id,size,colour,truth\n1,1,white,bright\n2,-2,black,dark\n";
    static final List<String> PREDICTED = List.of(EXPECTED_HEADER,
            "line 2,bright,bright,0.982014,bright,0.982014,dark,0.017986",
            "line 3,dark,dark,0.880797,dark,0.880797,bright,0.119203");

    @Test
    void gzip_and_xz_files_are_read_by_their_magic_bytes_whatever_their_name() throws IOException {
        MlpModel m = model("size", "colour");
        Path gz = gzip(tmp.resolve("rows.csv.gz"), ROWS);
        assertThat(Files.readAllBytes(gz)).startsWith((byte) 0x1f, (byte) 0x8b);
        assertThat(Files.readAllLines(run(m, gz, "truth", CsvFormat.DEFAULT).predictions())).isEqualTo(PREDICTED);
        assertThat(log.get(0)).isEqualTo("mlp: m: predicting 2 rows of " + gz + " (labelled)");

        Path xz = xz(tmp.resolve("rows.csv.xz"), ROWS);
        assertThat(Files.readAllBytes(xz)).startsWith((byte) 0xfd, (byte) '7', (byte) 'z', (byte) 'X', (byte) 'Z');
        assertThat(Files.readAllLines(run(m, xz, "truth", CsvFormat.DEFAULT).predictions())).isEqualTo(PREDICTED);

        Path gzipNamedCsv = gzip(tmp.resolve("gzip-inside.csv"), ROWS);
        assertThat(Files.readAllLines(run(m, gzipNamedCsv, "truth", CsvFormat.DEFAULT).predictions()))
                .isEqualTo(PREDICTED);
        Path plainNamedGz = Files.writeString(tmp.resolve("plain.csv.gz"), ROWS);
        assertThat(Files.readAllLines(run(m, plainNamedGz, "truth", CsvFormat.DEFAULT).predictions()))
                .isEqualTo(PREDICTED);

        byte[] whole = Files.readAllBytes(gzip(tmp.resolve("whole.csv.gz"), ROWS.repeat(50)));
        Path cut = Files.write(tmp.resolve("cut.csv.gz"), Arrays.copyOf(whole, whole.length / 2));
        Files.delete(tmp.resolve("out/m/predictions.csv"));
        assertRefused(m, cut, "truth", CsvFormat.DEFAULT, cut + ": found damaged gzip data (EOFException), "
                + "expected a complete archive or compressed file - the file is corrupt or cut short; "
                + "fetch it again");
        Path text = Files.writeString(tmp.resolve("rows.txt"), ROWS);
        assertRefused(m, text, null, CsvFormat.DEFAULT, text + ": found a file whose name is not .csv, but the "
                + "model's input is a table (" + m.input() + ") - give a CSV file (.csv, or compressed .csv.gz, "
                + ".csv.xz, .csv.bz2, .csv.zst)");
    }

    @Test
    void another_delimiter_is_applied_and_a_file_of_the_wrong_one_is_reported() throws IOException {
        MlpModel m = model("size", "colour");
        Path semicolons = Files.writeString(tmp.resolve("semi.csv"), ROWS.replace(',', ';'));
        assertThat(Files.readAllLines(run(m, semicolons, "truth", new CsvFormat(';', CsvSpec.Header.NAMES))
                .predictions())).isEqualTo(PREDICTED);
        Path tabs = Files.writeString(tmp.resolve("tabs.csv"), "size\tcolour\tnote\n1\twhite\t\"a, b\"\n");
        assertThat(Files.readAllLines(run(m, tabs, null, new CsvFormat('\t', CsvSpec.Header.NAMES)).predictions()))
                .containsExactly("input,predicted,probability,top1,top1_probability,top2,top2_probability",
                        "line 2,bright,0.982014,bright,0.982014,dark,0.017986");

        Files.delete(tmp.resolve("out/m/predictions.csv"));
        assertRefused(m, semicolons, "truth", CsvFormat.DEFAULT, semicolons + ": labelColumn 'truth': found no such "
                + "column, expected one of the header's columns: id;size;colour;truth");
        // the parser reports the line where it meets the end of the file, the quote still open
        Path quote = Files.writeString(tmp.resolve("quote.csv"), "size;colour\n1;\"white\n");
        assertRefused(m, quote, null, new CsvFormat(';', CsvSpec.Header.NAMES), quote + ": found malformed CSV at "
                + "line 3 (Missing closing quote for value), expected values separated by ';'");
    }

    @Test
    void without_a_header_line_the_columns_are_named_by_index_as_training_names_them() throws IOException {
        MlpModel m = model("1", "2");
        CsvFormat none = new CsvFormat(',', CsvSpec.Header.NONE);
        Path csv = Files.writeString(tmp.resolve("rows.csv"), "1,1,white,bright\n2,-2,black,dark\n");
        assertThat(Files.readAllLines(run(m, csv, "3", none).predictions())).containsExactly(EXPECTED_HEADER,
                "line 1,bright,bright,0.982014,bright,0.982014,dark,0.017986",
                "line 2,dark,dark,0.880797,dark,0.880797,bright,0.119203");

        Files.delete(tmp.resolve("out/m/predictions.csv"));
        assertRefused(m, csv, "truth", none, csv + ": labelColumn 'truth': found no such column, expected one of "
                + "the columns, named by index: 0, 1, 2, 3");
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "1,1,white,bright\n2,big,black,dark\n");
        assertRefused(m, bad, "3", none, bad + ": line 2: feature '1': found \"big\", expected a finite decimal "
                + "number such as -1.5 or 3e-2");
        Path empty = Files.writeString(tmp.resolve("empty.csv"), "");
        assertRefused(m, empty, null, none, empty + ": found no data rows, expected at least one row");
        Path named = Files.writeString(tmp.resolve("named.csv"), "a,b,c,d\n1,1,white,bright\n");
        assertRefused(m, named, null, CsvFormat.DEFAULT, named + ": line 2: row: feature '1' is missing - give a "
                + "value for each of the model's features: 1, 2");
    }

    @Test
    void scikit_learns_header_line_is_skipped_and_its_labels_are_class_indices() throws IOException {
        MlpModel m = model("0", "1");
        CsvFormat sklearn = new CsvFormat(',', CsvSpec.Header.SKLEARN);
        Path csv = Files.writeString(tmp.resolve("sk.csv"), "2,2,dark,bright\n1,white,1\n-2,black,0\n");
        assertThat(Files.readAllLines(run(m, csv, "2", sklearn).predictions())).isEqualTo(PREDICTED);
        Files.delete(tmp.resolve("out/m/predictions.csv"));
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "2,2,dark,bright\n1,white,1\n-2,black,bright\n");
        assertRefused(m, bad, "2", sklearn, bad + ": line 3: label 'bright' is not a class index of the model, "
                + "expected 0 to 1 (scikit-learn's header: the label is the index of the class in dark, bright)");
        Path empty = Files.writeString(tmp.resolve("empty.csv"), "0,2,dark,bright\n");
        assertRefused(m, empty, null, sklearn, empty + ": found no data rows, expected scikit-learn's header line "
                + "and at least one row");
    }

    @Test
    void a_delimiter_is_one_character_that_is_not_a_quote_or_a_line_break() {
        assertThat(CsvFormat.delimiter(";")).isEqualTo(';');
        assertThat(CsvFormat.delimiter("|")).isEqualTo('|');
        assertThat(CsvFormat.delimiter("\t")).isEqualTo('\t');
        assertThat(CsvFormat.delimiter("\\t")).isEqualTo('\t');
        for (String[] bad : new String[][] {{";;", ";;"}, {"", ""}, {"\"", "\""}, {"\n", "\\n"}, {"\r", "\\r"},
                {null, ""}}) {
            assertThatThrownBy(() -> CsvFormat.delimiter(bad[0])).isInstanceOf(UserException.class)
                    .hasMessage("csvDelimiter: found '" + bad[1] + "', expected one character that is not a quote or "
                            + "a line break (\\t for a tab)");
        }
    }
}
