import java.util.jar.JarFile

// the jar holds the trained model (bytes equal to target/mlp/sample/model.mlp), the unit test used it, and a plain
// Java program with only the runtime jar beside the application jar loads it from the class path and predicts
def log = new File(basedir, 'build.log').text
def appJar = new File(basedir, 'target/model-in-app-jar-1.0.jar')
def model = new File(basedir, 'target/mlp/sample/model.mlp')
new JarFile(appJar).withCloseable { jar ->
    def entry = jar.getEntry('mlp/sample.mlp')
    assert entry != null
    assert jar.getInputStream(entry).bytes == model.bytes
}
assert log.contains("[INFO] mlp: sample: copied the model to ${new File(basedir, 'target/classes/mlp/sample.mlp')} (in the jar as mlp/sample.mlp; MlpModel.loadResource(\"mlp/sample.mlp\") loads it)")
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0/

// the runtime: one jar, no dependencies in its pom, under 150 KB
def versions = new File(localRepositoryPath, 'dev/mlpmaven/mlp-runtime').listFiles().findAll { it.isDirectory() }
assert versions.size() == 1
def version = versions[0].name
def runtimeJar = new File(versions[0], "mlp-runtime-${version}.jar")
assert runtimeJar.length() < 150 * 1024
assert !new File(versions[0], "mlp-runtime-${version}.pom").text.contains('<dependency>')

def java = new File(System.getProperty('java.home'), 'bin/java').absolutePath
def process = [java, '-cp', "${appJar.absolutePath}${File.pathSeparator}${runtimeJar.absolutePath}", 'com.example.App'].execute()
def out = new StringBuilder()
def err = new StringBuilder()
process.waitForProcessOutput(out, err)
println out
assert process.exitValue() == 0 : err
def lines = out.toString().readLines()
assert lines[0] == 'model: MlpModel[784-32-10, 10 classes, format 2]'
assert lines[1] ==~ /prediction: .+ \(class \d, probability [01]\.\d{6}\)/
assert lines.drop(2).size() == 3 && lines.drop(2).every { it ==~ /top: .+ \(\d\): [01]\.\d{6}/ }
return true
