import groovy.xml.XmlSlurper
// the gate fails the build with jacoco's wording and writes a JUnit report CI systems show
def log = new File(basedir, 'build.log').text
// Messages.CHECK_MINIMUM: "mlp: %s: %s is %.4f, but expected minimum is %.4f"
def violation = (log =~ /mlp: gate: test accuracy is 0\.\d{4}, but expected minimum is 0\.9900/)
assert violation.find()
assert log.contains('BUILD FAILURE')
// Messages.CHECK_FAILED
assert log.contains("mlp: 1 quality rule violation(s); JUnit report in ${new File(basedir, 'target/mlp-reports')}")

def junit = new XmlSlurper().parse(new File(basedir, 'target/mlp-reports/TEST-mlp-gate.xml'))
assert junit.@name == 'mlp.gate'
assert junit.@tests == '2'
assert junit.@failures == '1'
def accuracy = junit.testcase.find { it.@name == 'minimumTestAccuracy' }
assert accuracy.failure.@message.text() ==~ /mlp: gate: test accuracy is 0\.\d{4}, but expected minimum is 0\.9900/
def loss = junit.testcase.find { it.@name == 'maximumTestLoss' }
assert loss.failure.size() == 0
return true
