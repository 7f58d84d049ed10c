package dev.mlpmaven.engine.data;

import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.InputSpec;
import dev.mlpmaven.runtime.TableInput;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.mlpmaven.engine.data.DataMessages.*;

/**
 * Turns a {@link DatasetSpec} into a {@link LoadedDataset}: four local IDX files (and optionally two more for a
 * separate validation set), the embedded
 * {@code fashion-mnist-sample}, or a named dataset of the {@link DatasetRegistry}.
 *
 * <p>A named dataset's files are looked for, in order: in the cache (content verified by SHA-256 on every load);
 * in the data directories ({@code spec.dataDirs()}, {@code options.dataDirs()}, then
 * {@code <root>/<name>/} for each of {@code options.datasetRoots()}, by default {@code /usr/share/datasets}),
 * recognised by the SHA-256 of their decompressed content (or of their .gz); then on the mirrors
 * ({@code spec.mirrors()} first, then the registry's), verified by the SHA-256 of the .gz. Whatever is found
 * outside the cache is validated and stored in it decompressed, so later loads are a plain file read.
 * Offline, the mirrors are skipped.
 */
public final class DatasetResolver {
    static final String SAMPLE_RESOURCE_DIR = "/dev/mlpmaven/engine/data/fashion-mnist-sample/";
    private static final String[] LOCAL_FIELDS = {"trainImages", "trainLabels", "testImages", "testLabels"};

    private final DataOptions options;
    private final DataListener listener;
    private final DatasetRegistry registry;
    private final IdxReader reader;
    private final DataCache cache;
    private Downloader downloader; // created on first download: offline builds never start an HTTP client

    public DatasetResolver(DataOptions options, DataListener listener) {
        this(options, listener, DatasetRegistry.builtIn());
    }

    public DatasetResolver(DataOptions options, DataListener listener, DatasetRegistry registry) {
        this.options = options;
        this.listener = listener;
        this.registry = registry;
        this.reader = new IdxReader(options.maxPixels());
        this.cache = new DataCache(options.cacheDir());
    }

    /** The data of {@code spec}; a test split of one image folder or table is seeded by the default seed. */
    public LoadedDataset resolve(DatasetSpec spec) {
        return resolve(spec, dev.mlpmaven.config.Defaults.SEED);
    }

    /** The data of {@code spec}; a test split of one image folder or table ({@code testSplit}) uses {@code seed}. */
    public LoadedDataset resolve(DatasetSpec spec, long seed) {
        return resolve(spec, seed, null, null);
    }

    /**
     * The data of {@code spec}, preprocessed with a trained model's input and classes when {@code fixed} is not
     * null (evaluating a model: a table is encoded with the model's statistics, images read at the model's size).
     */
    public LoadedDataset resolve(DatasetSpec spec, long seed, InputSpec fixed, List<String> fixedClasses) {
        switch (spec.kind()) {
            case CSV:
                return TableSource.load(spec, seed, archive(spec), options,
                        fixed instanceof TableInput t ? t : null, fixed instanceof TableInput ? fixedClasses : null);
            case IMAGE_FOLDER:
                return ImageFolderSource.load(spec, seed, archive(spec), options, cache, listener,
                        fixed instanceof ImageInput i && i.sized() ? i : null);
            case IDX_FILES:
                return spec.inArchive() ? resolveArchivedIdx(spec, archive(spec)) : resolveLocal(spec);
            default:
                break;
        }
        if (DatasetRegistry.SAMPLE.equals(spec.name())) {
            return resolveSample();
        }
        RegisteredDataset dataset = registry.find(spec.name()).orElseThrow(() -> {
            Set<String> names = new java.util.TreeSet<>(registry.names());
            names.add(DatasetRegistry.SAMPLE);
            return new UserException(String.format(UNKNOWN_DATASET, spec.name(), names));
        });
        return resolveNamed(dataset, spec);
    }

    // ---- archives -----------------------------------------------------------------------------------------

    private ArchiveSource archive(DatasetSpec spec) {
        if (!spec.inArchive()) {
            return null;
        }
        if (!Files.isRegularFile(spec.archive())) {
            throw new UserException(String.format(LOCAL_FILE_NOT_FOUND, "archive", spec.archive(),
                    DataMessages.ARCHIVE_FILE));
        }
        return ArchiveSource.open(spec.archive(), cache, options.archiveLimits(), listener);
    }

    /** IDX files inside an archive: read from the extracted copy, named {@code archive!/path} in the origins. */
    private LoadedDataset resolveArchivedIdx(DatasetSpec spec, ArchiveSource archive) {
        Path[] inner = {spec.trainImages(), spec.trainLabels(), spec.testImages(), spec.testLabels(),
                spec.validationImages(), spec.validationLabels()};
        Path[] at = new Path[inner.length];
        for (int i = 0; i < inner.length; i++) {
            at[i] = inner[i] == null ? null : archive.resolve(inner[i], false);
        }
        DatasetSpec extracted = new DatasetSpec(null, at[0], at[1], at[2], at[3], List.of(), List.of(),
                spec.classNames(), at[4], at[5]);
        LoadedDataset data = resolveLocal(extracted);
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put(TableSource.ARCHIVE, archive.sha256);
        hashes.putAll(data.contentSha256());
        Map<String, String> where = new LinkedHashMap<>();
        where.put(TableSource.ARCHIVE, archive.archive.toString());
        data.origin().forEach((role, path) -> where.put(role,
                archive.name(archive.root.relativize(Path.of(path)))));
        return new LoadedDataset(data.name(), data.train(), data.test(), data.classNames(), hashes, where,
                data.validation(), data.input());
    }

    // ---- local files --------------------------------------------------------------------------------------

    private LoadedDataset resolveLocal(DatasetSpec spec) {
        Path[] paths = {spec.trainImages(), spec.trainLabels(), spec.testImages(), spec.testLabels()};
        for (int i = 0; i < paths.length; i++) {
            if (paths[i] == null) {
                throw new UserException(String.format(LOCAL_FILE_MISSING_FIELD, LOCAL_FIELDS[i]));
            }
            if (!Files.isRegularFile(paths[i])) {
                throw new UserException(String.format(LOCAL_FILE_NOT_FOUND, LOCAL_FIELDS[i], paths[i],
                        DataMessages.IDX_FILE));
            }
        }
        int known = spec.classNames().size();
        IdxRead<IdxImages> trainImages = reader.readImages(paths[0]);
        IdxRead<IdxLabels> trainLabels = reader.readLabels(paths[1], known);
        IdxRead<IdxImages> testImages = reader.readImages(paths[2]);
        IdxRead<IdxLabels> testLabels = reader.readLabels(paths[3], known);
        List<String> classNames = spec.classNames();
        if (classNames.isEmpty()) {
            int classes = Math.max(maxLabel(trainLabels.data()), maxLabel(testLabels.data())) + 1;
            classNames = new ArrayList<>();
            for (int c = 0; c < classes; c++) {
                classNames.add(Integer.toString(c));
            }
        }
        Map<FileRole, IdxRead<?>> reads = new EnumMap<>(FileRole.class);
        reads.put(FileRole.TRAIN_IMAGES, trainImages);
        reads.put(FileRole.TRAIN_LABELS, trainLabels);
        reads.put(FileRole.TEST_IMAGES, testImages);
        reads.put(FileRole.TEST_LABELS, testLabels);
        Map<FileRole, String> origins = new EnumMap<>(FileRole.class);
        for (int i = 0; i < paths.length; i++) {
            origins.put(FileRole.values()[i], paths[i].toString());
        }
        LoadedDataset data = assemble("local", classNames, reads, origins);
        return spec.hasValidationSet() ? withValidationSet(data, spec) : data;
    }

    /**
     * Reads a separate validation set with the same checks as the other files; its labels must lie below the
     * class count of the training and test files (or of classNames).
     */
    private LoadedDataset withValidationSet(LoadedDataset data, DatasetSpec spec) {
        Path imagesFile = spec.validationImages();
        Path labelsFile = spec.validationLabels();
        if (!Files.isRegularFile(imagesFile)) {
            throw new UserException(String.format(LOCAL_FILE_NOT_FOUND, "validationImages", imagesFile,
                    DataMessages.IDX_FILE));
        }
        if (!Files.isRegularFile(labelsFile)) {
            throw new UserException(String.format(LOCAL_FILE_NOT_FOUND, "validationLabels", labelsFile,
                    DataMessages.IDX_FILE));
        }
        IdxRead<IdxImages> images = reader.readImages(imagesFile);
        IdxRead<IdxLabels> labels = reader.readLabels(labelsFile, data.numClasses());
        IdxReader.checkSameCount(imagesFile.toString(), images.data(), labelsFile.toString(), labels.data());
        IdxImages train = data.train().images();
        if (train.rows() != images.data().rows() || train.cols() != images.data().cols()) {
            throw new UserException(String.format(IMAGE_SIZE_MISMATCH, spec.trainImages(), imagesFile, train.rows(),
                    train.cols(), images.data().rows(), images.data().cols()));
        }
        Map<String, String> hashes = new LinkedHashMap<>(data.contentSha256());
        hashes.put(LoadedDataset.VALIDATION_IMAGES, images.contentSha256());
        hashes.put(LoadedDataset.VALIDATION_LABELS, labels.contentSha256());
        Map<String, String> where = new LinkedHashMap<>(data.origin());
        where.put(LoadedDataset.VALIDATION_IMAGES, imagesFile.toString());
        where.put(LoadedDataset.VALIDATION_LABELS, labelsFile.toString());
        return new LoadedDataset(data.name(), data.train(), data.test(), data.classNames(), hashes, where,
                new DataSplit(images.data(), labels.data()));
    }

    private static int maxLabel(IdxLabels labels) {
        int max = 0;
        for (int i = 0; i < labels.count(); i++) {
            max = Math.max(max, labels.label(i));
        }
        return max;
    }

    // ---- embedded sample ----------------------------------------------------------------------------------

    private LoadedDataset resolveSample() {
        RegisteredDataset fashion = DatasetRegistry.builtIn().find(DatasetRegistry.FASHION_MNIST).orElseThrow();
        Map<FileRole, IdxRead<?>> reads = new EnumMap<>(FileRole.class);
        Map<FileRole, String> origins = new EnumMap<>(FileRole.class);
        for (FileRole role : FileRole.values()) {
            String resource = SAMPLE_RESOURCE_DIR + fashion.file(role).fileName();
            String name = DatasetRegistry.SAMPLE + "/" + fashion.file(role).fileName();
            try (InputStream in = DatasetResolver.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new UserException(String.format(SAMPLE_MISSING, resource));
                }
                reads.put(role, role.images() ? reader.readImages(name, in, -1)
                        : reader.readLabels(name, in, -1, DatasetRegistry.FASHION_CLASSES.size()));
            } catch (IOException e) {
                throw new UserException(String.format(IdxMessages.READ_FAILED, name, e), e);
            }
            origins.put(role, "classpath:" + resource);
        }
        return assemble(DatasetRegistry.SAMPLE, DatasetRegistry.FASHION_CLASSES, reads, origins);
    }

    // ---- named datasets -----------------------------------------------------------------------------------

    private LoadedDataset resolveNamed(RegisteredDataset dataset, DatasetSpec spec) {
        List<Path> dirs = new ArrayList<>(spec.dataDirs());
        dirs.addAll(options.dataDirs());
        for (Path root : options.datasetRoots()) {
            dirs.add(root.resolve(dataset.name()));
        }
        Set<String> mirrors = new LinkedHashSet<>();
        spec.mirrors().forEach(m -> mirrors.add(RegisteredDataset.withSlash(m)));
        mirrors.addAll(dataset.mirrors());
        Map<FileRole, IdxRead<?>> reads = new EnumMap<>(FileRole.class);
        Map<FileRole, String> origins = new EnumMap<>(FileRole.class);
        for (FileRole role : FileRole.values()) {
            Fetched f = fetch(dataset, dataset.file(role), dirs, List.copyOf(mirrors));
            reads.put(role, f.read);
            origins.put(role, f.origin);
        }
        return assemble(dataset.name(), dataset.classNames(), reads, origins);
    }

    private record Fetched(IdxRead<?> read, String origin) {
    }

    private Fetched fetch(RegisteredDataset dataset, RemoteFile file, List<Path> dirs, List<String> mirrors) {
        int classes = dataset.classNames().size();
        try (DataCache.Lock lock = cache.lock(file.gzSha256(),
                () -> listener.info(String.format(WAITING_FOR_LOCK, dataset.name(), file.fileName())))) {
            Optional<String> expected = file.contentSha256() != null ? Optional.of(file.contentSha256())
                    : cache.contentShaFor(file.gzSha256());
            // 1. the cache
            if (expected.isPresent()) {
                Path entry = cache.entry(expected.get());
                if (Files.isRegularFile(entry)) {
                    try {
                        IdxRead<?> read = read(entry, file.role(), classes);
                        if (read.contentSha256().equals(expected.get())) {
                            listener.info(String.format(USING_CACHE, dataset.name(), file.rawFileName(), entry));
                            return new Fetched(read, entry.toString());
                        }
                        listener.warn(String.format(CACHE_CORRUPT, entry, "SHA-256 of the content found "
                                + read.contentSha256() + ", expected " + expected.get()));
                    } catch (UserException e) {
                        listener.warn(String.format(CACHE_CORRUPT, entry, e.getMessage()));
                    }
                    cache.delete(entry);
                }
            }
            // 2. local copies
            for (Path dir : dirs) {
                for (String name : List.of(file.fileName(), file.rawFileName())) {
                    Path candidate = dir.resolve(name);
                    if (!Files.isRegularFile(candidate)) {
                        continue;
                    }
                    try {
                        IdxRead<?> read = read(candidate, file.role(), classes);
                        boolean matches = expected.map(read.contentSha256()::equals).orElse(false)
                                || read.fileSha256().equals(file.gzSha256());
                        if (matches) {
                            store(file, read);
                            listener.info(String.format(USING_LOCAL_COPY, dataset.name(), candidate));
                            return new Fetched(read, candidate.toString());
                        }
                        listener.warn(String.format(LOCAL_COPY_MISMATCH, candidate, read.contentSha256(),
                                expected.orElse("unknown (and its .gz SHA-256 is not " + file.gzSha256() + ")"),
                                file.rawFileName(), dataset.name()));
                    } catch (UserException e) {
                        listener.warn(String.format(LOCAL_COPY_BROKEN, candidate, e.getMessage()));
                    }
                }
            }
            // 3. the mirrors
            if (options.offline()) {
                String debian = dataset.debianPackage() == null ? ""
                        : String.format(OFFLINE_HINT_DEBIAN, dataset.debianPackage(), dataset.debianPackage());
                throw new UserException(String.format(OFFLINE_MISSING, dataset.name(), file.fileName(),
                        options.cacheDir(), listDirs(dirs), debian));
            }
            return download(dataset, file, dirs, mirrors, expected);
        }
    }

    private Fetched download(RegisteredDataset dataset, RemoteFile file, List<Path> dirs, List<String> mirrors,
                             Optional<String> expectedContent) {
        if (downloader == null) {
            downloader = new Downloader(options, listener);
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < mirrors.size(); i++) {
            boolean more = i + 1 < mirrors.size();
            URI uri;
            try {
                uri = URI.create(mirrors.get(i) + file.fileName());
                if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                    throw new IllegalArgumentException("scheme " + uri.getScheme());
                }
            } catch (IllegalArgumentException e) {
                String reason = String.format(REASON_BAD_URL, e.getMessage());
                failures.add(mirrors.get(i) + file.fileName() + ": " + reason);
                if (more) {
                    listener.warn(String.format(MIRROR_FAILED, mirrors.get(i) + file.fileName(), reason));
                }
                continue;
            }
            Path tmp = cache.newTempFile(file.rawFileName());
            try {
                Downloader.Result result = downloader.download(uri, tmp);
                if (!result.sha256().equals(file.gzSha256())) {
                    listener.warn(String.format(CHECKSUM_MISMATCH, uri, result.sha256(), file.gzSha256()));
                    failures.add(uri + ": " + String.format(REASON_CHECKSUM, result.sha256()));
                    continue;
                }
                IdxRead<?> read;
                try (InputStream in = Files.newInputStream(tmp)) {
                    read = file.role().images() ? reader.readImages(uri.toString(), in, result.bytes())
                            : reader.readLabels(uri.toString(), in, result.bytes(), dataset.classNames().size());
                }
                if (expectedContent.isPresent() && !expectedContent.get().equals(read.contentSha256())) {
                    listener.warn(String.format(CHECKSUM_MISMATCH, uri + " (decompressed)", read.contentSha256(),
                            expectedContent.get()));
                    failures.add(uri + ": " + String.format(REASON_CHECKSUM, read.contentSha256()));
                    continue;
                }
                store(file, read);
                return new Fetched(read, uri.toString());
            } catch (Downloader.Failure f) {
                failures.add(uri + ": " + f.reason);
                if (more) {
                    listener.warn(String.format(MIRROR_FAILED, uri, f.reason));
                }
            } catch (IOException e) {
                throw new UserException(String.format(CACHE_UNUSABLE, options.cacheDir(), e), e);
            } finally {
                cache.delete(tmp);
            }
        }
        String lines = failures.stream().map(s -> "  " + s).collect(Collectors.joining(System.lineSeparator()));
        throw new UserException(String.format(ALL_MIRRORS_FAILED, dataset.name(), file.fileName(), lines,
                listDirs(dirs)));
    }

    private static String listDirs(List<Path> dirs) {
        return dirs.isEmpty() ? "none set" : dirs.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    private IdxRead<?> read(Path file, FileRole role, int classes) {
        return role.images() ? reader.readImages(file) : reader.readLabels(file, classes);
    }

    /** Puts verified content into the cache, decompressed, and remembers its hash for the .gz. */
    private void store(RemoteFile file, IdxRead<?> read) {
        if (read.data() instanceof IdxImages images) {
            ByteBuffer header = ByteBuffer.allocate(IdxReader.IMAGES_HEADER_BYTES).putInt(IdxReader.IMAGES_MAGIC)
                    .putInt(images.count()).putInt(images.rows()).putInt(images.cols()).flip();
            cache.store(read.contentSha256(), header, images.pixels());
        } else {
            IdxLabels labels = (IdxLabels) read.data();
            ByteBuffer header = ByteBuffer.allocate(IdxReader.LABELS_HEADER_BYTES).putInt(IdxReader.LABELS_MAGIC)
                    .putInt(labels.count()).flip();
            cache.store(read.contentSha256(), header, labels.labels());
        }
        if (file.contentSha256() == null) {
            cache.recordContentSha(file.gzSha256(), read.contentSha256());
        }
    }

    // ---- common -------------------------------------------------------------------------------------------

    private static LoadedDataset assemble(String name, List<String> classNames, Map<FileRole, IdxRead<?>> reads,
                                          Map<FileRole, String> origins) {
        IdxImages trainImages = (IdxImages) reads.get(FileRole.TRAIN_IMAGES).data();
        IdxLabels trainLabels = (IdxLabels) reads.get(FileRole.TRAIN_LABELS).data();
        IdxImages testImages = (IdxImages) reads.get(FileRole.TEST_IMAGES).data();
        IdxLabels testLabels = (IdxLabels) reads.get(FileRole.TEST_LABELS).data();
        IdxReader.checkSameCount(origins.get(FileRole.TRAIN_IMAGES), trainImages,
                origins.get(FileRole.TRAIN_LABELS), trainLabels);
        IdxReader.checkSameCount(origins.get(FileRole.TEST_IMAGES), testImages,
                origins.get(FileRole.TEST_LABELS), testLabels);
        if (trainImages.rows() != testImages.rows() || trainImages.cols() != testImages.cols()) {
            throw new UserException(String.format(IMAGE_SIZE_MISMATCH, origins.get(FileRole.TRAIN_IMAGES),
                    origins.get(FileRole.TEST_IMAGES), trainImages.rows(), trainImages.cols(), testImages.rows(),
                    testImages.cols()));
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        for (FileRole role : FileRole.values()) {
            hashes.put(role.key(), reads.get(role).contentSha256());
            where.put(role.key(), origins.get(role));
        }
        return new LoadedDataset(name, new DataSplit(trainImages, trainLabels), new DataSplit(testImages, testLabels),
                classNames, hashes, where);
    }
}
