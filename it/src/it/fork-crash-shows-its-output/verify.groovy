// Messages.FORK_CRASHED: "mlp: the forked JVM ended with exit code %d without a message, expected exit code 0 -
// its last lines of output:%n%s" (the JVM prints start-up errors on standard output)
def log = new File(basedir, 'build.log').text
assert log =~ /mlp: the forked JVM ended with exit code \d+ without a message, expected exit code 0 - its last lines of output:/
// in the failure message itself, after the streamed line
assert log =~ /(?s)its last lines of output:\s*\R.*Too small maximum heap.*-> \[Help 1\]/
assert !new File(basedir, 'target/mlp/crash/fingerprint').exists()
return true
