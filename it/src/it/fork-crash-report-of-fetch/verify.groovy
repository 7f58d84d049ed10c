// Messages.FORK_CRASHED, then Messages.FORK_CRASH_REPORT: "the JVM's crash report: %s"
def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/mlp-fork').listFiles().findAll { it.name ==~ /hs_err_pid\d+\.log/ }
assert reports.size() == 1
assert reports[0].text.contains('OutOfMemoryError')
assert log =~ /mlp: the forked JVM ended with exit code \d+ without a message, expected exit code 0 - its last lines of output:/
assert log.contains("the JVM's crash report: ${reports[0]}")
assert !basedir.listFiles().any { it.name.startsWith('hs_err_pid') }
assert !new File(basedir, 'target/mlp').exists()
return true
