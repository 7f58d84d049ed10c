// an unknown key fails the build with one message naming file, line, column and key; no stack trace, and
// nothing written under target/mlp
def log = new File(basedir, 'build.log').text
def yaml = new File(basedir, 'src/main/mlp/bad.yaml')
def line = yaml.readLines().findIndexOf { it.startsWith('trainig:') } + 1
assert line > 0
assert log.contains("${yaml}:${line}:1: trainig: found unknown key 'trainig', expected a key of the experiment"
        + " - did you mean 'training'?")
assert log.contains('BUILD FAILURE')
assert !log.contains('at dev.mlpmaven')
assert !log.contains('Exception:')
assert !new File(basedir, 'target/mlp/bad').exists()
return true
