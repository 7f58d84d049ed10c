package dev.mlpmaven.plugin;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * The fork parameters of a goal ({@link AbstractForkMojo}), as one value for {@link ForkSupport}.
 *
 * @param argLine              JVM options of the fork, or null
 * @param classDataSharing     keep a class-data sharing archive of the fork's classes
 * @param environmentVariables variables of the fork's environment
 * @param cacheDir             the dataset cache, or null for the default
 * @param dataDirs             folders with local copies of named datasets
 * @param offline              no downloads (also when Maven is offline)
 * @param nativeClassifier     the ND4J natives to use instead of this machine's, or null
 * @param forkTimeout          seconds a fork may run before it is stopped; 0 for no limit
 */
record ForkOptions(String argLine, boolean classDataSharing, Map<String, String> environmentVariables, File cacheDir,
                   List<File> dataDirs, boolean offline, String nativeClassifier, int forkTimeout) {
    ForkOptions {
        environmentVariables = Map.copyOf(environmentVariables);
        dataDirs = List.copyOf(dataDirs);
    }
}
