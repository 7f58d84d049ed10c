package dev.mlpmaven.engine.data.image;

import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.ImageFolderSpec;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.DataOptions;
import dev.mlpmaven.engine.data.DatasetResolver;
import dev.mlpmaven.engine.data.LoadedDataset;
import dev.mlpmaven.engine.data.DataListener;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.Scaling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ImageFolderTest {
    @TempDir
    Path tmp;
    final List<String> infos = new java.util.concurrent.CopyOnWriteArrayList<>();
    final DataListener listener = new DataListener() {
        @Override
        public void info(String message) {
            infos.add(message);
        }

        @Override
        public void warn(String message) {
            infos.add(message);
        }
    };

    /** A w x h RGB PNG whose pixel (x, y) is (r + x, g + y, b). */
    private Path png(String path, int w, int h, int r, int g, int b, String format) throws IOException {
        Path file = tmp.resolve(path);
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, ((r + x) << 16) | ((g + y) << 8) | b);
            }
        }
        assertThat(ImageIO.write(img, format, file.toFile())).isTrue();
        return file;
    }

    private void folder() throws IOException {
        png("data/train/cat/a.png", 4, 3, 200, 10, 30, "png");
        png("data/train/cat/b.bmp", 4, 3, 100, 20, 30, "bmp");
        png("data/train/dog/c.gif", 4, 3, 10, 200, 90, "gif");
        png("data/test/dog/d.png", 4, 3, 50, 60, 70, "png");
    }

    private LoadedDataset load(ImageFolderSpec images, List<String> classNames, double testSplit) {
        return new DatasetResolver(DataOptions.defaults().withCacheDir(tmp.resolve("cache")), listener)
                .resolve(DatasetSpec.imageFolder(images, classNames, testSplit, null), 42);
    }

    private String fails(ImageFolderSpec images, List<String> classNames) {
        Throwable t = catchThrowable(() -> load(images, classNames, 0.2));
        assertThat(t).isInstanceOf(UserException.class);
        return t.getMessage().replace(tmp + "/", "");
    }

    private ImageFolderSpec gray(String folder) {
        return new ImageFolderSpec(tmp.resolve(folder), 1, 0, 0, false);
    }

    @Test
    void split_layout_gives_sorted_classes_and_the_runtime_s_pixels() throws IOException {
        folder();
        LoadedDataset d = load(new ImageFolderSpec(tmp.resolve("data"), 3, 0, 0, false), List.of(), 0.2);
        assertThat(d.classNames()).containsExactly("cat", "dog");
        assertThat(d.train().size()).isEqualTo(3);
        assertThat(d.test().size()).isEqualTo(1);
        assertThat(d.train().images().channels()).isEqualTo(3);
        assertThat(d.inputSize()).isEqualTo(4 * 3 * 3);
        // the first training image, a.png: pixel (0,0) is (200, 10, 30), pixel (1,0) is (201, 10, 30)
        byte[] p = d.train().images().pixels();
        assertThat(new int[] {p[0] & 0xFF, p[1] & 0xFF, p[2] & 0xFF, p[3] & 0xFF}).containsExactly(200, 10, 30, 201);
        ImageInput runtime = ImageInput.of(3, 4, 3, false, ImageInput.Resize.NONE, Scaling.UNIT);
        byte[] a = runtime.pixels(ImageIO.read(tmp.resolve("data/train/cat/a.png").toFile()));
        assertThat(java.util.Arrays.copyOf(p, a.length)).containsExactly(a);
        assertThat(d.input()).isEqualTo(runtime);
    }

    @Test
    void an_unchanged_rerun_reads_the_decoded_images_from_the_cache() throws IOException {
        folder();
        LoadedDataset first = load(gray("data"), List.of(), 0.2);
        assertThat(infos).anyMatch(m -> m.startsWith("dataset: decoded 4 images of "));
        infos.clear();
        LoadedDataset again = load(gray("data"), List.of(), 0.2);
        assertThat(infos).anyMatch(m -> m.startsWith("dataset: using 4 decoded images of "));
        assertThat(again.train().images().pixels()).containsExactly(first.train().images().pixels());
        // a changed file changes the key: decoded again
        png("data/train/dog/c.gif", 4, 3, 11, 200, 90, "gif");
        infos.clear();
        load(gray("data"), List.of(), 0.2);
        assertThat(infos).anyMatch(m -> m.startsWith("dataset: decoded 4 images of "));
    }

    private static final java.nio.file.attribute.FileTime OLD = java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minusSeconds(3600));

    /** Sets every file below {@code folder} to an hour ago: older than the index's 2 s racy margin. */
    private void age(String folder) throws IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(tmp.resolve(folder))) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, OLD);
            }
        }
    }

    /** The reasons of the "read and hashed" messages since the last call. */
    private List<String> hashed() {
        String prefix = "dataset: read and hashed ";
        List<String> reasons = infos.stream().filter(m -> m.startsWith(prefix))
                .map(m -> m.substring(m.lastIndexOf(" s (") + 4, m.length() - 1)).toList();
        infos.clear();
        return reasons;
    }

    /** Writes a w x h BMP of colour (v, v, v) into {@code path} in place (same file, same file key). */
    private void rewriteBmp(String path, int w, int h, int v) throws IOException {
        Path scratch = png("scratch/new.bmp", w, h, v, v, v, "bmp");
        byte[] bytes = Files.readAllBytes(scratch);
        Files.delete(scratch);
        Path target = tmp.resolve(path);
        assertThat(bytes.length).isEqualTo(Files.size(target));
        Object key = Files.readAttributes(target, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Files.write(target, bytes); // truncates and writes the same file (ImageIO.write would delete it first)
        assertThat(Files.readAttributes(target, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .isEqualTo(key);
    }

    private Path index() throws IOException {
        try (java.util.stream.Stream<Path> all = Files.list(tmp.resolve("cache/v1/images"))) {
            List<Path> found = all.filter(p -> p.toString().endsWith(".index")).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    @Test
    void an_unchanged_rerun_takes_the_key_from_the_index_without_reading_the_files() throws IOException {
        folder();
        age("data");
        LoadedDataset first = load(gray("data"), List.of(), 0.2);
        assertThat(hashed()).containsExactly(ImageMessages.HASHED_NO_INDEX);
        LoadedDataset again = load(gray("data"), List.of(), 0.2);
        assertThat(hashed()).isEmpty();
        assertThat(again.train()).isEqualTo(first.train());
        assertThat(again.test()).isEqualTo(first.test());
        assertThat(again.contentSha256()).isEqualTo(first.contentSha256());
    }

    @Test
    void touching_resizing_adding_removing_renaming_or_replacing_a_file_hashes_again_and_uses_the_new_content()
            throws IOException {
        folder();
        age("data");
        LoadedDataset before = load(gray("data"), List.of(), 0.2);
        hashed();
        String changed = ImageMessages.HASHED_CHANGED;
        Path a = tmp.resolve("data/train/cat/a.png");

        // touched: same content, so the same key and the cached pixels
        Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.from(OLD.toInstant().plusSeconds(1)));
        LoadedDataset touched = load(gray("data"), List.of(), 0.2);
        assertThat(infos).anyMatch(m -> m.startsWith("dataset: using 4 decoded images of "));
        assertThat(hashed()).containsExactly(changed);
        assertThat(touched.contentSha256()).isEqualTo(before.contentSha256());
        assertThat(touched.train()).isEqualTo(before.train());

        // resized, its time set back to the one in the index: only the size differs
        long indexed = Files.size(a);
        png("data/train/cat/a.png", 4, 3, 7, 7, 7, "png");
        byte[] bytes = Files.readAllBytes(a);
        Files.write(a, java.util.Arrays.copyOf(bytes, (int) Math.max(bytes.length, indexed + 10))); // after IEND
        Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.from(OLD.toInstant().plusSeconds(1)));
        LoadedDataset resized = load(gray("data"), List.of(), 0.2);
        assertThat(hashed()).containsExactly(changed);
        assertThat(resized.train().images().pixels()[0] & 0xFF).isEqualTo(ImageInput.luma(7, 7, 7));
        assertThat(resized.contentSha256()).isNotEqualTo(before.contentSha256());

        // added
        png("data/train/cat/e.png", 4, 3, 1, 2, 3, "png");
        Files.setLastModifiedTime(tmp.resolve("data/train/cat/e.png"), OLD);
        LoadedDataset added = load(gray("data"), List.of(), 0.2);
        assertThat(hashed()).containsExactly(changed);
        assertThat(added.train().size()).isEqualTo(4);

        // removed
        Files.delete(tmp.resolve("data/train/cat/e.png"));
        LoadedDataset removed = load(gray("data"), List.of(), 0.2);
        assertThat(hashed()).containsExactly(changed);
        assertThat(removed.train()).isEqualTo(resized.train());

        // renamed (same inode, size and time): a.png now sorts after b.bmp
        Files.move(a, tmp.resolve("data/train/cat/c.png"));
        LoadedDataset renamed = load(gray("data"), List.of(), 0.2);
        assertThat(hashed()).containsExactly(changed);
        int size = 4 * 3;
        assertThat(java.util.Arrays.copyOfRange(renamed.train().images().pixels(), size, 2 * size))
                .containsExactly(java.util.Arrays.copyOfRange(resized.train().images().pixels(), 0, size));

        // replaced by another file of the same size and time (a new file key, where the platform has one)
        Path b = tmp.resolve("data/train/cat/b.bmp");
        if (Files.readAttributes(b, java.nio.file.attribute.BasicFileAttributes.class).fileKey() != null) {
            png("scratch/new.bmp", 4, 3, 9, 9, 9, "bmp"); // BMP: same size for the same dimensions
            Path replacement = tmp.resolve("scratch/new.bmp");
            assertThat(Files.size(replacement)).isEqualTo(Files.size(b));
            Files.setLastModifiedTime(replacement, Files.getLastModifiedTime(b));
            Files.move(replacement, b, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            LoadedDataset replaced = load(gray("data"), List.of(), 0.2);
            assertThat(hashed()).containsExactly(changed);
            assertThat(replaced.train().images().pixels()[0] & 0xFF).isEqualTo(ImageInput.luma(9, 9, 9));
        }
        load(gray("data"), List.of(), 0.2);
        assertThat(hashed()).isEmpty();
    }

    @Test
    void a_file_rewritten_in_place_with_the_same_size_and_time_is_not_noticed_as_documented() throws IOException {
        folder();
        age("data");
        Path b = tmp.resolve("data/train/cat/b.bmp");
        LoadedDataset before = load(gray("data"), List.of(), 0.2);
        hashed();
        rewriteBmp("data/train/cat/b.bmp", 4, 3, 9);
        Files.setLastModifiedTime(b, OLD);
        LoadedDataset after = load(gray("data"), List.of(), 0.2);
        assertThat(hashed()).isEmpty();
        assertThat(after.train()).isEqualTo(before.train()); // the old pixels: what docs/datasets.md says
        Files.setLastModifiedTime(b, java.nio.file.attribute.FileTime.from(OLD.toInstant().plusSeconds(1))); // touch
        LoadedDataset touched = load(gray("data"), List.of(), 0.2);
        assertThat(hashed()).containsExactly(ImageMessages.HASHED_CHANGED);
        assertThat(touched.train().images().pixels()[4 * 3] & 0xFF).isEqualTo(ImageInput.luma(9, 9, 9));
    }

    @Test
    void files_not_older_than_2_s_before_the_listing_are_hashed_again_until_they_are() throws IOException {
        folder();
        // modified "now" as far as the index is concerned (a minute ahead: the test may take its time)
        java.nio.file.attribute.FileTime t = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().plusSeconds(60));
        try (java.util.stream.Stream<Path> all = Files.walk(tmp.resolve("data"))) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, t);
            }
        }
        load(gray("data"), List.of(), 0.2);
        assertThat(hashed()).containsExactly(ImageMessages.HASHED_NO_INDEX);
        load(gray("data"), List.of(), 0.2);
        assertThat(hashed()).containsExactly(ImageMessages.HASHED_RACY);
        // a file rewritten within the same time stamp is then seen: here the same size and time, new pixels
        Path b = tmp.resolve("data/train/cat/b.bmp");
        rewriteBmp("data/train/cat/b.bmp", 4, 3, 9);
        Files.setLastModifiedTime(b, t);
        LoadedDataset fresh = load(gray("data"), List.of(), 0.2);
        assertThat(hashed()).containsExactly(ImageMessages.HASHED_RACY);
        assertThat(fresh.train().images().pixels()[4 * 3] & 0xFF).isEqualTo(ImageInput.luma(9, 9, 9));
        age("data");
        load(gray("data"), List.of(), 0.2);
        assertThat(hashed()).containsExactly(ImageMessages.HASHED_CHANGED);
        load(gray("data"), List.of(), 0.2);
        assertThat(hashed()).isEmpty();
    }

    @Test
    void a_damaged_index_is_ignored_and_written_again() throws IOException {
        folder();
        age("data");
        LoadedDataset first = load(gray("data"), List.of(), 0.2);
        hashed();
        Path index = index();
        String good = Files.readString(index);
        for (byte[] damaged : List.of(new byte[] {(byte) 0xC3, 0x28, '\n'}, new byte[0],
                good.substring(0, good.length() / 2).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                good.replaceFirst("\n[0-9]+\\.", "\nx.").getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            Files.write(index, damaged);
            LoadedDataset again = load(gray("data"), List.of(), 0.2);
            assertThat(hashed()).hasSize(1).first().isIn(ImageMessages.HASHED_INDEX_UNREADABLE,
                    ImageMessages.HASHED_CHANGED);
            assertThat(again.train()).isEqualTo(first.train());
            assertThat(Files.readString(index)).isNotEqualTo(good); // written again (a new listing time)
            good = Files.readString(index);
            load(gray("data"), List.of(), 0.2);
            assertThat(hashed()).isEmpty();
        }
    }

    @Test
    void gray_is_bt601_luma_and_invert_and_resize_are_recorded_for_the_model() throws IOException {
        folder();
        LoadedDataset d = load(new ImageFolderSpec(tmp.resolve("data"), 1, 6, 8, true), List.of(), 0.2);
        ImageInput in = (ImageInput) d.input();
        assertThat(in).isEqualTo(ImageInput.of(6, 8, 1, true, ImageInput.Resize.BILINEAR, Scaling.UNIT));
        ImageInput runtime = ImageInput.of(6, 8, 1, true, ImageInput.Resize.BILINEAR, Scaling.UNIT);
        byte[] expected = runtime.pixels(ImageIO.read(tmp.resolve("data/test/dog/d.png").toFile()));
        // stored as read; the runtime's table inverts and scales, for training and prediction alike
        assertThat(d.test().images().pixels()).containsExactly(expected);
        assertThat(ImageInput.luma(50, 60, 70)).isEqualTo(d.test().images().pixels()[0] & 0xFF);
    }

    @Test
    void one_folder_of_classes_is_split_by_test_split() throws IOException {
        for (int i = 0; i < 10; i++) {
            png("flat/a/" + i + ".png", 2, 2, i, 0, 0, "png");
            png("flat/b/" + i + ".png", 2, 2, 0, i, 0, "png");
        }
        LoadedDataset d = load(gray("flat"), List.of("b", "a"), 0.3);
        assertThat(d.classNames()).containsExactly("b", "a");
        assertThat(d.train().size()).isEqualTo(14);
        assertThat(d.test().size()).isEqualTo(6);
    }

    @Test
    void refuses_a_file_that_is_not_an_image() throws IOException {
        folder();
        Files.writeString(tmp.resolve("data/train/dog/notes.txt"), "not a picture");
        assertThat(fails(gray("data"), List.of())).isEqualTo("data/train/dog/notes.txt: found a file that is not an"
                + " image (javax.imageio knows no such format), expected PNG, JPEG, BMP or GIF - remove it or convert it"
                + " (hidden files, whose names start with '.', are skipped)");
    }

    @Test
    void skips_hidden_files() throws IOException {
        folder();
        Files.writeString(tmp.resolve("data/train/dog/.DS_Store"), "not a picture");
        assertThat(load(gray("data"), List.of(), 0.2).train().size()).isEqualTo(3);
    }

    @Test
    void leaves_out_symbolic_links_inside_a_class_folder() throws IOException {
        folder();
        Files.createSymbolicLink(tmp.resolve("data/train/dog/link.png"), tmp.resolve("data/train/cat/a.png"));
        Files.createSymbolicLink(tmp.resolve("data/train/dog/more"), tmp.resolve("data/train/cat"));
        assertThat(load(gray("data"), List.of(), 0.2).train().size()).isEqualTo(3);
    }

    @Test
    void refuses_an_empty_class_folder() throws IOException {
        folder();
        Files.createDirectories(tmp.resolve("data/train/emu"));
        assertThat(fails(gray("data"), List.of())).isEqualTo("data/train/emu: found an empty class folder, expected"
                + " at least one image - add images or remove the folder");
    }

    @Test
    void refuses_a_test_class_that_is_not_in_train() throws IOException {
        folder();
        png("data/test/emu/e.png", 4, 3, 1, 2, 3, "png");
        assertThat(fails(gray("data"), List.of())).isEqualTo("data/test: found class folder 'emu', expected only"
                + " classes of data/train - a class the model never trains on cannot be tested; add it to train/ or"
                + " remove it");
    }

    @Test
    void refuses_images_of_another_size_without_image_size() throws IOException {
        folder();
        png("data/train/dog/wide.png", 5, 3, 1, 2, 3, "png");
        assertThat(fails(gray("data"), List.of())).isEqualTo("data/train/dog/wide.png: found an image of 5x3 (width x"
                + " height), expected 4x3 like data/train/cat/a.png - set dataset.imageSize: [3, 5] to resize every"
                + " image to one size");
        assertThat(load(new ImageFolderSpec(tmp.resolve("data"), 1, 3, 4, false), List.of(), 0.2).train().size())
                .isEqualTo(4);
    }

    @Test
    void refuses_train_without_test() throws IOException {
        png("only/train/cat/a.png", 2, 2, 1, 2, 3, "png");
        assertThat(fails(gray("only"), List.of())).isEqualTo("only: found train/ without test/, expected both (and"
                + " optionally validation/), each with one folder per class - add test/<class>/ folders, or put the"
                + " class folders directly in only and use testSplit");
    }

    @Test
    void refuses_class_names_that_do_not_match_the_folders() throws IOException {
        folder();
        assertThat(fails(gray("data"), List.of("cat", "dog", "emu"))).isEqualTo("dataset.classNames: found class"
                + " 'emu', expected a class folder of data/train - the names must match the folder names");
        assertThat(fails(gray("data"), List.of("cat"))).isEqualTo("data/train: found class folder 'dog', expected"
                + " one listed in dataset.classNames - add it to classNames or remove the folder");
    }

    @Test
    void refuses_a_file_outside_the_class_folders() throws IOException {
        folder();
        png("data/train/stray.png", 4, 3, 1, 2, 3, "png");
        assertThat(fails(gray("data"), List.of())).isEqualTo("data/train/stray.png: found a file outside the class"
                + " folders, expected only folders here (one folder per class) - move it into a class folder or out of"
                + " the dataset");
    }
    @Test
    void refuses_a_file_beside_train_and_test() throws IOException {
        folder();
        png("data/readme.png", 4, 3, 1, 2, 3, "png");
        assertThat(fails(gray("data"), List.of())).isEqualTo("data/readme.png: found a file outside the class"
                + " folders, expected only folders here (train/, test/, validation/) - move it into a class folder or"
                + " out of the dataset");
    }

    @Test
    void refuses_a_folder_without_class_folders() throws IOException {
        Files.createDirectories(tmp.resolve("none"));
        assertThat(fails(gray("none"), List.of())).isEqualTo("none: found no class folders, expected one folder per"
                + " class (e.g. none/cat/, none/dog/) holding its images");
    }

    @Test
    void refuses_an_image_that_cannot_be_decoded() throws IOException {
        folder();
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2};
        Files.write(tmp.resolve("data/train/dog/cut.png"), signature);
        assertThat(fails(gray("data"), List.of())).startsWith("data/train/dog/cut.png: found a file that is not an"
                + " image (unreadable: ").endsWith("), expected PNG, JPEG, BMP or GIF - remove it or convert it (hidden"
                + " files, whose names start with '.', are skipped)");
    }

    @Test
    void refuses_images_that_do_not_fit_one_array() throws IOException {
        for (int i = 0; i < 64; i++) {
            png("big/train/a/" + i + ".png", 1, 1, 1, 2, 3, "png");
            png("big/test/a/" + i + ".png", 1, 1, 1, 2, 3, "png");
        }
        assertThat(fails(new ImageFolderSpec(tmp.resolve("big"), 1, 4096, 4096, false), List.of())).isEqualTo(
                "dataset.images: found 128 images of 4096x4096x1 = 2147483648 bytes, expected at most 2147483631 -"
                        + " use a smaller dataset.imageSize or fewer images");
    }

    @Test
    void refuses_an_image_size_too_large_for_a_model_input() throws IOException {
        folder();
        assertThat(fails(new ImageFolderSpec(tmp.resolve("data"), 3, 4096, 4096, false), List.of())).isEqualTo(
                "dataset.imageSize: found [4096, 4096] with 3 channel(s) = 50331648 values per image, expected at most"
                        + " 16777216 - use a smaller imageSize (or channels: 1)");
        // mlp:validate refuses it too, with the limit of the runtime's input
        assertThat(dev.mlpmaven.config.Defaults.MAX_IMAGE_VALUES).isEqualTo(ImageInput.MAX_SIZE);
    }

    @Test
    void refuses_images_too_large_for_a_model_input_without_image_size() throws IOException {
        png("wide/a/x.png", 65537, 1, 1, 2, 3, "png");
        png("wide/b/y.png", 65537, 1, 1, 2, 3, "png");
        assertThat(fails(gray("wide"), List.of())).isEqualTo("wide/a/x.png: found an image of 65537x1 (width x"
                + " height) with 1 channel(s) = 65537 values, expected at most 65536 pixels each way and 16777216"
                + " values - set dataset.imageSize to resize every image to a smaller size");
    }

    @Test
    void refuses_a_test_split_that_leaves_no_test_images() throws IOException {
        png("flat/a/x.png", 2, 2, 1, 2, 3, "png");
        png("flat/b/y.png", 2, 2, 1, 2, 3, "png");
        assertThat(fails(gray("flat"), List.of())).isEqualTo("flat: found 2 images of 2 classes, expected enough"
                + " images for testSplit 0.2 to leave training and test images - add images or change testSplit");
    }
}
