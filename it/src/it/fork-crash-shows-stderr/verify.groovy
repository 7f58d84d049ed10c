// Messages.FORK_CRASHED: "mlp: the forked JVM ended with exit code %d without a message, expected exit code 0 -
// its last lines on standard error:%n%s"
def log = new File(basedir, 'build.log').text
assert log =~ /mlp: the forked JVM ended with exit code \d+ without a message, expected exit code 0 - its last lines on standard error:/
assert log.contains('Too small maximum heap')
assert !new File(basedir, 'target/mlp/crash/fingerprint').exists()
return true
