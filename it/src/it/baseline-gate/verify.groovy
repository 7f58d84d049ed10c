import groovy.xml.XmlSlurper

// mlp:check compares the model about to be released with the last release's model, both scored again on
// today's test data: a better 1.1 passes, a worse one fails with both numbers and the baseline's coordinates
def log = new File(basedir, 'build.log').text
def installed = new File(localRepositoryPath, 'dev/mlpmaven/it/baseline-gate/1.0/baseline-gate-1.0-gate.mlp')
assert installed.isFile()

// build 2: Messages.CHECK_SUMMARY_BASELINE, logged through Messages.CHECK_MET
def passed = (log =~ /mlp: gate: test accuracy (0\.\d{4}), baseline dev\.mlpmaven\.it:baseline-gate:1\.0:gate (0\.\d{4}) on the same 1000 test samples: a drop of (-?0\.\d{4}) \(maximum 0\.0050\)/)
assert passed.find()
assert (passed.group(1) as double) > (passed.group(2) as double)
assert log.contains('mlp: all quality rules are met (1 experiment(s), 1 check(s))')

// build 3: Messages.CHECK_BASELINE names both numbers and the baseline, resolved from [0,) to its last release
def failed = (log =~ /mlp: gate: test accuracy is (0\.\d{4}), (0\.\d{4}) below the (0\.\d{4}) of the baseline dev\.mlpmaven\.it:baseline-gate:1\.0:gate on the same test data \(1000 samples\), but expected a drop of at most 0\.0050/)
assert failed.find()
assert (failed.group(3) as double) - (failed.group(1) as double) > 0.005
// the baseline is the same model, scored on the same data, in builds 2 and 3
assert failed.group(3) == passed.group(2)
assert log.contains("mlp: 1 quality rule violation(s); JUnit report in ${new File(basedir, 'target/mlp-reports')}")

// the JUnit XML of build 3 has the case
def junit = new XmlSlurper().parse(new File(basedir, 'target/mlp-reports/TEST-mlp-gate.xml'))
def c = junit.testcase.find { it.@name == 'maximumAccuracyDrop' }
assert c.failure.@message.text().startsWith("mlp: gate: test accuracy is ${failed.group(1)}, ")
return true
