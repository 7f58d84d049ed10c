import groovy.json.JsonSlurper

// every *.yaml under src/main/mlp (also in subfolders) is an experiment; other files are not
def log = new File(basedir, 'build.log').text
['first', 'second'].each { name ->
    def out = new File(basedir, "target/mlp/${name}")
    assert log.contains("mlp: ${name}: no earlier training in ${out}; training")
    assert new JsonSlurper().parse(new File(out, 'metrics.json')).name == name
    assert new File(out, 'model.mlp').isFile()
    assert new File(basedir, "target/mlp-reports/TEST-mlp-${name}.xml").isFile()
}
assert log.indexOf('mlp: first: no earlier training') < log.indexOf('mlp: second: no earlier training')
assert log.contains('mlp: all quality rules are met (2 experiment(s), 2 check(s))')
assert !log.contains('notes.txt')
return true
