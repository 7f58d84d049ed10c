package dev.mlpmaven.config;

import dev.mlpmaven.config.YamlNode.Kind;
import dev.mlpmaven.config.YamlNode.YamlMap;
import dev.mlpmaven.config.YamlNode.YamlScalar;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads an experiment file and the chain of files it {@code extends}, and merges them (the extending file wins).
 * Each value keeps the file and line it came from, so problems in a base file point into the base file.
 *
 * <p>{@code extends} reads only {@code .yaml} and {@code .yml} files under the extends root (the project folder
 * by default): a relative path that stays under it, links resolved. Anything else - an absolute path, a path that
 * climbs out with {@code ../}, a link that leads out, another kind of file - is refused before it is opened, and
 * no message ever quotes a line of a base file, so an experiment cannot copy a file of the machine into a build log.
 */
final class Composer {
    private final List<Problem> problems;
    private final Path root;
    /** Files in the order they were read, for sorting problems: the experiment first, then its bases. */
    private final List<String> files = new ArrayList<>();
    private boolean fatal;

    /** @param extendsRoot the folder every file an experiment extends must be in */
    Composer(List<Problem> problems, Path extendsRoot) {
        this.problems = problems;
        this.root = extendsRoot.toAbsolutePath().normalize();
    }

    /** The merged tree, or null when a file cannot be read as an experiment (problems say why). */
    YamlMap compose(Path file) {
        YamlMap root = load(file, new ArrayList<>());
        return fatal ? null : root;
    }

    List<String> files() {
        return files;
    }

    private YamlMap load(Path file, List<Path> chain) {
        files.add(file.toString());
        YamlNode node = YamlReader.readFile(file, problems); // null: syntax error, empty file, not UTF-8, too large
        if (node == null) {
            fatal = true;
            return null;
        }
        if (!(node instanceof YamlMap map)) {
            // what it is, never what it says: a base file may be anything
            problems.add(node.location().problem(YamlReader.DOCUMENT,
                    String.format(Messages.ROOT_NOT_MAP, ShapeChecker.kind(node))));
            fatal = true;
            return null;
        }
        YamlNode.Entry ext = map.entries().get(Language.EXTENDS.name());
        YamlMap own = Trees.without(map, Language.EXTENDS.name());
        if (ext == null || ShapeChecker.isNull(ext.value())) {
            return own;
        }
        if (!(ext.value() instanceof YamlScalar s) || s.kind() != Kind.STRING) {
            problems.add(ext.value().location().problem(Language.EXTENDS.name(), String.format(
                    Messages.FOUND_EXPECTED, ShapeChecker.found(ext.value(), true),
                    Language.EXTENDS.shape().expected(), Language.EXTENDS.valueHint())));
            fatal = true;
            return own;
        }
        Path base = base(file, s);
        if (base == null) {
            fatal = true;
            return own;
        }
        List<Path> here = new ArrayList<>(chain);
        here.add(file);
        for (int i = 0; i < here.size(); i++) {
            if (same(here.get(i), base)) {
                String cycle = here.subList(i, here.size()).stream().map(KeyPaths::path)
                        .collect(Collectors.joining(" -> ")) + " -> " + KeyPaths.path(base);
                problems.add(s.location().problem(Language.EXTENDS.name(),
                        String.format(Messages.EXTENDS_CYCLE, cycle)));
                fatal = true;
                return own;
            }
        }
        YamlMap parent = load(base, here);
        return parent == null ? own : Trees.merge(parent, own, Language.ROOT);
    }

    /** The file {@code extends} names, or null (with a problem) when it may not or cannot be read. */
    private Path base(Path file, YamlScalar s) {
        String text = s.text();
        Path written;
        Path base;
        try {
            written = Path.of(text);
            base = file.toAbsolutePath().resolveSibling(written).normalize();
        } catch (InvalidPathException e) {
            return refuse(s, String.format(Messages.NOT_A_PATH, KeyPaths.path(text), e.getReason()));
        }
        if (written.isAbsolute()) {
            return refuse(s, String.format(Messages.EXTENDS_ABSOLUTE, KeyPaths.path(text), KeyPaths.path(file),
                    KeyPaths.path(root)));
        }
        if (!isYamlName(base)) {
            return refuse(s, String.format(Messages.EXTENDS_NOT_YAML, KeyPaths.path(text)));
        }
        if (!base.startsWith(root)) {
            return refuse(s, String.format(Messages.EXTENDS_OUTSIDE, KeyPaths.path(text), KeyPaths.path(base),
                    KeyPaths.path(root), KeyPaths.path(root)));
        }
        FileKind kind = FileKind.of(base);
        if (kind == FileKind.MISSING) {
            return refuse(s, String.format(Messages.EXTENDS_MISSING, KeyPaths.path(base), KeyPaths.path(file)));
        }
        if (kind != FileKind.REGULAR) {
            return refuse(s, String.format(Messages.EXTENDS_NOT_A_FILE, kind.words(), KeyPaths.path(base)));
        }
        // a link under the root may lead anywhere: compare where it really is
        Path real;
        Path realRoot;
        try {
            real = base.toRealPath();
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return refuse(s, String.format(Messages.EXTENDS_MISSING, KeyPaths.path(base), KeyPaths.path(file)));
        }
        if (!real.startsWith(realRoot)) {
            return refuse(s, String.format(Messages.EXTENDS_OUTSIDE, KeyPaths.path(text), KeyPaths.path(real),
                    KeyPaths.path(root), KeyPaths.path(root)));
        }
        return base;
    }

    private Path refuse(YamlScalar s, String message) {
        problems.add(s.location().problem(Language.EXTENDS.name(), message));
        return null;
    }

    private static boolean isYamlName(Path p) {
        Path name = p.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
