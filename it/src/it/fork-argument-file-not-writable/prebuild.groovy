// a file where the plugin makes its folder target/mlp-fork/ for the fork's argument files
def target = new File(basedir, 'target')
target.mkdirs()
new File(target, 'mlp-fork').text = 'not a folder'
return true
