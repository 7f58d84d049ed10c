import groovy.json.JsonSlurper

// a model trained on four local IDX files: metrics.json follows the output contract
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/mlp/bars')
assert log.contains('mlp: all quality rules are met (1 experiment(s), 1 check(s))')
assert log =~ /\[INFO\] bars: data local loaded in \d+\.\d{2} s \(400 train, 100 test images, 4 classes\)/

def metrics = new JsonSlurper().parse(new File(out, 'metrics.json'))
assert metrics.name == 'bars'
assert metrics.epochs.size() == 3
assert metrics.epochs*.epoch == [1, 2, 3]
assert metrics.epochs.every { it.trainLoss > 0 && it.validationAccuracy >= 0 && it.trainSeconds > 0 }
assert metrics.test.accuracy >= 0.9 && metrics.test.accuracy <= 1
assert metrics.test.loss > 0
def cm = metrics.test.confusionMatrix
assert cm.size() == 4 && cm.every { it.size() == 4 }
assert cm.flatten().sum() == 100

def experiment = new JsonSlurper().parse(new File(out, 'experiment.json'))
assert experiment.dataset.classNames == ['top', 'upper', 'lower', 'bottom']
assert new File(out, 'model.mlp').length() > 0
assert new File(out, 'report.html').text.contains('bottom')
return true
