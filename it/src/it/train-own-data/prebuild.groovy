import java.util.zip.GZIPInputStream
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream
import javax.imageio.ImageIO
import java.awt.image.BufferedImage

// scikit-learn's tables come with Debian's python3-sklearn
def sklearn = new File('/usr/lib/python3/dist-packages/sklearn/datasets/data')
['iris.csv', 'breast_cancer.csv', 'digits.csv.gz'].each {
    if (!new File(sklearn, it).isFile()) {
        throw new IllegalStateException("${new File(sklearn, it)} is missing: apt-get install -y python3-sklearn")
    }
}

// The embedded Fashion-MNIST sample (6,000 + 1,000 images) as an image folder: data/fashion/{train,test}/<class>/,
// one grayscale PNG per image, named by its index so that the folder keeps the sample's order; then the same folder
// as a zip and as a .tar.xz.
def sample = new File(basedir, '../../../../mlp-engine/src/main/resources/dev/mlpmaven/engine/data/fashion-mnist-sample')
def classes = ['t-shirt-top', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'ankle-boot']
def idx = { String name -> new DataInputStream(new GZIPInputStream(new FileInputStream(new File(sample, name)))) }
def root = new File(basedir, 'data/fashion')
[['train', 'train'], ['test', 't10k']].each { split, prefix ->
    def images = idx("${prefix}-images-idx3-ubyte.gz")
    def labels = idx("${prefix}-labels-idx1-ubyte.gz")
    assert images.readInt() == 0x803 && labels.readInt() == 0x801
    int n = images.readInt(); labels.readInt()
    int rows = images.readInt(), cols = images.readInt()
    byte[] pixels = new byte[rows * cols]
    for (int i = 0; i < n; i++) {
        images.readFully(pixels)
        int label = labels.read()
        def img = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY)
        img.raster.setDataElements(0, 0, cols, rows, pixels)
        def dir = new File(root, "${split}/${classes[label]}")
        dir.mkdirs()
        ImageIO.write(img, 'png', new File(dir, String.format('%05d.png', i)))
    }
    images.close(); labels.close()
}
def zip = new ZipOutputStream(new FileOutputStream(new File(basedir, 'data/fashion.zip')))
root.eachFileRecurse(groovy.io.FileType.FILES) { f ->
    zip.putNextEntry(new ZipEntry('fashion/' + root.toPath().relativize(f.toPath()).toString()))
    zip.write(f.bytes)
    zip.closeEntry()
}
zip.close()
def tar = new ProcessBuilder('tar', '-cJf', 'fashion.tar.xz', 'fashion').directory(new File(basedir, 'data'))
        .inheritIO().start()
assert tar.waitFor() == 0 : 'tar -cJf failed: apt-get install -y tar xz-utils'
return true
