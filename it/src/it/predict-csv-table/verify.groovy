import groovy.json.JsonSlurper

// mlp:predict on a CSV file with a label column: one row per data row, accuracy and confusion matrix; the rows are
// the test rows (columns found by name, the extra id column ignored), so the numbers are exactly those of the
// training's test split
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/mlp/table')
def metrics = new JsonSlurper().parse(new File(out, 'metrics.json'))
def summary = new JsonSlurper().parse(new File(out, 'predictions.json'))
assert summary.count == 60
assert summary.labelled
assert summary.classNames == ['a', 'b', 'c']
assert summary.accuracy == metrics.test.accuracy
assert summary.confusionMatrix == metrics.test.confusionMatrix
assert summary.accuracy > 0.4 && summary.accuracy < 1.0

def lines = new File(out, 'predictions.csv').readLines()
assert lines.size() == 61
assert lines[0] == 'input,label,predicted,probability,top1,top1_probability,top2,top2_probability,top3,top3_probability'
assert lines[1] ==~ /line 2,a,([abc]),[01]\.\d{6},\1,[01]\.\d{6},[abc],0\.\d{6},[abc],0\.\d{6}/
assert lines[60].startsWith('line 61,c,')
def correct = lines.drop(1).count { it.split(',')[1] == it.split(',')[2] }
assert correct == summary.correct
assert correct / 60d == (metrics.test.accuracy as double)

def input = new File(basedir, 'data/predict.csv').absolutePath
assert log.contains("[INFO] mlp: table: predicting 60 rows of ${input} (labelled)")
assert log.contains(String.format(Locale.ROOT, '[INFO] mlp: table: accuracy %.4f (%d of 60 correct)', metrics.test.accuracy as double, correct))
assert log.contains('[INFO] mlp: table: confusion matrix (rows: true class, columns: predicted class)')
assert log.contains("[INFO] mlp: table: wrote ${new File(out, 'predictions.csv').absolutePath} and predictions.json")

// the second invocation: the gzip-compressed, ';'-separated copy gives the very same predictions
def gz = new File(basedir, 'target/predict-gz/table')
assert new File(gz, 'predictions.csv').readLines() == lines
def gzSummary = new JsonSlurper().parse(new File(gz, 'predictions.json'))
assert gzSummary.input == new File(basedir, 'data/predict-semicolons.csv.gz').absolutePath
assert gzSummary.findAll { it.key != 'input' } == summary.findAll { it.key != 'input' }
assert log.contains("[INFO] mlp: table: predicting 60 rows of ${new File(basedir, 'data/predict-semicolons.csv.gz').absolutePath} (labelled)")
return true
