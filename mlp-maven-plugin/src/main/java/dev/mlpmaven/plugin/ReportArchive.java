package dev.mlpmaven.plugin;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

/**
 * A zip of an experiment's report ({@code report.html}, its charts and {@code experiment.json}), attached beside the
 * model as {@code <name>-report.zip}, written with Commons Compress the way plexus-archiver makes a reproducible
 * archive ({@code configureReproducibleBuild}): entries in name order under {@code <name>/}, every entry's time the
 * build's {@code project.build.outputTimestamp} (else the file's own time), mode 644 (uid and gid unset), one
 * compression level. A zip keeps local wall-clock time (DOS time), so the time is shifted by the zone's offset
 * and the bytes are the same in every time zone. The files that hold wall-clock times ({@code metrics.json},
 * {@code history.csv}, {@code provenance.json}) stay out; the model is its own artifact.
 */
final class ReportArchive {
    static final String TYPE = "zip";
    static final String CLASSIFIER_SUFFIX = "-report";
    private static final int FILE_MODE = 0100644;

    private ReportArchive() {
    }

    /** The archive of the experiment in {@code experimentDir}: {@code <name>-report.zip} beside the folder. */
    static Path fileFor(Path experimentDir) {
        return experimentDir.resolveSibling(experimentDir.getFileName() + CLASSIFIER_SUFFIX + ".zip");
    }

    /** The files that go in: the report, its images, the experiment as loaded; in name order. */
    static List<Path> entries(Path experimentDir) throws IOException {
        try (Stream<Path> files = Files.list(experimentDir)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                String n = f.getFileName().toString();
                return n.equals("report.html") || n.equals("experiment.json") || n.endsWith(".png");
            }).sorted().toList();
        }
    }

    /**
     * Writes the archive atomically (a temporary file beside it, then a move) and returns it, or null when the folder
     * has no report. {@code timestamp} null: each entry gets its file's time.
     */
    static Path write(Path experimentDir, Instant timestamp) throws IOException {
        List<Path> files = entries(experimentDir);
        if (files.stream().noneMatch(f -> f.getFileName().toString().equals("report.html"))) {
            return null;
        }
        String name = experimentDir.getFileName().toString();
        Path target = fileFor(experimentDir);
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp);
                 ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
                zip.setMethod(ZipEntry.DEFLATED);
                zip.setLevel(Deflater.DEFAULT_COMPRESSION);
                for (Path f : files) {
                    ZipArchiveEntry e = new ZipArchiveEntry(name + "/" + f.getFileName());
                    long millis = timestamp != null ? timestamp.toEpochMilli()
                            : Files.getLastModifiedTime(f).toMillis();
                    e.setTime(dosTime(millis));
                    e.setUnixMode(FILE_MODE);
                    e.setSize(Files.size(f));
                    zip.putArchiveEntry(e);
                    Files.copy(f, zip);
                    zip.closeArchiveEntry();
                }
                zip.finish();
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** The time to give a zip entry so that its local-time DOS fields read {@code utcMillis} in UTC. */
    static long dosTime(long utcMillis) {
        return utcMillis - TimeZone.getDefault().getOffset(utcMillis);
    }
}
