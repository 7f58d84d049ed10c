// Messages.FORK_TIMEOUT: "mlp: %s: the forked JVM did not end within mlp.forkTimeout=%d s; it was stopped after %.1f s
// - raise -Dmlp.forkTimeout or find where it hangs (mvn -X shows its output)"
def log = new File(basedir, 'build.log').text
assert log =~ /mlp: slow: the forked JVM did not end within mlp.forkTimeout=8 s; it was stopped after (8|9|1\d)\.\d s - raise -Dmlp.forkTimeout or find where it hangs \(mvn -X shows its output\)/
// a failure the user set up, not a crash: no stack trace
assert !log.contains('at dev.mlpmaven.plugin')
def lib = new GroovyShell(this.class.classLoader, this.binding).evaluate(new File(itLibrary, 'NestedMaven.groovy'))
lib.assertNothingWritten(basedir, 'slow')
return true
