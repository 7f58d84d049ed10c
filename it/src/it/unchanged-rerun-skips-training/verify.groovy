// build 1 trains, build 2 finds nothing changed and skips, build 3 (-Dmlp.force) trains again
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/mlp/rerun')
assert log.count("mlp: rerun: no earlier training in ${out}; training") == 1
// Messages.UP_TO_DATE
assert log.count('mlp: rerun is up to date (experiment, data, plugin version and outputs unchanged); use -Dmlp.force to retrain') == 1
assert log.count('mlp: rerun: retraining because of -Dmlp.force; training') == 1
assert new File(out, 'metrics.json').isFile()
return true
