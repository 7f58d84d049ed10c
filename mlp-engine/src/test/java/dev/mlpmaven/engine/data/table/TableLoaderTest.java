package dev.mlpmaven.engine.data.table;

import dev.mlpmaven.config.CsvSpec;
import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.DataListener;
import dev.mlpmaven.engine.data.DataOptions;
import dev.mlpmaven.engine.data.DatasetResolver;
import dev.mlpmaven.engine.data.LoadedDataset;
import dev.mlpmaven.engine.data.archive.ArchiveFixtureGenerator;
import dev.mlpmaven.runtime.TableInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class TableLoaderTest {
    @TempDir
    Path tmp;

    private static CsvSpec spec(Path file, CsvSpec.Header header, CsvSpec.Column label, String missing,
                                String unseen, List<CsvSpec.Column> features) {
        return new CsvSpec(file, null, null, header, ',', label, features, missing, unseen);
    }

    private LoadedDataset load(DatasetSpec spec) {
        return new DatasetResolver(DataOptions.defaults().withCacheDir(tmp.resolve("cache")), DataListener.SILENT)
                .resolve(spec, 42);
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private String fails(DatasetSpec spec) {
        Throwable t = catchThrowable(() -> load(spec));
        assertThat(t).isInstanceOf(UserException.class);
        return t.getMessage().replace(tmp + "/", "");
    }

    private DatasetSpec one(Path file, String label) {
        return DatasetSpec.csvTable(spec(file, CsvSpec.Header.NAMES, CsvSpec.Column.named(label), "error", "error",
                List.of()), List.of(), 0.25, null);
    }

    private DatasetSpec two(Path train, Path test, String missing, String unseen) {
        return DatasetSpec.csvTable(new CsvSpec(null, train, test, CsvSpec.Header.NAMES, ',',
                CsvSpec.Column.named("kind"), List.of(), missing, unseen), List.of(), 0.0, null);
    }

    @Test
    void numeric_columns_are_standardised_and_text_columns_one_hot_with_training_statistics() throws IOException {
        Path train = write("train.csv", "size,color,kind\n1,red,a\n3,blue,b\n5,red,a\n7,blue,b\n");
        Path test = write("test.csv", "size,color,kind\n4,blue,a\n");
        LoadedDataset d = load(two(train, test, "error", "error"));
        TableInput in = (TableInput) d.input();
        assertThat(in.features()).containsExactly(new TableInput.Numeric("size", 4f, (float) Math.sqrt(5)),
                new TableInput.Categorical("color", List.of("blue", "red")));
        assertThat(d.classNames()).containsExactly("a", "b");
        float std = (float) Math.sqrt(5); // the runtime encodes (x - mean) / std in float
        assertThat(d.train().features().values()).containsExactly(
                (1f - 4f) / std, 0, 1, (3f - 4f) / std, 1, 0, (5f - 4f) / std, 0, 1, (7f - 4f) / std, 1, 0);
        assertThat(d.test().features().values()).containsExactly(0, 1, 0);
        assertThat(d.test().labels().label(0)).isZero();
        assertThat(d.contentSha256()).containsKeys("train-table", "test-table");
    }

    @Test
    void integer_labels_sort_as_numbers_and_the_split_is_stratified_and_seeded() throws IOException {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(',').append(i % 2 == 0 ? "10" : "9").append('\n');
        }
        Path file = write("t.csv", csv.toString());
        LoadedDataset a = load(one(file, "y"));
        assertThat(a.classNames()).containsExactly("9", "10");
        assertThat(a.test().size()).isEqualTo(10);
        int[] perClass = new int[2];
        for (int i = 0; i < a.test().size(); i++) {
            perClass[a.test().labels().label(i)]++;
        }
        assertThat(perClass).containsExactly(5, 5);
        assertThat(load(one(file, "y")).test().features().values()).containsExactly(a.test().features().values());
    }

    @Test
    void a_compressed_table_reads_like_the_plain_one() throws IOException {
        Path plain = tmp.resolve("t.csv");
        Files.write(plain, ArchiveFixtureGenerator.TABLE);
        Path packed = tmp.resolve("t-packed.csv");
        Files.write(packed, ArchiveFixtureGenerator.zstd(ArchiveFixtureGenerator.TABLE));
        LoadedDataset a = load(one(plain, "kind"));
        LoadedDataset b = load(one(packed, "kind"));
        assertThat(b.train().features().values()).containsExactly(a.train().features().values());
        assertThat(b.contentSha256().get("table")).isEqualTo(a.contentSha256().get("table"));
    }

    @Test
    void refuses_an_empty_value_naming_file_line_and_column() throws IOException {
        Path train = write("train.csv", "size,color,kind\n1,red,a\n,blue,b\n");
        assertThat(fails(two(train, train, "error", "error"))).isEqualTo("train.csv: line 3, column size: found an"
                + " empty value, expected a number - fill it in, or set dataset.missing: mean to use the training mean"
                + " (numbers) or no category (text)");
    }

    @Test
    void missing_mean_fills_the_training_mean() throws IOException {
        Path train = write("train.csv", "size,color,kind\n1,red,a\n,blue,b\n3,,a\n");
        LoadedDataset d = load(two(train, train, "mean", "error"));
        assertThat(d.train().features().values()).containsExactly(-1, 0, 1, 0, 1, 0, 1, 0, 0);
    }

    @Test
    void refuses_a_value_that_is_not_a_number_in_a_numeric_column() throws IOException {
        Path train = write("train.csv", "size,kind\n1,a\n2,b\n3,a\nbig,b\n");
        assertThat(fails(two(train, train, "error", "error"))).isEqualTo("train.csv: line 5, column size: found 'big'"
                + " in a numeric column (3 of 4 values are numbers), expected a number - fix the value, or leave the cell"
                + " empty with missing: mean");
    }

    @Test
    void refuses_a_test_value_that_is_not_a_number() throws IOException {
        Path train = write("train.csv", "size,kind\n1,a\n2,b\n");
        Path test = write("test.csv", "size,kind\n1e999,a\n");
        assertThat(fails(two(train, test, "error", "error"))).isEqualTo("test.csv: line 2: feature 'size': found"
                + " \"1e999\", expected a finite decimal number such as -1.5 or 3e-2");
    }

    @Test
    void an_unseen_category_is_an_error_or_all_zeros() throws IOException {
        Path train = write("train.csv", "color,kind\nred,a\nblue,b\n");
        Path test = write("test.csv", "color,kind\ngreen,a\n");
        assertThat(fails(two(train, test, "error", "error"))).isEqualTo("test.csv: line 2: feature 'color': found"
                + " \"green\", expected one of \"blue\", \"red\" (the categories seen in training) - the model was"
                + " trained with unseenCategory: error");
        assertThat(load(two(train, test, "error", "zero")).test().features().values()).containsExactly(0, 0);
    }

    @Test
    void refuses_a_row_with_too_few_values() throws IOException {
        Path train = write("train.csv", "size,color,kind\n1,red,a\n2,b\n");
        assertThat(fails(two(train, train, "error", "error"))).isEqualTo("train.csv: line 3: found 2 values,"
                + " expected 3 (the columns of the header line) - every row needs one value per column; check the"
                + " delimiter (dataset.delimiter) and quotes");
    }

    @Test
    void refuses_a_test_class_the_training_rows_never_had() throws IOException {
        Path train = write("train.csv", "size,kind\n1,a\n2,b\n");
        Path test = write("test.csv", "size,kind\n1,c\n");
        assertThat(fails(two(train, test, "error", "error"))).isEqualTo("test.csv: line 2, column kind: found class"
                + " 'c', expected a class of the training rows (train.csv) - a class the model never saw cannot be"
                + " tested");
    }

    @Test
    void refuses_an_empty_label() throws IOException {
        Path train = write("train.csv", "size,kind\n1,a\n2,\n");
        assertThat(fails(two(train, train, "error", "error"))).isEqualTo("train.csv: line 3, column kind: found an"
                + " empty label, expected a class - every row needs its class; remove the row or fill it in");
    }

    @Test
    void refuses_an_unknown_column() throws IOException {
        Path train = write("train.csv", "size,kind\n1,a\n2,b\n");
        assertThat(fails(one(train, "species"))).isEqualTo("dataset.label: found column 'species', expected a column"
                + " of train.csv (size, kind) - names are case-sensitive; indices start at 0");
    }

    @Test
    void refuses_a_duplicate_header_name() throws IOException {
        Path train = write("train.csv", "size,size,kind\n1,2,a\n");
        assertThat(fails(one(train, "kind"))).isEqualTo("train.csv: line 1: found column name 'size' at columns 0"
                + " and 1, expected distinct names - rename one of them");
    }

    @Test
    void refuses_a_table_without_rows() throws IOException {
        Path train = write("train.csv", "size,kind\n");
        assertThat(fails(one(train, "kind"))).isEqualTo("train.csv: found no rows, expected a header line and data"
                + " rows - is it the right file?");
    }

    @Test
    void refuses_bytes_that_are_not_utf8() throws IOException {
        Path train = tmp.resolve("train.csv");
        Files.write(train, new byte[] {'a', ',', 'k', '\n', (byte) 0xff, ',', 'x', '\n'});
        assertThat(fails(one(train, "k"))).startsWith("train.csv: found bytes that are not UTF-8 (")
                .endsWith("), expected UTF-8 text - save the table as UTF-8");
    }

    @Test
    void refuses_a_wrong_sklearn_header() throws IOException {
        Path train = write("train.csv", "3,2,x,y\n1,2,0\n3,4,1\n");
        DatasetSpec spec = DatasetSpec.csvTable(spec(train, CsvSpec.Header.SKLEARN, null, "error", "error", List.of()),
                List.of(), 0.25, null);
        assertThat(fails(spec)).isEqualTo("train.csv: line 1: found n_samples 3, expected 2 (the data rows) - the"
                + " header does not describe the table; is the file complete?");
        Path labels = write("labels.csv", "2,2,x,y\n1,2,0\n3,4,2\n");
        assertThat(fails(DatasetSpec.csvTable(spec(labels, CsvSpec.Header.SKLEARN, null, "error", "error", List.of()),
                List.of(), 0.25, null))).isEqualTo("labels.csv: line 3, column 2: found '2', expected a class index"
                + " from 0 to 1 (the header's classes: x, y)");
    }

    @Test
    void refuses_text_that_is_not_csv() throws IOException {
        Path train = write("train.csv", "size,kind\n1,a\n\"2,b\n");
        assertThat(fails(one(train, "kind"))).isEqualTo("train.csv: line 4: found text that is not CSV (Missing"
                + " closing quote for value), expected comma-separated values - check quotes and the delimiter"
                + " (dataset.delimiter)");
    }

    @Test
    void refuses_an_empty_header_name() throws IOException {
        Path train = write("train.csv", "size,,kind\n1,2,a\n");
        assertThat(fails(one(train, "kind"))).isEqualTo("train.csv: line 1: found an empty name for column 1,"
                + " expected a name - name every column, or set header: false");
    }

    @Test
    void refuses_a_table_without_the_sklearn_header_line() throws IOException {
        Path train = write("train.csv", "size,kind\n1,a\n");
        DatasetSpec spec = DatasetSpec.csvTable(spec(train, CsvSpec.Header.SKLEARN, null, "error", "error", List.of()),
                List.of(), 0.25, null);
        assertThat(fails(spec)).isEqualTo("train.csv: line 1: found 'size,kind', expected scikit-learn's header"
                + " n_samples,n_features,class names... - use header: true or header: false for other tables");
    }

    @Test
    void refuses_class_names_of_another_count_than_the_sklearn_header() throws IOException {
        Path train = write("train.csv", "2,2,x,y\n1,2,0\n3,4,1\n");
        DatasetSpec spec = DatasetSpec.csvTable(spec(train, CsvSpec.Header.SKLEARN, null, "error", "error", List.of()),
                List.of("only"), 0.25, null);
        assertThat(fails(spec)).isEqualTo("dataset.classNames: found 1 names, expected 2 (the classes of train.csv's"
                + " header: x, y) - give one name per class or remove classNames");
    }

    @Test
    void refuses_a_label_that_class_names_does_not_list() throws IOException {
        Path train = write("train.csv", "size,kind\n1,a\n2,b\n");
        DatasetSpec spec = DatasetSpec.csvTable(new CsvSpec(null, train, train, CsvSpec.Header.NAMES, ',',
                CsvSpec.Column.named("kind"), List.of(), "error", "error"), List.of("a"), 0.0, null);
        assertThat(fails(spec)).isEqualTo("train.csv: line 3, column kind: found class 'b', expected one of a"
                + " (dataset.classNames) - add it to classNames or fix the row");
    }

    @Test
    void refuses_a_class_name_without_training_rows() throws IOException {
        Path train = write("train.csv", "size,kind\n1,a\n2,b\n");
        DatasetSpec spec = DatasetSpec.csvTable(new CsvSpec(null, train, train, CsvSpec.Header.NAMES, ',',
                CsvSpec.Column.named("kind"), List.of(), "error", "error"), List.of("a", "b", "c"), 0.0, null);
        assertThat(fails(spec)).isEqualTo("dataset.classNames: found class 'c' without any row in train.csv, expected"
                + " every class among the training rows - remove it from classNames");
    }

    @Test
    void refuses_more_than_256_classes() throws IOException {
        StringBuilder csv = new StringBuilder("size,kind\n");
        for (int i = 0; i < 257; i++) {
            csv.append(i).append(",c").append(i).append('\n');
        }
        Path train = write("train.csv", csv.toString());
        assertThat(fails(two(train, train, "error", "error"))).isEqualTo("train.csv: found 257 classes in the label"
                + " column, expected at most 256 - is dataset.label the class column?");
    }

    @Test
    void refuses_a_feature_column_without_any_value() throws IOException {
        Path train = write("train.csv", "size,note,kind\n1,,a\n2,,b\n");
        assertThat(fails(two(train, train, "mean", "error"))).isEqualTo("train.csv: column note: found no value in any"
                + " training row, expected at least one - remove it from dataset.features");
    }

    @Test
    void refuses_a_text_column_with_more_than_1000_categories() throws IOException {
        StringBuilder csv = new StringBuilder("id,kind\n");
        for (int i = 0; i < 1001; i++) {
            csv.append("row").append(i).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Path train = write("train.csv", csv.toString());
        assertThat(fails(two(train, train, "error", "error"))).isEqualTo("train.csv: column id: found 1001 distinct"
                + " text values, expected at most 1000 categories - is it an identifier? leave it out of"
                + " dataset.features");
    }

    @Test
    void refuses_a_test_split_that_leaves_no_test_rows() throws IOException {
        Path train = write("train.csv", "size,kind\n1,a\n2,b\n");
        assertThat(fails(one(train, "kind"))).isEqualTo("train.csv: found 2 rows of 2 classes, expected enough rows"
                + " for testSplit 0.25 to leave training and test rows - use more rows or another testSplit");
    }

    @Test
    void refuses_a_test_table_with_other_columns() throws IOException {
        Path train = write("train.csv", "size,kind\n1,a\n2,b\n");
        Path test = write("test.csv", "size,type\n1,a\n");
        assertThat(fails(two(train, test, "error", "error"))).isEqualTo("test.csv: line 1: found the columns size,"
                + " type, expected the columns of train.csv (size, kind) - the test table needs the training table's"
                + " header, in the same order");
    }

    @Test
    void refuses_a_path_that_the_archive_does_not_hold() {
        Path archive = Path.of("src/test/resources/dev/mlpmaven/engine/data/archive/good.zip");
        DatasetSpec spec = DatasetSpec.csvTable(new CsvSpec(null, Path.of("flowers/train.csv"),
                Path.of("flowers/test.csv"), CsvSpec.Header.NAMES, ',', CsvSpec.Column.named("kind"), List.of(),
                "error", "error"), List.of(), 0.0, archive);
        assertThat(fails(spec)).isEqualTo("archive " + archive + ": found no file flowers/test.csv inside, expected it"
                + " among the entries (flowers/notes/readme.txt, flowers/train.csv) - paths inside the archive are"
                + " written as the archive lists them");
    }

    @Test
    void a_quoted_field_may_hold_the_delimiter_and_a_bom_is_skipped() throws IOException {
        Path train = tmp.resolve("train.csv");
        Files.write(train, ("\uFEFFname,kind\n\"a, b\",x\nc,y\n").getBytes(StandardCharsets.UTF_8));
        LoadedDataset d = load(two(train, train, "error", "error"));
        assertThat(((TableInput) d.input()).features())
                .containsExactly(new TableInput.Categorical("name", List.of("a, b", "c")));
    }

    // ---- scikit-learn's tables (python3-sklearn)

    static final Path SKLEARN = Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/data");

    static Path sklearn(String file) {
        Path p = SKLEARN.resolve(file);
        assertThat(p).as("scikit-learn's tables are missing: apt-get install -y python3-sklearn").isRegularFile();
        return p;
    }

    @Test
    void sklearn_iris_reads_with_its_header_classes() {
        LoadedDataset d = load(DatasetSpec.csvTable(spec(sklearn("iris.csv"), CsvSpec.Header.SKLEARN, null, "error",
                "error", List.of()), List.of(), 0.2, null));
        assertThat(d.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(d.train().size()).isEqualTo(120);
        assertThat(d.test().size()).isEqualTo(30);
        assertThat(((TableInput) d.input()).featureNames()).containsExactly("0", "1", "2", "3");
    }

    @Test
    void sklearn_digits_is_a_gzip_table_without_header() {
        LoadedDataset d = load(DatasetSpec.csvTable(spec(sklearn("digits.csv.gz"), CsvSpec.Header.NONE,
                CsvSpec.Column.at(64), "error", "error", List.of()), List.of(), 0.2, null));
        assertThat(d.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(d.train().size() + d.test().size()).isEqualTo(1797);
        assertThat(d.inputSize()).isEqualTo(64);
    }
}
