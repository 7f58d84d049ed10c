// Commands.FETCHED, streamed from the fork into the Maven log
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] mlp: sample: dataset fashion-mnist-sample is ready (6000 training and 1000 test images)')
assert !new File(basedir, 'target/mlp').exists()
return true
