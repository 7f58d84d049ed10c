import java.security.MessageDigest

// What must survive: the project's own files, another experiment's outputs under the default output folder and
// under an output folder inside the project, a file in target/, and a secret outside the extends root.
def file = { String path, String text ->
    def f = new File(basedir, path)
    f.parentFile.mkdirs()
    f.text = text
}
file('target/mlp/other/model.mlp', 'weights of another experiment')
file('target/mlp/other/metrics.json', '{"name": "other"}')
file('target/mlp/index.html', '<html>index</html>')
file('target/keep.txt', 'a file of the build')
file('models/other/model.mlp', 'weights in an output folder inside the project')
file('home/.m2/settings.xml', '<settings><servers><server><id>central</id><password>it-s3cr3t-p4ss</password>'
        + '</server></servers></settings>\n')
file('home/.m2/settings.yaml', 'password: it-s3cr3t-p4ss\n')
file('probe/steal.yaml', 'name: steal\nextends: ' + new File(basedir, 'home/.m2/settings.xml').canonicalPath + '\n')
file('probe/climb.yaml', 'name: climb\nextends: ../home/.m2/settings.yaml\n')

// every file of the project now, with its SHA-256
def lines = []
basedir.eachFileRecurse(groovy.io.FileType.FILES) { f ->
    def rel = basedir.toPath().relativize(f.toPath()).toString()
    if (rel != 'build.log' && !rel.startsWith('build') && rel != 'files-before.txt') {
        lines << MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() + ' ' + rel
    }
}
new File(basedir, 'files-before.txt').text = lines.sort().join('\n') + '\n'
return true
