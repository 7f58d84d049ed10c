package dev.mlpmaven.engine.data;

import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.mlpmaven.engine.data.IdxReaderTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Local files with a separate validation set: read and checked like the other four files. */
class ValidationSetFilesTest {
    /** 2 images of 2x4 pixels, labels 1 and 3. */
    private static final byte[] IMAGES = IdxFixtureGenerator.images(IdxReader.IMAGES_MAGIC, 2, 2, 4,
            new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 2, 3, 4, 5, 6, 7, 8});
    private static final byte[] LABELS = IdxFixtureGenerator.labels(IdxReader.LABELS_MAGIC, 2, new byte[] {1, 3});

    @TempDir
    Path dir;

    private LoadedDataset resolve(DatasetSpec spec) {
        return new DatasetResolver(TestDatasets.options(dir.resolve("cache")), DataListener.SILENT).resolve(spec);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static DatasetSpec spec(Path validationImages, Path validationLabels) {
        return new DatasetSpec(null, fixture("images.idx"), fixture("labels.idx"), fixture("images.idx.gz"),
                fixture("labels.idx.gz"), List.of(), List.of(), List.of(), validationImages, validationLabels);
    }

    @Test
    void validation_files_are_read_hashed_and_recorded() throws IOException {
        Path images = write("val-images.idx.gz", IdxFixtureGenerator.gzip(IMAGES));
        Path labels = write("val-labels.idx", LABELS);
        LoadedDataset data = resolve(spec(images, labels));
        assertThat(data.hasValidationSet()).isTrue();
        assertThat(data.validation().size()).isEqualTo(2);
        assertThat(data.validation().images().pixels()).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1, 2, 3, 4, 5, 6,
                7, 8);
        assertThat(data.validation().labels().labels()).containsExactly(1, 3);
        assertThat(data.train().size()).isEqualTo(3);
        // the hash is of the decompressed content, like the other files
        assertThat(data.contentSha256()).containsEntry("validation-images", TestDatasets.sha(IMAGES))
                .containsEntry("validation-labels", TestDatasets.sha(LABELS))
                .containsKeys("train-images", "train-labels", "test-images", "test-labels");
        assertThat(data.origin()).containsEntry("validation-images", images.toString())
                .containsEntry("validation-labels", labels.toString());
    }

    @Test
    void local_files_without_validation_keys_have_no_validation_set() {
        LoadedDataset data = resolve(spec(null, null));
        assertThat(data.hasValidationSet()).isFalse();
        assertThat(data.validation()).isNull();
        assertThat(data.contentSha256()).doesNotContainKey("validation-images");
    }

    @Test
    void validation_images_of_another_size_are_rejected() throws IOException {
        Path images = write("val-images.idx", IdxFixtureGenerator.images(IdxReader.IMAGES_MAGIC, 2, 4, 2,
                new byte[16]));
        Path labels = write("val-labels.idx", LABELS);
        assertThatThrownBy(() -> resolve(spec(images, labels))).isInstanceOf(UserException.class)
                .hasMessage(fixture("images.idx") + " and " + images + ": found images of 2x4 and 4x2, expected the"
                        + " same size - are they from the same dataset?");
    }

    @Test
    void validation_labels_beyond_the_classes_are_rejected() throws IOException {
        Path images = write("val-images.idx", IMAGES);
        Path labels = write("val-labels.idx", IdxFixtureGenerator.labels(IdxReader.LABELS_MAGIC, 2,
                new byte[] {0, 10}));
        // the training and test labels go up to 9: ten classes
        assertThatThrownBy(() -> resolve(spec(images, labels))).isInstanceOf(UserException.class)
                .hasMessage(labels + ": label of item 1: found 10, expected 0..9 (10 classes)");
    }

    @Test
    void validation_counts_must_agree() throws IOException {
        Path images = write("val-images.idx", IMAGES);
        Path labels = write("val-labels.idx", IdxFixtureGenerator.labels(IdxReader.LABELS_MAGIC, 1, new byte[] {1}));
        assertThatThrownBy(() -> resolve(spec(images, labels))).isInstanceOf(UserException.class)
                .hasMessage(images + " and " + labels + ": found 2 images and 1 labels, expected the same count"
                        + " - are they from the same split?");
    }

    @Test
    void missing_validation_file_is_named_by_its_field() throws IOException {
        Path images = write("val-images.idx", IMAGES);
        Path missing = dir.resolve("nope.idx");
        assertThatThrownBy(() -> resolve(spec(images, missing))).isInstanceOf(UserException.class)
                .hasMessage("dataset.validationLabels: found \"" + missing + "\", expected an existing IDX file (raw, gzip,"
                        + " xz, bzip2 or zstd) - check the path; relative paths are resolved against the experiment file's"
                        + " folder");
    }

    @Test
    void broken_validation_file_fails_with_the_reader_message() {
        assertThatThrownBy(() -> resolve(spec(fixture("images-truncated.idx"), fixture("labels.idx"))))
                .isInstanceOf(UserException.class)
                .hasMessageStartingWith(fixture("images-truncated.idx") + ": ");
    }
}
