import java.security.MessageDigest

// the control: the hand-written model predicts; each broken model fails with the reader's exact message
// (ModelFormat: TRUNCATED_WEIGHTS, CHECKSUM_MISMATCH, NOT_A_MODEL), without a stack trace, writing nothing
def log = new File(basedir, 'build.log').text
def models = new File(basedir, 'models')

def control = new File(basedir, 'target/valid/handmade/predictions.csv').readLines()
assert control == ['input,predicted,probability,top1,top1_probability,top2,top2_probability',
                   'bright.png,bright,0.999141,bright,0.999141,dark,0.000859',
                   'dark.png,dark,0.999372,dark,0.999372,bright,0.000628']

assert log.contains("${new File(models, 'truncated.mlp')}: truncated: the tensor table needs 40 weight bytes but 35 "
        + 'follow the manifest - the file was cut short; write it again')

byte[] damaged = new File(models, 'damaged.mlp').bytes
byte[] valid = new File(models, 'valid.mlp').bytes
def sha = { byte[] b -> MessageDigest.getInstance('SHA-256').digest(Arrays.copyOfRange(b, b.length - 40, b.length)).encodeHex().toString() }
assert log.contains("${new File(models, 'damaged.mlp')}: weights checksum: found SHA-256 ${sha(damaged)}, expected "
        + "${sha(valid)} (from the manifest) - the file is damaged; write it again")

assert log.contains("${new File(models, 'text.mlp')}: not an mlp-maven model file: found first bytes 7468697320697320, "
        + 'expected "MLPMODEL" (4d4c504d4f44454c) - pass a model.mlp written by mlp:train')

// a user's mistake: no stack trace, no exception class names in the log
assert !(log =~ /(?m)^\s+at [a-z]/)
assert !log.contains('ModelFileException')
['truncated', 'damaged', 'text'].each { assert !new File(basedir, "target/${it}").exists() }
return true
