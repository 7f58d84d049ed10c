// Messages.BAD_ARG_LINE: "mlp: argLine [%s]: found an unclosed %s quote, expected quotes in pairs - check <argLine>
// or -Dmlp.argLine"
def log = new File(basedir, 'build.log').text
assert log.contains("mlp: argLine [-Dname='a]: found an unclosed ' quote, expected quotes in pairs - check <argLine> or -Dmlp.argLine")
// a user mistake: no stack trace
assert !log.contains('at dev.mlpmaven.plugin')
assert !new File(basedir, 'target/mlp/quoted').exists()
return true
