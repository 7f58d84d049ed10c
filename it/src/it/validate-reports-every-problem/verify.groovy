// every problem of every file, each with file:line:column and key; the valid file is named valid
def log = new File(basedir, 'build.log').text
def broken = new File(basedir, 'src/main/mlp/broken.yaml')
def lines = broken.readLines()
def activation = lines.findIndexOf { it.contains('relux') } + 1
def batch = lines.findIndexOf { it.contains('batchSize') } + 1
assert log =~ /broken\.yaml:${activation}:\d+: model\.activation: /
assert log =~ /broken\.yaml:${batch}:\d+: training\.batchSize: /
// Messages.VALIDATE_OK and Messages.VALIDATE_FAILED
assert log.contains("mlp: ${new File(basedir, 'src/main/mlp/good.yaml')} is valid")
assert log.contains('mlp: 1 of 2 experiment files are invalid')
assert !new File(basedir, 'target/mlp').exists()
return true
