def log = new File(basedir, 'build.log').text
def has = { String text, int times = 1 ->
    if (log.count(text) != times) {
        throw new AssertionError("build.log has ${log.count(text)} times, expected ${times}: ${text}")
    }
}
def mlp = new File(basedir, 'src/main/mlp')
def data = new File(basedir, 'data')
def at = { String name -> new File(mlp, name).path }

// 15.7: each value named for what it is
has("${at('epochs.yaml')}:4:11: training.epochs: found 1000000000000, expected an integer from 1 to 2147483647" +
        " - e.g. epochs: 20")
has("${at('inf.yaml')}:4:17: optimizer.learningRate: found .inf, expected a finite number > 0 - e.g." +
        " learningRate: 0.01")
has("${at('tag.yaml')}:3:7: seed: found a YAML tag !!java.net.URL, expected a 64-bit integer - tags are not part" +
        " of the experiment language; remove the tag")
// 15.7: a folder, a FIFO and a device are not "no file"
def regular = 'expected a regular file - name the data file itself'
has("${at('data.yaml')}:4:16: dataset.trainImages: found a directory at ${new File(data, 'dir.idx')}, ${regular}")
has("${at('data.yaml')}:5:16: dataset.trainLabels: found a named pipe (FIFO) at ${new File(data, 'pipe.idx')}, ${regular}")
has("${at('data.yaml')}:6:15: dataset.testImages: found a character device at ${new File(data, 'dev.idx')}, ${regular}")
has("${at('data.yaml')}:7:15: dataset.testLabels: found no file at ${new File(data, 'none.idx')}, expected an IDX" +
        " file (raw, gzip, xz, bzip2 or zstd) - paths are relative to the experiment file that names them")
// 15.4: the 10 MB file is refused unread
has("${at('big.yaml')}: (document): found a file of 10000000 bytes, expected an experiment file of at most 262144" +
        " bytes - experiment files are a few lines of settings; nothing of this file was read")
// 15.6: the long name fails in validate, quoted by its first 40 characters
has("${at('long.yaml')}:1:7: name: found '${'v' * 40}... (100000 characters)', expected at most 100 characters -" +
        " the name is a folder name, and the folder's staging name .<name>.staging-<pid>-<random> must fit the file" +
        " system's limit of 255 bytes")
has('v' * 41, 0)

has('mlp: 6 of 6 experiment files are invalid')
has('BUILD FAILURE')
has('Exception:', 0)
has('at dev.mlpmaven', 0)
assert !new File(basedir, 'target/mlp').exists()
return true
