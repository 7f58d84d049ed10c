import groovy.json.JsonSlurper

// Own data trained through mvn mlp:train: scikit-learn's tables, and an image folder (plain, zipped, .tar.xz)
def log = new File(basedir, 'build.log').text
def metrics = { String name -> new JsonSlurper().parse(new File(basedir, "target/mlp/${name}/metrics.json")) }
def accuracy = { String name -> metrics(name).test.accuracy as double }

assert log =~ /\[INFO\] iris: data local loaded in \d+\.\d{2} s \(120 train, 30 test rows, 3 classes\)/
assert log =~ /\[INFO\] digits: data local loaded in \d+\.\d{2} s \(1438 train, 359 test rows, 10 classes\)/
assert log =~ /\[INFO\] folder-folder: data local loaded in \d+\.\d{2} s \(6000 train, 1000 test images, 10 classes\)/
assert accuracy('iris') >= 0.93
assert accuracy('digits') >= 0.95
assert accuracy('breast-cancer') >= 0.95

// the image folder made from the sample's images trains like the sample itself
assert Math.abs(accuracy('folder-folder') - accuracy('sample')) <= 0.01
// ... and the same folder in a zip and a .tar.xz trains to identical metrics
['folder-zip', 'folder-tarxz'].each {
    assert metrics(it).test == metrics('folder-folder').test
    assert metrics(it).epochs*.trainLoss == metrics('folder-folder').epochs*.trainLoss
}
assert log.contains('dataset: extracted ') && log.contains('fashion.tar.xz (7000 files)')

// the reports adapt: a feature table for a table, image grids for images
def irisReport = new File(basedir, 'target/mlp/iris/report.html').text
assert irisReport.contains('id="features-table"') && !irisReport.contains('id="prediction-grid"')
assert irisReport.contains('setosa')
def folderReport = new File(basedir, 'target/mlp/folder-folder/report.html').text
assert folderReport.contains('id="prediction-grid"') && folderReport.contains('ankle-boot')
return true
