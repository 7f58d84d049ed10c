// offline (mvn -o), mnist is in no cache and no data folder: one clear message, no download attempt, no stack
def log = new File(basedir, 'build.log').text
def cache = new File(basedir, 'target/empty-cache')
assert log.contains("dataset mnist: train-images-idx3-ubyte.gz is neither in the cache (${cache}) nor in a data directory (")
assert log.contains('and downloads are off (offline) - run `mvn mlp:fetch` once online to fill the cache')
assert log.contains('BUILD FAILURE')
assert !log.contains('at dev.mlpmaven')
assert !new File(basedir, 'target/mlp/offline/model.mlp').exists()
return true
