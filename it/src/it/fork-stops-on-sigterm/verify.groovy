def lib = new GroovyShell(this.class.classLoader, this.binding).evaluate(new File(itLibrary, 'NestedMaven.groovy'))
def build = lib.start(basedir, ['-B', 'verify', '-Dmlp.cacheDir=target/cache'])
ProcessHandle fork = null
try {
    build.awaitLine(~/\[INFO\] stopped: epoch 1\/500 /, 180)
    def maven = build.mavenJvm()
    fork = build.fork()

    maven.destroy() // SIGTERM

    // Maven waits for its fork (at most the 10 s grace), so the fork has ended when Maven has
    assert lib.awaitEnd(maven, 30): 'Maven still runs 30 s after SIGTERM'
    assert !fork.alive: 'Maven ended but left its fork running'
    // the fork was asked, not killed: it said why it stops (ParentWatch.STOPPING + STOP_REQUESTED)
    build.awaitLine(~/mlp: fork: stopping, because the plugin asked it to \(Maven is stopping or the fork timed out\)/, 10)
    lib.assertNothingWritten(basedir, 'stopped')
} finally {
    fork?.destroyForcibly()
    build.process.destroyForcibly()
}
return true
