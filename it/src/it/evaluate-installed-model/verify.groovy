import groovy.json.JsonSlurper

// mlp:evaluate resolves the installed model (groupId:artifactId:version:classifier, type mlp) and evaluates it
// on the test split of a named dataset; then the model file on the dataset of the experiment
def log = new File(basedir, 'build.log').text
assert !log.contains('BUILD FAILURE')
def metrics = new JsonSlurper().parse(new File(basedir, 'target/mlp/evaluated/metrics.json'))
def installed = new File(localRepositoryPath,
        'dev/mlpmaven/it/evaluate-installed-model/1.0/evaluate-installed-model-1.0-evaluated.mlp')
['target/mlp-evaluation.json', 'target/from-file.json'].each { f ->
    def evaluation = new JsonSlurper().parse(new File(basedir, f))
    // the same model on the same test split: the same accuracy as at the end of training
    assert Math.abs(evaluation.accuracy - metrics.test.accuracy) < 1e-9
    assert evaluation.dataset == 'fashion-mnist-sample'
    assert evaluation.images == 1000
    assert evaluation.confusionMatrix.flatten().sum() == 1000
}
// Commands.EVALUATED: "mlp: %s on the test split of %s (%d images): accuracy %.4f, loss %.4f"
def accuracy = String.format(Locale.ROOT, '%.4f', metrics.test.accuracy as double)
assert log.contains("[INFO] mlp: ${installed} on the test split of fashion-mnist-sample (1000 images): accuracy ${accuracy}, loss ")
assert log.contains("[INFO] mlp: ${new File(basedir, 'target/mlp/evaluated/model.mlp')} on the test split of fashion-mnist-sample (1000 images): accuracy ${accuracy}, loss ")
return true
