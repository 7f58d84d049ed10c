package dev.mlpmaven.engine.data;

/**
 * What {@link IdxReader} read from one IDX file, with the hashes it computed in the same pass.
 *
 * @param data          the images or labels
 * @param contentSha256 SHA-256 (lower-case hex) of the decompressed IDX content, header included;
 *                      the identity of the file whatever its compression
 * @param fileSha256    SHA-256 of the bytes as stored (the .gz itself for a gzip file)
 * @param fileBytes     number of bytes as stored
 * @param gzip          whether the file was gzip-compressed
 */
public record IdxRead<T>(T data, String contentSha256, String fileSha256, long fileBytes, boolean gzip) {
}
