package dev.mlpmaven.engine.data;

/**
 * One file of a registered dataset.
 *
 * @param role          which of the four files
 * @param fileName      the name on the mirrors, e.g. {@code train-images-idx3-ubyte.gz}
 * @param gzSha256      SHA-256 of the upstream .gz (verifies a download)
 * @param contentSha256 SHA-256 of the decompressed content (identifies the file in the cache and in local
 *                      copies however they were compressed), or null when not known in advance
 */
public record RemoteFile(FileRole role, String fileName, String gzSha256, String contentSha256) {
    public RemoteFile {
        if (gzSha256 == null || !gzSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("gzSha256 of " + fileName + ": found " + gzSha256
                    + ", expected 64 lower-case hex digits");
        }
        if (contentSha256 != null && !contentSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("contentSha256 of " + fileName + ": found " + contentSha256
                    + ", expected 64 lower-case hex digits or null");
        }
    }

    /** The name without {@code .gz}, as the decompressed file is usually called. */
    public String rawFileName() {
        return fileName.endsWith(".gz") ? fileName.substring(0, fileName.length() - 3) : fileName;
    }
}
