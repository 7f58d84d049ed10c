import groovy.json.JsonOutput
import java.awt.image.BufferedImage
import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.security.MessageDigest
import javax.imageio.ImageIO

// A model file written here, from the format's documentation (docs/model-format.md), independently of the
// plugin's writer: a 2x2 gray image input, one softmax layer "dark"/"bright". Then three broken copies.
def models = new File(basedir, 'models')
models.mkdirs()
float[] weights = [-1, -1, -1, -1, 1, 1, 1, 1, 0, 0] // layers.0.weights [2, 4], then layers.0.bias [2]
def w = ByteBuffer.allocate(4 * weights.length).order(ByteOrder.LITTLE_ENDIAN)
weights.each { w.putFloat(it) }
byte[] weightBytes = w.array()
def manifest = [
        inputSize    : 4,
        input        : [kind: 'image', height: 2, width: 2, channels: 1, invert: false, resize: 'none',
                        scaling: [kind: 'standardize', mean: 0.5, std: 0.5]],
        classNames   : ['dark', 'bright'],
        layers       : [[in: 4, out: 2, activation: 'softmax']],
        tensors      : [[name: 'layers.0.weights', shape: [2, 4], offset: 0, byteLength: 32],
                        [name: 'layers.0.bias', shape: [2], offset: 32, byteLength: 8]],
        weightsSha256: MessageDigest.getInstance('SHA-256').digest(weightBytes).encodeHex().toString(),
        provenance   : [experiment: [name: 'handmade']]
]
byte[] json = JsonOutput.toJson(manifest).getBytes('UTF-8')
def file = ByteBuffer.allocate(16 + json.length + weightBytes.length).order(ByteOrder.BIG_ENDIAN)
file.put('MLPMODEL'.getBytes('US-ASCII')).putInt(2).putInt(json.length).put(json).put(weightBytes)
byte[] valid = file.array()
new File(models, 'valid.mlp').bytes = valid
new File(models, 'truncated.mlp').bytes = Arrays.copyOf(valid, valid.length - 5)
byte[] damaged = valid.clone()
damaged[damaged.length - 3] ^= 1
new File(models, 'damaged.mlp').bytes = damaged
new File(models, 'text.mlp').text = 'this is not a model\n'

['dark.png': 10, 'bright.png': 240].each { name, gray ->
    def img = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY)
    (0..3).each { img.raster.setSample(it % 2, it.intdiv(2), 0, gray) }
    new File(basedir, 'images').mkdirs()
    ImageIO.write(img, 'png', new File(basedir, "images/${name}"))
}
return true
