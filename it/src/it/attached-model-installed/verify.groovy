// mvn install publishes the model beside the project's pom: type mlp, classifier = experiment name; and the report
// archive: type zip, classifier <name>-report
def dir = new File(localRepositoryPath, 'dev/mlpmaven/it/attached-model-installed/1.0')
def installed = new File(dir, 'attached-model-installed-1.0-attached.mlp')
def trained = new File(basedir, 'target/mlp/attached/model.mlp')
assert installed.isFile()
assert installed.bytes == trained.bytes
def report = new File(dir, 'attached-model-installed-1.0-attached-report.zip')
assert report.isFile()
assert report.bytes == new File(basedir, 'target/mlp/attached-report.zip').bytes
new java.util.zip.ZipFile(report).withCloseable { z -> assert z.getEntry('attached/report.html') != null }
return true
