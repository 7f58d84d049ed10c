package dev.mlpmaven.plugin;

import dev.mlpmaven.engine.platform.NativePlatform;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.transfer.ArtifactTransferException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * The forked JVM's classpath, resolved on demand through Maven's resolver, as surefire resolves its provider: the
 * engine ({@code dev.mlpmaven:mlp-engine} of the plugin's own version) with its runtime dependencies, plus this
 * platform's natives only: {@code org.nd4j:nd4j-native:<classifier>} and {@code org.bytedeco:openblas:<platform>},
 * in the versions the engine's ND4J asks for. Only goals that start a fork call it, so {@code mlp:help},
 * {@code mlp:validate} and {@code mlp:check} never download ND4J; the plugin realm holds none of it.
 *
 * <p>Resolved once per Maven session and platform (kept in the resolver session's data). The repositories are the
 * project's plugin repositories (the plugin came from them).
 */
final class ForkClasspath {
    static final String ENGINE_GROUP = "dev.mlpmaven";
    static final String ENGINE_ARTIFACT = "mlp-engine";
    static final String ND4J_GROUP = "org.nd4j";
    static final String ND4J_NATIVE = "nd4j-native";
    static final String OPENBLAS_GROUP = "org.bytedeco";
    static final String OPENBLAS = "openblas";

    private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime", "");

    /** Runtime classpath, as surefire's: compile and runtime scope, nothing optional below the roots. */
    private static final DependencyFilter RUNTIME = (node, parents) -> {
        Dependency d = node.getDependency();
        return d == null || RUNTIME_SCOPES.contains(d.getScope());
    };

    /** A root that comes without its dependencies. */
    private static final List<Exclusion> ALONE = List.of(new Exclusion("*", "*", "*", "*"));

    private ForkClasspath() {
    }

    /** The cached classpath for this engine version and natives, or a new resolution of it. */
    static List<Path> resolve(RepositorySystem system, RepositorySystemSession session,
                              List<RemoteRepository> repositories, String engineVersion, NativePlatform natives,
                              Log log) throws MojoExecutionException {
        String key = ForkClasspath.class.getName() + ":" + engineVersion + ":" + natives.classifier();
        @SuppressWarnings("unchecked")
        List<Path> cached = (List<Path>) session.getData().get(key);
        if (cached != null) {
            return cached;
        }
        List<Path> classpath = List.copyOf(resolveNow(system, session, repositories, engineVersion, natives));
        session.getData().set(key, classpath);
        log.debug(format(Messages.FORK_CLASSPATH, classpath.size(), natives.classifier()));
        return classpath;
    }

    private static List<Path> resolveNow(RepositorySystem system, RepositorySystemSession session,
                                         List<RemoteRepository> repositories, String engineVersion,
                                         NativePlatform natives) throws MojoExecutionException {
        // nd4j-native's pom asks for its own natives of the machine's platform (the plain build, 91 MB): every
        // classifier but the chosen one is excluded below the engine; the two native jars come alone (their
        // dependencies are the engine's, as its pom trims them)
        List<Exclusion> otherNatives = NativePlatform.PUBLISHED.stream().filter(c -> !c.equals(natives.classifier()))
                .map(c -> new Exclusion(ND4J_GROUP, ND4J_NATIVE, c, "jar")).toList();
        Dependency engine = new Dependency(new DefaultArtifact(ENGINE_GROUP, ENGINE_ARTIFACT, "jar", engineVersion),
                "runtime", false, otherNatives);
        try {
            // the engine's graph names the ND4J and OpenBLAS versions its natives must have
            DependencyNode graph = system.collectDependencies(session, new CollectRequest(engine, repositories))
                    .getRoot();
            String nd4j = versionOf(graph, ND4J_GROUP, ND4J_NATIVE);
            String openblas = versionOf(graph, OPENBLAS_GROUP, OPENBLAS);
            List<Dependency> roots = new ArrayList<>(List.of(engine,
                    new Dependency(new DefaultArtifact(ND4J_GROUP, ND4J_NATIVE, natives.classifier(), "jar", nd4j),
                            "runtime", false, ALONE)));
            if (openblas != null) {
                roots.add(new Dependency(new DefaultArtifact(OPENBLAS_GROUP, OPENBLAS, natives.platform(), "jar",
                        openblas), "runtime", false, ALONE));
            }
            CollectRequest all = new CollectRequest(roots, List.of(), repositories);
            DependencyResult result = system.resolveDependencies(session, new DependencyRequest(all, RUNTIME));
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult r : result.getArtifactResults()) {
                jars.add(r.getArtifact().getFile().toPath());
            }
            return jars;
        } catch (DependencyCollectionException | DependencyResolutionException e) {
            throw failure(e, session.isOffline());
        }
    }

    private static String versionOf(DependencyNode node, String group, String artifact) {
        Artifact a = node.getArtifact();
        if (a != null && a.getGroupId().equals(group) && a.getArtifactId().equals(artifact)
                && a.getClassifier().isEmpty()) {
            return a.getVersion();
        }
        for (DependencyNode child : node.getChildren()) {
            String v = versionOf(child, group, artifact);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Which artifacts are missing, and what to do: offline, how to fetch them; online, the resolver's reason. */
    static MojoExecutionException failure(Exception e, boolean offline) {
        Set<Artifact> missing = missing(e);
        if (offline && !missing.isEmpty()) {
            String names = missing.stream().map(ForkClasspath::coordinates).collect(Collectors.joining(", "));
            String fetch = missing.stream().map(a -> "mvn dependency:get -Dartifact=" + coordinates(a))
                    .collect(Collectors.joining("; "));
            return new MojoExecutionException(format(Messages.FORK_CLASSPATH_OFFLINE, names, fetch), e);
        }
        return new MojoExecutionException(format(Messages.FORK_CLASSPATH_UNRESOLVED, e.getMessage()), e);
    }

    /** {@code groupId:artifactId:version:type[:classifier]}, as dependency:get takes it. */
    static String coordinates(Artifact a) {
        return a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion() + ":" + a.getExtension()
                + (a.getClassifier().isEmpty() ? "" : ":" + a.getClassifier());
    }

    private static Set<Artifact> missing(Throwable e) {
        Set<Artifact> found = new LinkedHashSet<>();
        if (e instanceof DependencyResolutionException d && d.getResult() != null) {
            for (ArtifactResult r : d.getResult().getArtifactResults()) {
                if (!r.isResolved()) {
                    found.add(r.getRequest().getArtifact());
                }
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ArtifactTransferException a && a.getArtifact() != null) {
                found.add(a.getArtifact());
            } else if (t instanceof ArtifactDescriptorException a && a.getResult() != null) {
                found.add(a.getResult().getRequest().getArtifact());
            } else if (t instanceof ArtifactResolutionException a) {
                a.getResults().stream().filter(r -> !r.isResolved()).forEach(r -> found.add(r.getRequest().getArtifact()));
            }
            for (Throwable s : t.getSuppressed()) {
                found.addAll(missing(s));
            }
        }
        return found;
    }
}
