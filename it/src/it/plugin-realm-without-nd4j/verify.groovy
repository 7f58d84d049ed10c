def log = new File(basedir, 'build.log').text
assert log.contains("mlp: ${new File(basedir, 'src/main/mlp/realm.yaml')} is valid")
// Maven's debug log lists the jars of each plugin realm, one "Included:" line each
def lines = log.readLines()
def start = lines.findIndexOf { it.contains('Populating class realm plugin>dev.mlpmaven:mlp-maven-plugin') }
assert start >= 0
def realm = lines.drop(start + 1).takeWhile { it.contains('Included: ') }
assert realm.any { it.contains('dev.mlpmaven:mlp-engine:jar') }
assert realm.any { it.contains('dev.mlpmaven:mlp-config:jar') }
['org.nd4j', 'org.bytedeco', 'net.java.dev.jna', 'org.knowm.xchart', 'org.apache.pdfbox'].each { g ->
    assert !realm.any { it.contains(g + ':') }: "the plugin realm holds ${g}: ${realm.findAll { it.contains(g) }}"
}
return true
