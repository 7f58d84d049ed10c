package dev.mlpmaven.engine.io;

import dev.mlpmaven.config.UserException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The one check before anything in an output folder is deleted or renamed: the victim must be inside the output
 * root, compared as real paths (links resolved, {@code ..} gone) with {@link Path#startsWith(Path)}, never as
 * strings. The experiment name is validated when the experiment is read; this is the defence behind it, for every
 * caller of the engine.
 */
public final class OutputPaths {
    /**
     * The longest suffix {@link dev.mlpmaven.engine.run.AtomicOutput} adds to a name for its staging folder
     * {@code .<name>.staging-<pid>-<random>}: a dot, ".staging-", a pid of up to 19 digits, a dash and an unsigned
     * 64-bit number in base 36 (13 digits).
     */
    public static final int STAGING_SUFFIX_BYTES = 1 + ".staging-".length() + 19 + 1 + 13;
    /** The longest name whose staging folder still fits the 255-byte file name limit. */
    public static final int MAX_NAME_BYTES = 255 - STAGING_SUFFIX_BYTES;

    /** Arguments: the name, the output root. */
    public static final String NOT_A_FOLDER_NAME = "output folder name '%s': found a name that is not one plain folder"
            + " name, expected a single folder name that does not start with '.', has no '/' and fits "
            + MAX_NAME_BYTES + " bytes - nothing under %s was changed";
    /** Arguments: the path, the output root. */
    public static final String OUTSIDE = "refusing to delete or rename %s: it is not inside the output folder %s"
            + " - nothing was deleted or renamed";

    private OutputPaths() {
    }

    /** {@code root/name}, after checking that {@code name} is one plain folder name; else a {@link UserException}. */
    public static Path child(Path root, String name) {
        if (!isPlainName(name)) {
            throw new UserException(String.format(NOT_A_FOLDER_NAME, shown(name), root));
        }
        return root.toAbsolutePath().normalize().resolve(name);
    }

    /** One folder name: not empty, not {@code .} or {@code ..}, no leading dot, no separator, short enough. */
    public static boolean isPlainName(String name) {
        return name != null && !name.isEmpty() && !name.startsWith(".") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf('\0') < 0
                && name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES;
    }

    /**
     * {@code path} as a real path strictly inside the real {@code root}, for deleting or renaming it; a
     * {@link UserException} with {@link #OUTSIDE} for anything else (the root itself, its parent, a path through a
     * link that leads out). {@code path} itself may be a link: deleting or renaming a link leaves its target alone.
     */
    public static Path requireInside(Path root, Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Path realRoot;
        Path candidate;
        try {
            realRoot = root.toRealPath();
            candidate = parent == null ? null : parent.toRealPath().resolve(abs.getFileName());
        } catch (IOException e) {
            throw new UserException(String.format(OUTSIDE, path, root), e);
        }
        if (candidate == null || !candidate.startsWith(realRoot) || candidate.equals(realRoot)) {
            throw new UserException(String.format(OUTSIDE, path, root));
        }
        return candidate;
    }

    private static String shown(String name) {
        String s = String.valueOf(name).replaceAll("\\p{Cntrl}", "?");
        return s.length() > 40 ? s.substring(0, 40) + "... (" + s.length() + " characters)" : s;
    }
}
