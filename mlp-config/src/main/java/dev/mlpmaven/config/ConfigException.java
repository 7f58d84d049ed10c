package dev.mlpmaven.config;

import java.util.List;
import java.util.stream.Collectors;

/** An experiment file (with its {@code extends} chain and overrides) has one or more problems; it lists them all. */
public class ConfigException extends UserException {
    private final transient List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order (the experiment file first, then the files it extends, then overrides). */
    public List<Problem> problems() {
        return problems;
    }
}
