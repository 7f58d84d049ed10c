package dev.mlpmaven.config;

import dev.mlpmaven.config.YamlNode.Kind;
import dev.mlpmaven.config.YamlNode.YamlMap;
import dev.mlpmaven.config.YamlNode.YamlScalar;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads an experiment file and the chain of files it {@code extends}, and merges them (the extending file wins).
 * Each value keeps the file and line it came from, so problems in a base file point into the base file.
 */
final class Composer {
    private final List<Problem> problems;
    /** Files in the order they were read, for sorting problems: the experiment first, then its bases. */
    private final List<String> files = new ArrayList<>();
    private boolean fatal;

    Composer(List<Problem> problems) {
        this.problems = problems;
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
        YamlNode node = YamlReader.readFile(file, problems); // null: syntax error, empty file, not UTF-8
        if (node == null) {
            fatal = true;
            return null;
        }
        if (!(node instanceof YamlMap map)) {
            problems.add(node.location().problem(YamlReader.DOCUMENT,
                    String.format(Messages.ROOT_NOT_MAP, ShapeChecker.found(node, true))));
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
        Path base;
        try {
            base = file.resolveSibling(s.text()).normalize();
        } catch (InvalidPathException e) {
            problems.add(s.location().problem(Language.EXTENDS.name(),
                    String.format(Messages.NOT_A_PATH, KeyPaths.visible(s.text()), e.getReason())));
            fatal = true;
            return own;
        }
        List<Path> here = new ArrayList<>(chain);
        here.add(file);
        for (int i = 0; i < here.size(); i++) {
            if (same(here.get(i), base)) {
                String cycle = here.subList(i, here.size()).stream().map(Path::toString)
                        .collect(Collectors.joining(" -> ")) + " -> " + base;
                problems.add(s.location().problem(Language.EXTENDS.name(),
                        String.format(Messages.EXTENDS_CYCLE, cycle)));
                fatal = true;
                return own;
            }
        }
        if (!Files.isRegularFile(base)) {
            problems.add(s.location().problem(Language.EXTENDS.name(),
                    String.format(Messages.EXTENDS_MISSING, base, file)));
            fatal = true;
            return own;
        }
        YamlMap parent = load(base, here);
        return parent == null ? own : Trees.merge(parent, own, Language.ROOT);
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
