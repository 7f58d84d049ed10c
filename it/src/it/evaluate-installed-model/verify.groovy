import groovy.json.JsonSlurper

// mlp:evaluate resolves the installed model (groupId:artifactId:version:classifier, type mlp) and evaluates it
// on the test split of a named dataset
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def evaluation = new JsonSlurper().parse(new File(basedir, 'target/mlp-evaluation.json'))
def metrics = new JsonSlurper().parse(new File(basedir, 'target/mlp/evaluated/metrics.json'))
// the same model on the same test split: the same accuracy
assert Math.abs(evaluation.accuracy - metrics.test.accuracy) < 1e-9
assert evaluation.confusionMatrix.flatten().sum() == 1000
return true
