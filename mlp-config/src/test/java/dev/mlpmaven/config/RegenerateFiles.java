package dev.mlpmaven.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the files generated from {@link Language} - the JSON Schema in the jar's resources and in docs/, and
 * docs/yaml-reference.md - and the {@code .expected} message of every malformed corpus case that has none yet
 * (printing each, to be read before committing). Not a test: tests only compare ({@link GeneratedFilesTest},
 * {@link MalformedCorpusTest}) and never write what they compare against. Run it with
 * {@value #COMMAND}
 */
public final class RegenerateFiles {
    /** The one command that regenerates (a profile of mlp-config's pom runs this class). */
    public static final String COMMAND = "mvn -B -q -pl mlp-config -Pregenerate process-test-classes";

    private RegenerateFiles() {
    }

    /** @param args the mlp-config module folder */
    public static void main(String[] args) throws IOException {
        Path module = Path.of(args.length > 0 ? args[0] : "mlp-config").toAbsolutePath().normalize();
        Path repo = module.getParent();
        write(module.resolve("src/main/resources").resolve(ExperimentSchema.RESOURCE), ExperimentSchema.json());
        write(repo.resolve("docs/schema/experiment-v1.schema.json"), ExperimentSchema.json());
        write(repo.resolve("docs/yaml-reference.md"), ExperimentSchema.referenceMarkdown());
        Path malformed = module.resolve("src/test/resources/malformed");
        for (String name : Corpus.malformedCases(malformed).toList()) {
            Path expected = malformed.resolve(name + ".expected");
            if (Files.exists(expected)) {
                continue;
            }
            List<Problem> problems = ExperimentLoader.validate(malformed.resolve(name + ".yaml"),
                    Corpus.overrides(malformed, name));
            if (problems.isEmpty()) {
                System.out.println("NOT WRITTEN " + expected + ": the case loads without a problem");
                continue;
            }
            String text = Corpus.relative(malformed, new ConfigException(problems).getMessage()) + "\n";
            write(expected, text);
            System.out.print("new " + malformed.relativize(expected) + ":\n" + text);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return;
        }
        Path tmp = Files.createTempFile(dir, "generated", ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("wrote " + file);
    }
}
