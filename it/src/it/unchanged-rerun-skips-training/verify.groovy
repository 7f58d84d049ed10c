// build 1 trains, build 2 finds nothing changed and skips, builds 3 and 4 (-Dmlp.force) train again, 4 in Maven's JVM
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/mlp/rerun')
assert log.count("mlp: rerun: no earlier training in ${out}; training") == 1
// Messages.UP_TO_DATE
assert log.count('mlp: rerun is up to date (experiment, data, plugin version and outputs unchanged); use -Dmlp.force to retrain') == 1
assert log.count('mlp: rerun: retraining because of -Dmlp.force; training') == 2
// every training logs its summary, in the fork or in Maven's JVM
assert log.count('[INFO] rerun: test accuracy ') == 3
assert new File(out, 'metrics.json').isFile()
assert new File(out, 'fingerprint').isFile()
return true
