def lib = new GroovyShell(this.class.classLoader, this.binding).evaluate(new File(itLibrary, 'NestedMaven.groovy'))
def build = lib.start(basedir, ['-B', 'verify', '-Dmlp.cacheDir=target/cache'])
ProcessHandle fork = null
try {
    build.awaitLine(~/\[INFO\] orphan: epoch 1\/500 /, 180)
    def maven = build.mavenJvm()
    fork = build.fork()

    maven.destroyForcibly() // SIGKILL: no shutdown hook of Maven runs
    assert lib.awaitEnd(maven, 10)

    // the orphan notices at once (standard input) or within a second (parent pid), and exits through its hooks
    assert lib.awaitEnd(fork, 15): 'the orphan fork still runs 15 s after Maven was killed'
    lib.assertNothingWritten(basedir, 'orphan')
} finally {
    fork?.destroyForcibly()
    build.process.destroyForcibly()
}
return true
