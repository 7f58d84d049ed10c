package dev.mlpmaven.engine.data;

import dev.mlpmaven.config.CsvSpec;
import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.table.Tables;
import dev.mlpmaven.runtime.TableInput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CSV form of a dataset: finds the files (on disk or in an archive) and loads them with {@link Tables}. */
final class TableSource {
    static final String TABLE = "table";
    static final String TRAIN_TABLE = "train-table";
    static final String TEST_TABLE = "test-table";
    static final String ARCHIVE = "archive";

    private TableSource() {
    }

    static LoadedDataset load(DatasetSpec spec, long seed, ArchiveSource archive, DataOptions options,
                              TableInput fixed, List<String> fixedClasses) {
        CsvSpec csv = spec.csv();
        Map<String, String> hashes = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        if (archive != null) {
            hashes.put(ARCHIVE, archive.sha256);
            origins.put(ARCHIVE, archive.archive.toString());
        }
        Tables.Read train;
        Tables.Read test = null;
        if (csv.file() != null) {
            train = read(csv.file(), csv, archive, options);
            hashes.put(TABLE, train.sha256());
            origins.put(TABLE, train.name());
        } else {
            train = read(csv.trainFile(), csv, archive, options);
            test = read(csv.testFile(), csv, archive, options);
            hashes.put(TRAIN_TABLE, train.sha256());
            origins.put(TRAIN_TABLE, train.name());
            hashes.put(TEST_TABLE, test.sha256());
            origins.put(TEST_TABLE, test.name());
        }
        Tables.Loaded t = Tables.load(csv, train, test, spec.classNames(), spec.testSplit(), seed, fixed, fixedClasses);
        return new LoadedDataset("local", t.train(), t.test(), t.classNames(), hashes, origins, null, t.input());
    }

    private static Tables.Read read(Path file, CsvSpec csv, ArchiveSource archive, DataOptions options) {
        Path path = archive == null ? file : archive.resolve(file, false);
        String name = archive == null ? file.toString() : archive.name(file);
        if (!Files.isRegularFile(path)) {
            throw new UserException(String.format(DataMessages.LOCAL_FILE_NOT_FOUND, "csv", path,
                    DataMessages.CSV_FILE));
        }
        return Tables.read(path, name, csv, options.archiveLimits());
    }
}
