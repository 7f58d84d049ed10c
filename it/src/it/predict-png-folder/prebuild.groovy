import java.awt.image.BufferedImage
import java.util.zip.GZIPOutputStream
import javax.imageio.ImageIO

// A noisy bars dataset (8x8 images of four classes, class c a faint bar on row 2c over seeded noise: harder than
// train-local-idx-files, so that the model misclassifies some test images) as gzip IDX files, and its 100 test
// images once more as PNG files in subfolders named after their classes: images/<class>/<index>.png
def dir = new File(basedir, 'data')
dir.mkdirs()
def random = new Random(1234)
def classes = ['top', 'upper', 'lower', 'bottom']

def write = { String name, int count ->
    byte[] labels = new byte[count]
    byte[] pixels = new byte[count * 64]
    for (int i = 0; i < count; i++) {
        int c = i % 4
        labels[i] = (byte) c
        for (int p = 0; p < 64; p++) {
            int row = p.intdiv(8)
            int v = row == 2 * c ? 60 + random.nextInt(196) : random.nextInt(220)
            pixels[i * 64 + p] = (byte) v
        }
    }
    def images = new DataOutputStream(new GZIPOutputStream(new FileOutputStream(new File(dir, name + '-images-idx3-ubyte.gz'))))
    images.writeInt(0x00000803); images.writeInt(count); images.writeInt(8); images.writeInt(8); images.write(pixels); images.close()
    def lab = new DataOutputStream(new GZIPOutputStream(new FileOutputStream(new File(dir, name + '-labels-idx1-ubyte.gz'))))
    lab.writeInt(0x00000801); lab.writeInt(count); lab.write(labels); lab.close()
    [pixels, labels]
}
write('train', 400)
def (pixels, labels) = write('t10k', 100)
for (int i = 0; i < 100; i++) {
    def img = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY)
    for (int p = 0; p < 64; p++) {
        img.raster.setSample(p % 8, p.intdiv(8), 0, pixels[i * 64 + p] & 0xFF)
    }
    def file = new File(basedir, "images/${classes[labels[i]]}/${String.format('%03d', i)}.png")
    file.parentFile.mkdirs()
    ImageIO.write(img, 'png', file)
}
new File(basedir, 'images/README.txt').text = 'not an image: mlp:predict ignores it\n'
return true
