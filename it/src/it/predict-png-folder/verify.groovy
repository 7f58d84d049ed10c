import groovy.json.JsonSlurper

// mlp:predict on a folder of PNG files in class-named subfolders: one row per image, accuracy and confusion
// matrix; the PNGs are the test images, losslessly, so the numbers are exactly those of the training's test split
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/mlp/bars')
def metrics = new JsonSlurper().parse(new File(out, 'metrics.json'))
def summary = new JsonSlurper().parse(new File(out, 'predictions.json'))
assert summary.count == 100
assert summary.labelled
assert summary.accuracy == metrics.test.accuracy
assert summary.confusionMatrix == metrics.test.confusionMatrix
assert summary.classNames == ['top', 'upper', 'lower', 'bottom']

def lines = new File(out, 'predictions.csv').readLines()
assert lines.size() == 101
assert lines[0] == 'input,label,predicted,probability,top1,top1_probability,top2,top2_probability,top3,top3_probability'
assert lines[1] ==~ /bottom\/003\.png,bottom,(top|upper|lower|bottom),[01]\.\d{6},\1,[01]\.\d{6},\w+,0\.\d{6},\w+,0\.\d{6}/
def correct = lines.drop(1).count { it.split(',')[1] == it.split(',')[2] }
assert correct / 100.0 == metrics.test.accuracy

def images = new File(basedir, 'images').absolutePath
assert log.contains("[INFO] mlp: bars: predicting 100 images in ${images} (labelled by subfolder), 1 other files ignored")
assert log.contains(String.format(Locale.ROOT, '[INFO] mlp: bars: accuracy %.4f (%d of 100 correct)', metrics.test.accuracy as double, correct))
assert log.contains('[INFO] mlp: bars: confusion matrix (rows: true class, columns: predicted class)')
assert log.contains("[INFO] mlp: bars: wrote ${new File(out, 'predictions.csv').absolutePath} and predictions.json")

// -Dmlp.export=onnx: model.onnx beside model.mlp, accepted by onnx.checker (Debian's python3-onnx)
def onnx = new File(out, 'model.onnx')
assert log.contains("[INFO] mlp: bars: exported ${onnx.absolutePath} (ONNX, opset 13)")
def check = ['/usr/bin/python3', '-c', 'import sys, onnx; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True); print("ok")',
             onnx.absolutePath].execute()
def checkOut = new StringBuilder()
check.waitForProcessOutput(checkOut, checkOut)
assert check.exitValue() == 0 : "onnx.checker failed (apt-get install -y python3-onnx): ${checkOut}"
assert checkOut.toString().trim() == 'ok'
return true
