// the files that cannot be committed
def mlp = new File(basedir, 'src/main/mlp')
// 15.4: 10 MB (sparse: one long scalar of NUL bytes), refused before it is read
def big = new File(mlp, 'big.yaml')
big.text = 'name: '
new RandomAccessFile(big, 'rw').withCloseable { it.setLength(10_000_000L) }
// 15.6: a name far too long for a folder, echoed by its first 40 characters only
new File(mlp, 'long.yaml').text = 'name: ' + 'v' * 100_000 + '\n'
// 15.7: a folder, a FIFO and a device where data files go
def data = new File(basedir, 'data')
new File(data, 'dir.idx').mkdirs()
def fifo = ['mkfifo', new File(data, 'pipe.idx').path].execute()
assert fifo.waitFor() == 0 : 'mkfifo failed: ' + fifo.err.text
java.nio.file.Files.createSymbolicLink(new File(data, 'dev.idx').toPath(), java.nio.file.Path.of('/dev/null'))
return true
