package dev.mlpmaven.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The command lines of {@code dev.mlpmaven.engine.cli.Main} (see {@code CliArguments}) the goals start. */
final class ForkCommands {
    private ForkCommands() {
    }

    /** {@code train}: {@code --force} because the plugin decided to train (see Fingerprint); a bar wants progress. */
    static List<String> train(Path outputRoot, Path projectDir, Path extendsRoot, boolean progress,
                              List<String> dataArguments, Map<String, String> overrides, List<Path> files) {
        return train(outputRoot, projectDir, extendsRoot, progress, dataArguments, overrides, files, List.of());
    }

    /** {@code train} of experiment files and of single trials ({@code --trial <id>=<sweep file>}). */
    static List<String> train(Path outputRoot, Path projectDir, Path extendsRoot, boolean progress,
                              List<String> dataArguments, Map<String, String> overrides, List<Path> files,
                              List<Map.Entry<String, Path>> trials) {
        List<String> args = new ArrayList<>(List.of("train", "--output-root", outputRoot.toAbsolutePath().toString(),
                "--project-dir", projectDir.toAbsolutePath().toString(), "--extends-root",
                extendsRoot.toAbsolutePath().toString(), "--force"));
        if (progress) {
            args.add("--progress");
        }
        args.addAll(dataArguments);
        addOverrides(args, overrides);
        for (Map.Entry<String, Path> t : trials) {
            args.add("--trial");
            args.add(t.getKey() + "=" + t.getValue());
        }
        files.forEach(f -> args.add(f.toString()));
        return args;
    }

    /** {@code aggregate}: merge the results under {@code folders} into a leaderboard in {@code out}. */
    static List<String> aggregate(Path out, List<Path> folders) {
        List<String> args = new ArrayList<>(List.of("aggregate", "--output-root", out.toAbsolutePath().toString()));
        folders.forEach(f -> args.add(f.toAbsolutePath().toString()));
        return args;
    }

    /** {@code fetch}: resolve the data of each experiment file. */
    static List<String> fetch(Path extendsRoot, List<String> dataArguments, Map<String, String> overrides,
                              List<Path> files) {
        List<String> args = new ArrayList<>(List.of("fetch", "--extends-root", extendsRoot.toAbsolutePath().toString()));
        args.addAll(dataArguments);
        addOverrides(args, overrides);
        files.forEach(f -> args.add(f.toString()));
        return args;
    }

    /** {@code evaluate}: a model on a named dataset, or (dataset null) on the dataset of an experiment file. */
    static List<String> evaluate(Path model, Path evaluationFile, Path extendsRoot, List<String> dataArguments,
                                 Map<String, String> overrides, String dataset, Path experimentFile) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--model", model.toString(),
                "--evaluation-file", evaluationFile.toAbsolutePath().toString(), "--extends-root",
                extendsRoot.toAbsolutePath().toString()));
        args.addAll(dataArguments);
        addOverrides(args, overrides);
        if (dataset != null) {
            args.add("--dataset");
            args.add(dataset);
        } else {
            args.add(experimentFile.toString());
        }
        return args;
    }

    private static void addOverrides(List<String> args, Map<String, String> overrides) {
        overrides.forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
    }
}
