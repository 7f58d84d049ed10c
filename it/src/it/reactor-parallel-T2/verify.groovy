import groovy.json.JsonSlurper

// each module of the reactor trains its own experiment in its own forked JVM (ND4J loads its native library
// once per class loader, deeplearning4j#6166: the fork keeps the modules apart)
def log = new File(basedir, 'build.log').text
// the split: two builder threads share the cores, and OpenBLAS itself (openblas_get_num_threads) runs that many
def share = Math.max(1, Runtime.runtime.availableProcessors().intdiv(2))
['a', 'b'].each { m ->
    def out = new File(basedir, "module-${m}/target/mlp/model-${m}")
    assert log.contains("mlp: model-${m}: no earlier training in ${out}; training")
    def metrics = new JsonSlurper().parse(new File(out, 'metrics.json'))
    assert metrics.name == "model-${m}"
    // 0.688 on this machine after the one epoch of the seeded run; the margin is for other CPU kernels
    assert metrics.test.accuracy >= 0.60
    assert new File(out, 'model.mlp').isFile()
    // Commands.BLAS_THREADS, the fork's DEBUG line after each experiment
    assert log.contains("mlp: model-${m}: OpenBLAS ran ${share} threads (openblas_get_num_threads);"
            + " OMP_NUM_THREADS=${share}, MLP_FORK_THREADS=${share}")
}
assert log.count("mlp: 2 forks may train at once: ${share} threads each") == 2
assert log.contains("BUILD SUCCESS")
// the parallel build really ran with two threads
assert log.contains("Using the MultiThreadedBuilder implementation with a thread count of 2")
return true
