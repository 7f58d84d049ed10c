import groovy.json.JsonSlurper

// a 6-trial sweep trained as three shards and merged by mlp:aggregate gives the leaderboard of the unsharded run
def log = new File(basedir, 'build.log').text
def json = new JsonSlurper()
def one = json.parse(new File(basedir, 'target/board-one/leaderboard.json'))
def shards = json.parse(new File(basedir, 'target/board-shards/leaderboard.json'))

def rows = { board ->
    assert board.sweeps.size() == 1
    def s = board.sweeps[0]
    assert s.name == 'lr-width' && s.trials == 6 && s.found == 6
    s.rows.collect { r -> [r.rank, r.id, r.best, r.value, r.validationAccuracy, r.validationLoss, r.testAccuracy, r.testLoss] }
}
assert rows(one) == rows(shards)
assert one.sweeps[0].best == shards.sweeps[0].best
assert one.sweeps[0].rows.collect { it.id }.unique().size() == 6

// Messages.SHARD_SELECTED: every trial in exactly one shard, two each
(1..3).each { i -> assert log.contains("mlp: shard ${i}/3: 2 of the 6 experiments and trials are this shard's") }
def trained = (1..3).collectMany { i ->
    def dir = new File(basedir, "target/shards/shard-${i}/mlp/lr-width/trials")
    dir.listFiles().findAll { it.isDirectory() && !it.name.startsWith('.') }.collect { it.name }
}
assert trained.sort() == one.sweeps[0].rows.collect { it.id }.sort()

// the sweep's own leaderboard in target/mlp/lr-width/, and the log names its best trial (Leaderboard.BEST_LINE)
assert new File(basedir, 'target/mlp/lr-width/index.html').isFile()
assert log.contains("mlp: sweep lr-width (6 of 6 trials): best trial ${one.sweeps[0].best}, validation_accuracy ")
// Messages.SWEEP_TRIALS
assert log.contains('mlp: sweep lr-width: 6 trial(s), 0 up to date, 6 to train')

// the aggregate's files: sortable page with the best row, charts, CI summary, CSV
def html = new File(basedir, 'target/board-shards/index.html').text
assert html.contains('<table class="sortable" id="sweep-lr-width">') && html.contains('<tr class="best">')
assert new File(basedir, 'target/board-shards/chart-lr-width-1.png').length() > 1000
assert new File(basedir, 'target/board-shards/chart-lr-width-2.png').length() > 1000
assert new File(basedir, 'target/board-shards/summary.md').text.contains('#### sweep lr-width: validation\\_accuracy (maximize), 6 of 6 trials')
def csv = new File(basedir, 'target/board-shards/leaderboard.csv').readLines()
assert csv.size() == 7
assert csv[0].startsWith('sweep,rank,best,id,name,optimizer.learningRate,model.hidden,metric,value,')
// the best model is attached as <sweep>-best (Messages.AGGREGATE_BEST_ATTACHED)
assert log.contains("mlp: sweep lr-width: best trial ${shards.sweeps[0].best}, model ")
assert log.contains('attached as type mlp, classifier lr-width-best')

// Leaderboard.DUPLICATE_TRIAL names both folders
def dup = (log =~ /aggregate: found trial ([0-9a-f]{12}) of sweep lr-width twice, in (\S+) \(validation_accuracy 0\.\d{4}\) and in (\S+) \(validation_accuracy 0\.\d{4}\), expected each trial in one folder/)
assert dup.find()
assert [dup.group(2), dup.group(3)].any { it.contains('/target/shards/shard-') }
assert [dup.group(2), dup.group(3)].any { it.contains('/target/mlp/lr-width/trials/') }
return true
