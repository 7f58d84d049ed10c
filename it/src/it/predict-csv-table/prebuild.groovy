// Three overlapping classes a, b, c of a table with two numeric columns and one text column (seeded, so that the model
// misclassifies some test rows): data/train.csv (300 rows) and data/test.csv (60 rows), header x,y,colour,kind;
// then the same 60 test rows as data/predict.csv with another column order and an extra id column, and as
// data/predict-semicolons.csv.gz
def dir = new File(basedir, 'data')
dir.mkdirs()
def random = new Random(4321)
def colours = ['red', 'green', 'blue']
def row = { int i ->
    int c = i % 3
    double x = c + 1.2 * random.nextGaussian()
    double y = -0.5 * c + 1.2 * random.nextGaussian()
    String colour = random.nextDouble() < 0.6 ? colours[c] : colours[random.nextInt(3)]
    [x: String.format(Locale.ROOT, '%.4f', x), y: String.format(Locale.ROOT, '%.4f', y), colour: colour,
     kind: ['a', 'b', 'c'][c]]
}
def train = (0..<300).collect { row(it) }
def test = (0..<60).collect { row(it) }
new File(dir, 'train.csv').text = 'x,y,colour,kind\n' + train.collect { "${it.x},${it.y},${it.colour},${it.kind}" }.join('\n') + '\n'
new File(dir, 'test.csv').text = 'x,y,colour,kind\n' + test.collect { "${it.x},${it.y},${it.colour},${it.kind}" }.join('\n') + '\n'
int id = 0
new File(dir, 'predict.csv').text = 'id,kind,colour,y,x\n' + test.collect { "${id++},${it.kind},${it.colour},${it.y},${it.x}" }.join('\n') + '\n'
// and once more gzip-compressed with ';' between the fields (the second invocation of invoker.properties)
new java.util.zip.GZIPOutputStream(new FileOutputStream(new File(dir, 'predict-semicolons.csv.gz'))).withCloseable {
    it.write(new File(dir, 'predict.csv').text.replace(',', ';').getBytes('UTF-8'))
}
return true
