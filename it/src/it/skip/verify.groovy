// -Dmlp.skip turns every goal off and says why (Messages.SKIPPED, once per goal)
def log = new File(basedir, 'build.log').text
assert log.count('mlp: skipped, because property mlp.skip is true') == 2
assert !new File(basedir, 'target/mlp').exists()
assert !new File(basedir, 'target/mlp-reports').exists()
return true
