import java.security.MessageDigest

def log = new File(basedir, 'build.log').text
def has = { String text, int times = 1 ->
    if (log.count(text) != times) {
        throw new AssertionError("build.log has ${log.count(text)} times, expected ${times}: ${text}")
    }
}
def mlp = new File(basedir, 'src/main/mlp')
def nameRule = "expected a name that starts with a letter or digit, then letters, digits, '.', '_' or '-'" +
        " - it names the output folder target/mlp/<name>/, e.g. name: fashion-seed"

// builds 1 and 2: name: .. in the file, refused while the experiments are read, before anything is trained
has("${new File(mlp, 'dotdot.yaml')}:1:7: name: found '..', ${nameRule}", 2)
// build 3: -Dmlp.set.name=..
has("<override mlp.set.name>: name: found '..', ${nameRule}")
// builds 1, 2 and 4: name: .
has("${new File(mlp, 'dot.yaml')}:1:7: name: found '.', ${nameRule}", 3)
// build 5: extends aimed outside the extends root, and the secret never printed
def probe = new File(basedir, 'probe').canonicalFile
def settings = new File(basedir, 'home/.m2/settings.xml').canonicalPath
has("${new File(probe, 'steal.yaml')}:2:10: extends: found absolute path '${settings}', expected a" +
        " path relative to the folder of ${new File(probe, 'steal.yaml')} - extends reads only .yaml and .yml files" +
        " under ${probe} (widen it with <extendsRoot> or -Dmlp.extendsRoot)")
has("${new File(probe, 'climb.yaml')}:2:10: extends: found '../home/.m2/settings.yaml', which leads" +
        " to ${new File(basedir, 'home/.m2/settings.yaml').canonicalPath} outside ${probe}, expected a file under" +
        " ${probe} - extends reads only files under this folder; move the base file into it, or widen it with" +
        " <extendsRoot> or -Dmlp.extendsRoot")
has('it-s3cr3t-p4ss', 0)

has('BUILD FAILURE', 5)
has('BUILD SUCCESS', 0)
has('at dev.mlpmaven', 0)
has('Exception:', 0)
has('epoch 1/1', 0)

// every file that was there before the builds is still there, unchanged
def before = new File(basedir, 'files-before.txt').readLines()
def changed = before.findAll { line ->
    def f = new File(basedir, line.substring(65))
    !f.isFile() || MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() != line.substring(0, 64)
}
assert changed.isEmpty() : "changed or deleted: ${changed}"
assert before.size() >= 14
// and nothing was staged for the refused experiments
def hidden = []
basedir.eachFileRecurse(groovy.io.FileType.DIRECTORIES) { d ->
    if (d.name.contains('.staging-') || d.name.contains('.old-')) hidden << d
}
assert hidden.isEmpty()
return true
