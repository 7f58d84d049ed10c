import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.util.zip.ZipFile

def sha256(File f) { MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }

def log = new File(basedir, 'build.log').text
['build-1', 'build-2'].each { b ->
    assert log.contains("mlp: same: no earlier training in ${new File(basedir, "${b}/same")}; training")
}
def models = ['build-1', 'build-2'].collect { new File(basedir, "${it}/same/model.mlp") }
def archives = ['build-1', 'build-2'].collect { new File(basedir, "${it}/same-report.zip") }
(models + archives).each { assert it.isFile() && it.length() > 0 }

// the two clean builds attached the same bytes
assert sha256(models[0]) == sha256(models[1])
assert sha256(archives[0]) == sha256(archives[1])

// the model carries the build's timestamp, the real times stay in provenance.json and metrics.json
def model = models[0].getText('ISO-8859-1')
assert model =~ /"startTime": ?"2024-01-01T00:00:00Z"/ && model =~ /"endTime": ?"2024-01-01T00:00:00Z"/
def provenance = new JsonSlurper().parse(new File(basedir, 'build-1/same/provenance.json'))
assert provenance.startTime != '2024-01-01T00:00:00Z'
assert new JsonSlurper().parse(new File(basedir, 'build-1/same/metrics.json')).epochs[0].trainSeconds > 0

// the archive: the report, its charts and the experiment, in name order, dated by the timestamp
new ZipFile(archives[0]).withCloseable { z ->
    def names = z.entries().toList()*.name
    assert names == names.toSorted()
    assert names.contains('same/report.html') && names.contains('same/loss.png') && names.contains('same/experiment.json')
    assert !names.any { it.endsWith('metrics.json') || it.endsWith('provenance.json') || it.endsWith('model.mlp') }
}
return true
