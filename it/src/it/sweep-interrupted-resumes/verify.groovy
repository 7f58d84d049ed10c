import groovy.json.JsonSlurper

// a sweep interrupted after 2 of 4 trials (its fork killed) resumes at the third: finished trials are not trained
// again, and the two left train in two forks whose BLAS threads together stay within the cores
def log = new File(basedir, 'build.log').text
def trials = new File(basedir, 'target/mlp/resume/trials')
def ids = trials.listFiles().findAll { it.isDirectory() && !it.name.startsWith('.') }*.name.sort()
assert ids.size() == 4

// build 1: the fork died after the second DONE, without a message (Messages.FORK_CRASHED)
assert log.contains('mlp: the forked JVM ended with exit code 137 without a message, expected exit code 0')
// Messages.SWEEP_TRIALS, once per build
assert log.count('mlp: sweep resume: 4 trial(s), 0 up to date, 4 to train') == 1
assert log.count('mlp: sweep resume: 4 trial(s), 2 up to date, 2 to train') == 1
assert log.count('mlp: sweep resume: 4 trial(s), 4 up to date, 0 to train') == 1

// every trial was trained exactly once over the three builds (ExperimentRunner.SUMMARY_LINE)
ids.each { id -> assert log.count("resume-${id}: test accuracy ") == 1 : id }

// the threads each fork reported in provenance.json: one fork alone uses every core; two at once a half each
int cores = Runtime.runtime.availableProcessors()
int forks = Math.min(2, cores)
def json = new JsonSlurper()
def first = log.indexOf('mlp: sweep resume: 4 trial(s), 2 up to date')
def threads = ids.collectEntries { id -> [id, json.parse(new File(trials, "${id}/provenance.json")).threads] }
def early = ids.findAll { log.indexOf("resume-${it}: test accuracy ") < first }
def late = ids - early
assert early.size() == 2 && late.size() == 2
early.each { assert threads[it] == cores }
late.each { assert threads[it] == Math.max(1, cores.intdiv(forks)) }
assert late.sum { threads[it] } <= Math.max(cores, forks)
if (forks == 2) {
    // Messages.PARALLEL
    assert log.contains("mlp: training 2 experiment(s) and trial(s) in 2 forks at once, ${Math.max(1, cores.intdiv(2))} BLAS thread(s) each (${cores} cores)")
}
// the leaderboard of the sweep has all four
assert new JsonSlurper().parse(new File(basedir, 'target/mlp/resume/leaderboard.json')).sweeps[0].found == 4
return true
