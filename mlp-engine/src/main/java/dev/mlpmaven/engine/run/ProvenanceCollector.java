package dev.mlpmaven.engine.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.engine.model.CanonicalJson;
import dev.mlpmaven.engine.model.Provenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Gathers the parts of a {@link Provenance} that come from the environment: versions, OS, CPU, git state.
 * Nothing here fails a run: what cannot be found is null.
 */
public final class ProvenanceCollector {
    /** How long each git command may take before it is killed and the git fields are null. */
    public static final Duration GIT_TIMEOUT = Duration.ofSeconds(10);
    /** Resource holding {@code version=<engine version>}, filtered by Maven at build time. */
    static final String ENGINE_PROPERTIES = "/dev/mlpmaven/engine/run/engine.properties";
    static final String ND4J_POM_PROPERTIES = "/META-INF/maven/org.nd4j/nd4j-api/pom.properties";

    private ProvenanceCollector() {
    }

    /**
     * Everything but the end time, which the caller sets with {@link Provenance#withEndTime(Instant)}.
     *
     * @param experiment the experiment as loaded (defaults filled in)
     * @param dataSha256 content hashes of the data files, keyed by role ({@code LoadedDataset.contentSha256()})
     * @param threads    compute threads actually used
     * @param blasKernel the BLAS kernel in use, free-form (null when unknown)
     * @param projectDir the folder whose git state is recorded (the Maven project's base directory), or null
     * @param startTime  when the run started
     */
    public static Provenance collect(Experiment experiment, Map<String, String> dataSha256, int threads,
                                     String blasKernel, Path projectDir, Instant startTime) {
        JsonNode normalised = normaliseExperiment(experiment, projectDir);
        GitState git = projectDir == null ? GitState.UNKNOWN : gitState(projectDir, GIT_TIMEOUT);
        return new Provenance(normalised, CanonicalJson.sha256(normalised), dataSha256, experiment.seed(),
                engineVersion(), nd4jVersion(), System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name"), System.getProperty("os.arch"), cpuModel(), threads, blasKernel,
                git.commit(), git.dirty(), startTime, null);
    }

    /**
     * The experiment as a JSON tree in RFC 8785 canonical form ({@link CanonicalJson}): every record component by
     * name, enums in their YAML spelling (lower case), without {@code source} (where the file lies does not change
     * what it asks for), integers beyond ±(2^53 - 1) (a seed) as strings, and paths relative to the experiment
     * file's folder with '/' separators when they lie in that folder or in {@code projectDir} (with {@code ../}),
     * absolute otherwise. So a checkout that moves keeps its experiment hash; a system folder keeps its name.
     *
     * @param projectDir the project folder, or null: then only paths in the experiment's folder are relative
     */
    public static JsonNode normaliseExperiment(Experiment experiment, Path projectDir) {
        Path base = experiment.source() == null ? null : experiment.source().toAbsolutePath().normalize().getParent();
        Path project = projectDir == null ? null : projectDir.toAbsolutePath().normalize();
        SimpleModule module = new SimpleModule();
        module.addSerializer(Path.class, new PathSerializer(base, project));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Enum<?>> enumClass = (Class) Enum.class;
        module.addSerializer(enumClass, new EnumSerializer(enumClass));
        ObjectMapper mapper = JsonMapper.builder()
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .addModule(module)
                .build();
        ObjectNode tree = mapper.valueToTree(experiment);
        tree.remove("source");
        return CanonicalJson.canonical(bigIntegersAsText(tree));
    }

    /** {@link #normaliseExperiment(Experiment, Path)} without a project folder. */
    public static JsonNode normaliseExperiment(Experiment experiment) {
        return normaliseExperiment(experiment, null);
    }

    /**
     * The one hash of an experiment: SHA-256 of the RFC 8785 text of {@link #normaliseExperiment(Experiment, Path)}.
     * Provenance records it ({@code experimentSha256}) and the plugin's incremental build compares it.
     */
    public static String experimentSha256(Experiment experiment, Path projectDir) {
        return CanonicalJson.sha256(normaliseExperiment(experiment, projectDir));
    }

    private static JsonNode bigIntegersAsText(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.fields().forEachRemaining(e -> e.setValue(bigIntegersAsText(e.getValue())));
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, bigIntegersAsText(a.get(i)));
            }
        } else if (node.isIntegralNumber() && !CanonicalJson.isSafeInteger(node.bigIntegerValue())) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(node.asText());
        }
        return node;
    }

    /** The engine version from the build-time properties resource, else the jar manifest, else null. */
    public static String engineVersion() {
        String version = property(ENGINE_PROPERTIES, "version");
        if (version == null || version.startsWith("${")) {
            version = ProvenanceCollector.class.getPackage().getImplementationVersion();
        }
        return version;
    }

    /** The version of {@code nd4j-api} on the class path (from its Maven pom.properties), else null. */
    public static String nd4jVersion() {
        return property(ND4J_POM_PROPERTIES, "version");
    }

    private static String property(String resource, String key) {
        try (InputStream in = ProvenanceCollector.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key);
        } catch (IOException e) {
            return null;
        }
    }

    /** The CPU model from /proc/cpuinfo, else null. */
    public static String cpuModel() {
        return cpuModel(Path.of("/proc/cpuinfo"));
    }

    /** The first "model name" (x86) or "Model"/"Hardware"/"cpu model" (other CPUs) value in a cpuinfo file. */
    static String cpuModel(Path cpuinfo) {
        List<String> lines;
        try {
            lines = Files.readAllLines(cpuinfo, StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        for (String key : List.of("model name", "cpu model", "Model", "Hardware")) {
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    String value = line.substring(colon + 1).trim();
                    if (!value.isEmpty()) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    /**
     * The git state of a folder.
     *
     * @param commit the full hash of HEAD, or null
     * @param dirty  whether there are uncommitted changes or untracked files, or null when unknown
     */
    public record GitState(String commit, Boolean dirty) {
        public static final GitState UNKNOWN = new GitState(null, null);
    }

    /**
     * Runs {@code git rev-parse HEAD} and {@code git status --porcelain} in {@code dir}, each killed after
     * {@code timeout}. No git, no repository, a timeout or any failure gives nulls, never an exception.
     */
    public static GitState gitState(Path dir, Duration timeout) {
        String head = git(dir, timeout, "rev-parse", "--verify", "HEAD");
        if (head == null || !head.trim().matches("[0-9a-f]{40,64}")) {
            return GitState.UNKNOWN;
        }
        String status = git(dir, timeout, "status", "--porcelain");
        return new GitState(head.trim(), status == null ? null : !status.isBlank());
    }

    private static String git(Path dir, Duration timeout, String... args) {
        Path out = null;
        Process process = null;
        try {
            out = Files.createTempFile("mlp-git", ".out");
            List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toAbsolutePath().toString()));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(isWindows() ? "NUL" : "/dev/null")));
            pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
            pb.environment().put("LC_ALL", "C");
            process = pb.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                return null;
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static final class PathSerializer extends StdSerializer<Path> {
        private final Path base;
        private final Path project;

        PathSerializer(Path base, Path project) {
            super(Path.class);
            this.base = base;
            this.project = project;
        }

        @Override
        public void serialize(Path value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Path shown = value;
            if (base != null) {
                Path abs = base.resolve(value).normalize();
                boolean inProject = project != null && abs.startsWith(project) && base.startsWith(project);
                shown = abs.startsWith(base) || inProject ? base.relativize(abs) : abs;
            }
            gen.writeString(shown.toString().replace('\\', '/'));
        }
    }

    private static final class EnumSerializer extends StdSerializer<Enum<?>> {
        EnumSerializer(Class<Enum<?>> type) {
            super(type);
        }

        @Override
        public void serialize(Enum<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.name().toLowerCase(Locale.ROOT));
        }
    }
}
