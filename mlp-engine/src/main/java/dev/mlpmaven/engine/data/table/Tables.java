package dev.mlpmaven.engine.data.table;

import dev.mlpmaven.config.CsvSpec;
import dev.mlpmaven.engine.data.archive.ArchiveLimits;
import dev.mlpmaven.runtime.TableInput;

import java.nio.file.Path;
import java.util.List;

/** The entry points of the CSV reader and loader for the dataset resolver. */
public final class Tables {
    private Tables() {
    }

    /** A CSV file read into cells (opaque outside this package). */
    public static final class Read {
        final CsvTable table;

        Read(CsvTable table) {
            this.table = table;
        }

        public String name() {
            return table.name();
        }

        /** SHA-256 of the decompressed bytes. */
        public String sha256() {
            return table.contentSha256();
        }

        public int rows() {
            return table.rows().size();
        }

        public List<String> columns() {
            return table.columns();
        }
    }

    /** The loaded samples. */
    public record Loaded(dev.mlpmaven.engine.data.DataSplit train, dev.mlpmaven.engine.data.DataSplit test,
                         List<String> classNames, TableInput input) {
    }

    public static Read read(Path file, String name, CsvSpec spec, ArchiveLimits limits) {
        return new Read(CsvTable.read(file, name, spec, limits));
    }

    public static Loaded load(CsvSpec spec, Read train, Read test, List<String> classNames, double testSplit,
                              long seed, TableInput fixed, List<String> fixedClasses) {
        TableLoader.Loaded l = TableLoader.load(spec, train.table, test == null ? null : test.table, classNames,
                testSplit, seed, fixed, fixedClasses);
        return new Loaded(l.train(), l.test(), l.classNames(), l.input());
    }
}
