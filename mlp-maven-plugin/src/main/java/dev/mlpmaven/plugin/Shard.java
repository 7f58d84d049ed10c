package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoFailureException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * {@code -Dmlp.shard=i/n}: this build trains the i-th of n shares of the experiments and trials. The share is
 * decided by the names alone (an experiment's name, a trial's {@code <sweep>-<id>}, its id a hash of its
 * values): sorted, then dealt round-robin, so every experiment and trial is in exactly one shard on any machine,
 * and the shards differ in size by one at most.
 *
 * @param index 1-based shard number
 * @param count number of shards
 */
record Shard(int index, int count) {
    private static final Pattern SPEC = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    /** The shard of {@code spec} ("2/3"), or null when there is none; a malformed one is the user's mistake. */
    static Shard parse(String spec) throws MojoFailureException {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new MojoFailureException(format(Messages.SHARD_BAD, spec, "no i/n"));
        }
        int i = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || i < 1 || i > n) {
            throw new MojoFailureException(format(Messages.SHARD_BAD, spec, "shard " + i + " of " + n));
        }
        return new Shard(i, n);
    }

    /** This shard's share of {@code units}, in their original order. */
    <T> List<T> select(List<T> units, Function<T, String> name) {
        List<T> sorted = new ArrayList<>(units);
        sorted.sort(Comparator.comparing(name));
        List<T> mine = new ArrayList<>();
        for (int k = index - 1; k < sorted.size(); k += count) {
            mine.add(sorted.get(k));
        }
        List<T> ordered = new ArrayList<>(units);
        ordered.retainAll(mine);
        return ordered;
    }

    /**
     * This shard's share, logged; a share without any unit is the user's mistake (more shards than work), or with
     * {@code allowEmpty} a warning.
     */
    <T> List<T> share(List<T> units, Function<T, String> name, boolean allowEmpty,
                      org.apache.maven.plugin.logging.Log log) throws MojoFailureException {
        List<T> mine = select(units, name);
        if (mine.isEmpty()) {
            String message = format(Messages.SHARD_EMPTY, this, units.size(), count, Math.max(1, units.size()));
            if (!allowEmpty) {
                throw new MojoFailureException(message);
            }
            log.warn(message);
        } else {
            log.info(format(Messages.SHARD_SELECTED, this, mine.size(), units.size()));
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
