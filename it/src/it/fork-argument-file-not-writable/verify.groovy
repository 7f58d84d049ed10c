// Messages.ARGFILE_NOT_WRITTEN: "mlp: cannot write the fork's argument file in %s: %s - the build folder must be
// writable (check its permissions and free disk space)"
def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/mlp-fork')
assert log.contains("mlp: cannot write the fork's argument file in ${dir}: a file is in the way at ${dir} - the build"
        + " folder must be writable (check its permissions and free disk space)")
assert !log.contains('check java.home')
assert !new File(basedir, 'target/mlp/blocked').exists()
return true
