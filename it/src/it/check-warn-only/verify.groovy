import groovy.xml.XmlSlurper
// haltOnFailure=false: each violation is a warning (jacoco's wording), the build passes, the JUnit XML fails
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] mlp: given: recall of class 2 (bird) is 0.5000, but expected minimum is 0.5500')
assert !log.contains('recall of class 1 (dog) is')
assert log.contains("[WARNING] mlp: 1 quality rule violation(s); JUnit report in ${new File(basedir, 'target/mlp-reports')}")
assert log.contains('BUILD SUCCESS')
def junit = new XmlSlurper().parse(new File(basedir, 'target/mlp-reports/TEST-mlp-given.xml'))
assert junit.@tests == '1'
assert junit.@failures == '1'
assert junit.testcase.failure.@message.text() == 'mlp: given: recall of class 2 (bird) is 0.5000, but expected minimum is 0.5500'
return true
