// module-b's unit test ran against module-a's attached model and found module-a's test accuracy exactly
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'module-b/target/test-classes/mlp/module-a-sample.mlp').bytes ==
        new File(basedir, 'module-a/target/mlp/sample/model.mlp').bytes
def report = new File(basedir, 'module-b/target/surefire-reports/com.example.SampleModelTest.txt').text
assert report.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log =~ /module-a reported 0\.\d+; module-b computed \d+\/1000/
return true
