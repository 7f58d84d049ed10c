package dev.mlpmaven.engine.data;

import dev.mlpmaven.config.CsvSpec;
import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.ImageFolderSpec;
import dev.mlpmaven.config.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.mlpmaven.engine.data.IdxReaderTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFilesTest {
    @TempDir
    Path cache;

    private LoadedDataset resolve(DatasetSpec spec) {
        return new DatasetResolver(TestDatasets.options(cache), DataListener.SILENT).resolve(spec);
    }

    @Test
    void local_files_load_with_digit_class_names_by_default() {
        LoadedDataset data = resolve(DatasetSpec.localFiles(fixture("images.idx"), fixture("labels.idx"),
                fixture("images.idx.gz"), fixture("labels.idx.gz")));
        assertThat(data.name()).isEqualTo("local");
        assertThat(data.train().size()).isEqualTo(3);
        assertThat(data.inputSize()).isEqualTo(8);
        assertThat(data.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(data.contentSha256().get("train-images")).isEqualTo(data.contentSha256().get("test-images"));
        assertThat(data.origin()).containsEntry("test-labels", fixture("labels.idx.gz").toString());
    }

    @Test
    void local_files_keep_given_class_names_and_check_labels_against_them() {
        DatasetSpec spec = new DatasetSpec(null, fixture("images.idx"), fixture("labels.idx"), fixture("images.idx"),
                fixture("labels.idx"), List.of(), List.of(), List.of("a", "b", "c", "d"));
        assertThatThrownBy(() -> resolve(spec)).isInstanceOf(UserException.class)
                .hasMessage(fixture("labels.idx") + ": label of item 1: found 9, expected 0..3 (4 classes)");
    }

    @Test
    void local_files_with_different_counts_are_rejected() {
        DatasetSpec spec = DatasetSpec.localFiles(fixture("images.idx"), fixture("labels-two.idx"),
                fixture("images.idx"), fixture("labels.idx"));
        assertThatThrownBy(() -> resolve(spec)).isInstanceOf(UserException.class)
                .hasMessage(fixture("images.idx") + " and " + fixture("labels-two.idx") + ": found 3 images and 2"
                        + " labels, expected the same count - are they from the same split?");
    }

    @Test
    void missing_local_file_is_named_by_its_field() {
        Path missing = cache.resolve("nope.idx");
        DatasetSpec spec = DatasetSpec.localFiles(fixture("images.idx"), fixture("labels.idx"), missing,
                fixture("labels.idx"));
        assertThatThrownBy(() -> resolve(spec)).isInstanceOf(UserException.class)
                .hasMessage("dataset.testImages: found \"" + missing + "\", expected an existing IDX file (raw, gzip,"
                        + " xz, bzip2 or zstd) - check the path; relative paths are resolved against the experiment file's folder");
        DatasetSpec incomplete = DatasetSpec.localFiles(fixture("images.idx"), null, missing, fixture("labels.idx"));
        assertThatThrownBy(() -> resolve(incomplete)).isInstanceOf(UserException.class)
                .hasMessage("dataset.trainLabels: found nothing, expected the path of an IDX file - give all four"
                        + " local files or a dataset name");
    }

    @Test
    void missing_table_folder_or_archive_says_what_was_expected() {
        Path missing = cache.resolve("nope");
        String tail = " - check the path; relative paths are resolved against the experiment file's folder";
        DatasetSpec csv = DatasetSpec.csvTable(new CsvSpec(missing, null, null, CsvSpec.Header.NAMES, ',',
                CsvSpec.Column.named("label"), List.of(), "error", "error"), List.of(), 0.2, null);
        assertThatThrownBy(() -> resolve(csv)).isInstanceOf(UserException.class)
                .hasMessage("dataset.csv: found \"" + missing + "\", expected an existing CSV file (plain, gzip, xz,"
                        + " bzip2 or zstd)" + tail);
        DatasetSpec images = DatasetSpec.imageFolder(new ImageFolderSpec(missing, 1, 0, 0, false), List.of(), 0.2,
                null);
        assertThatThrownBy(() -> resolve(images)).isInstanceOf(UserException.class)
                .hasMessage("dataset.images: found \"" + missing + "\", expected an existing folder of class folders"
                        + " of images" + tail);
        assertThatThrownBy(() -> resolve(csv.inArchive(missing))).isInstanceOf(UserException.class)
                .hasMessage("dataset.archive: found \"" + missing + "\", expected an existing archive (zip or tar,"
                        + " plain or compressed)" + tail);
    }

    @Test
    void default_cache_is_per_user_unless_the_environment_says_otherwise() {
        assertThat(DataOptions.defaultCacheDir(java.util.Map.of(), "/home/ada"))
                .isEqualTo(Path.of("/home/ada/.cache/mlp-maven"));
        assertThat(DataOptions.defaultCacheDir(java.util.Map.of("MLP_CACHE_DIR", "/ci/cache"), "/home/ada"))
                .isEqualTo(Path.of("/ci/cache"));
    }

    @Test
    void proxy_is_bypassed_for_non_proxy_hosts() {
        ProxySettings proxy = new ProxySettings("proxy.corp", 3128, "ada", "secret",
                List.of("*.corp.example", "localhost", "10.*"));
        assertThat(proxy.bypasses("repo.corp.example")).isTrue();
        assertThat(proxy.bypasses("localhost")).isTrue();
        assertThat(proxy.bypasses("10.1.2.3")).isTrue();
        assertThat(proxy.bypasses("storage.googleapis.com")).isFalse();
        assertThat(proxy.toString()).doesNotContain("secret");
    }
}
