def log = new File(basedir, 'build.log').text
def has = { String text, int times = 1 ->
    if (log.count(text) != times) {
        throw new AssertionError("build.log has ${log.count(text)} times, expected ${times}: ${text}")
    }
}
// build 1: the estimate, before anything is allocated (the free heap varies; the need does not)
def memory = ~/model: found a network that needs about [0-9.]+ GiB \(weights 1\.5 GiB, gradients 0 B, optimizer state 1\.5 GiB, activations for a batch of 256 [0-9]+ MiB, converted inputs [0-9]+ MiB\), expected at most [0-9]+ MiB, what this JVM may use \(heap [0-9]+ MiB free of -Xmx 256 MiB, off-heap [0-9]+ MiB\) - give the fork more memory with -Dmlp\.forkMaxHeap=[0-9]+g \(its -Xmx and off-heap limit\), or use smaller layers \(model\.hidden\) or a smaller training\.batchSize/
assert (log =~ memory).find() : 'build 1 lacks the memory message'
has('wide: epoch 1/1', 0)
// build 2: layers that no JVM can hold, refused while the experiments are read
def never = new File(basedir, 'src/never')
has("${new File(never, 'huge.yaml')}:3:12: model.hidden[0]: found 100000000, expected an integer from 1 to" +
        " 16777216 - a layer has at most 16777216 units, what a model file holds, e.g. hidden: [256, 256]")
has("${new File(never, 'square.yaml')}:3:19: model.hidden[1]: found 65536 units after a layer of 65536, expected" +
        " at most 32767 units there - a layer's weights (units x (inputs + 1)) are one array of at most 2147483639" +
        " values, so this layer can never fit; use smaller layers")
// build 3
has("mlp: forkMaxHeap: found 'lots', expected a size such as 8g, 512m or 2048m - it becomes the fork's -Xmx and" +
        " off-heap limit (-Dmlp.forkMaxHeap=8g)")

has('BUILD FAILURE', 3)
has('Exception:', 0)
has('at dev.mlpmaven', 0)
has('SIGSEGV', 0)
def crashLogs = []
basedir.eachFileRecurse(groovy.io.FileType.FILES) { f -> if (f.name.startsWith('hs_err')) crashLogs << f }
assert crashLogs.isEmpty() : "JVM crash logs: ${crashLogs}"
assert !new File(basedir, 'target/mlp/wide').exists()
return true
