// mvn install publishes the model beside the project's pom: type mlp, classifier = experiment name
def installed = new File(localRepositoryPath,
        'dev/mlpmaven/it/attached-model-installed/1.0/attached-model-installed-1.0-attached.mlp')
def trained = new File(basedir, 'target/mlp/attached/model.mlp')
assert installed.isFile()
assert installed.bytes == trained.bytes
return true
