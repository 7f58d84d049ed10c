// A Maven build started by a verify.groovy, so that the test can kill or stop the Maven JVM while its fork trains
// (the invoker's own build cannot be killed from inside). It runs offline on the IT repository (filled by
// setup-resolve-plugin), with the IT settings (the same repository ids, so the resolver accepts what it finds).
//
//   def lib = new GroovyShell(this.class.classLoader, this.binding).evaluate(new File(itLibrary, 'NestedMaven.groovy'))
//   def build = lib.start(basedir, ['-B', 'verify'])
//   build.awaitLine(~/epoch 1\//, 120)
//   def maven = build.mavenJvm(); def fork = build.fork()
import java.util.concurrent.TimeUnit
import java.util.regex.Pattern

class NestedBuild {
    Process process
    File log
    List<String> lines = Collections.synchronizedList([])

    /** Waits until a line of the build matches {@code pattern}; fails after {@code seconds}. */
    String awaitLine(Pattern pattern, long seconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
        while (System.nanoTime() < end) {
            def hit = lines.find { pattern.matcher(it).find() }
            if (hit != null) {
                return hit
            }
            assert process.alive: "the nested build ended before a line matched ${pattern}:\n${lines.join('\n')}"
            Thread.sleep(100)
        }
        throw new AssertionError("no line matched ${pattern} in ${seconds} s:\n${lines.join('\n')}")
    }

    /** The Maven JVM (the mvn script may exec it or start it as a child). */
    ProcessHandle mavenJvm() {
        def all = [process.toHandle()] + process.toHandle().descendants().toList()
        def jvm = all.find { it.info().commandLine().orElse('').contains('plexus.classworlds') }
        assert jvm != null: "no Maven JVM among ${all*.info()*.commandLine()}"
        return jvm
    }

    /** The forked JVM that runs the engine. */
    ProcessHandle fork() {
        def fork = mavenJvm().descendants().toList()
                .find { it.info().commandLine().orElse('').contains('dev.mlpmaven.engine.cli.Main') }
        assert fork != null: 'no forked JVM under the Maven JVM'
        return fork
    }

    String text() {
        synchronized (lines) {
            return lines.join('\n')
        }
    }
}

def start(File basedir, List<String> goals) {
    def template = new File(itSettingsTemplate).text
    def url = new File(outerRepository).toURI().toString()
    def settings = new File(basedir, 'target/nested-settings.xml')
    settings.parentFile.mkdirs()
    settings.text = template.replace('@localRepositoryUrl@', url)
    def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
    def command = [mvn, '-o', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}".toString()] + goals
    def build = new NestedBuild(process: new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start(),
            log: new File(basedir, 'nested-build.log'))
    Thread.start {
        build.log.withWriter { w ->
            build.process.inputStream.eachLine('UTF-8') { line ->
                build.lines << line
                w.println(line)
                w.flush()
            }
        }
    }
    return build
}

/** Waits until {@code handle} has ended; false after {@code seconds}. */
boolean awaitEnd(ProcessHandle handle, long seconds) {
    try {
        handle.onExit().get(seconds, TimeUnit.SECONDS)
        return true
    } catch (java.util.concurrent.TimeoutException e) {
        return !handle.alive
    }
}

/** Nothing of the experiment {@code name} under a final name, no staging folder left, no fork argument file. */
void assertNothingWritten(File basedir, String name) {
    def mlp = new File(basedir, 'target/mlp')
    assert !new File(mlp, name).exists(): "the fork wrote ${new File(mlp, name)}"
    def left = (mlp.listFiles() ?: []).findAll { it.name.startsWith(".${name}.") }
    assert left.isEmpty(): "left behind: ${left}"
    def args = (new File(basedir, 'target/mlp-fork').listFiles() ?: []).findAll { it.name.endsWith('.args') }
    assert args.isEmpty(): "argument files left: ${args}"
}

return this
