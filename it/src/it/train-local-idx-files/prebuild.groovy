import java.util.zip.GZIPOutputStream

// A tiny, learnable IDX dataset: 8x8 images of four classes, class c a bright horizontal bar on rows 2c and
// 2c+1 over seeded noise. Written as gzip IDX files (magic 0x0803 images, 0x0801 labels), as MNIST ships them.
def dir = new File(basedir, 'data')
dir.mkdirs()
def random = new Random(1234)

def write = { String name, int count ->
    byte[] labels = new byte[count]
    byte[] pixels = new byte[count * 64]
    for (int i = 0; i < count; i++) {
        int c = i % 4
        labels[i] = (byte) c
        for (int p = 0; p < 64; p++) {
            int row = p.intdiv(8)
            int v = (row == 2 * c || row == 2 * c + 1) ? 180 + random.nextInt(76) : random.nextInt(90)
            pixels[i * 64 + p] = (byte) v
        }
    }
    def images = new DataOutputStream(new GZIPOutputStream(new FileOutputStream(new File(dir, name + '-images-idx3-ubyte.gz'))))
    images.writeInt(0x00000803); images.writeInt(count); images.writeInt(8); images.writeInt(8); images.write(pixels); images.close()
    def lab = new DataOutputStream(new GZIPOutputStream(new FileOutputStream(new File(dir, name + '-labels-idx1-ubyte.gz'))))
    lab.writeInt(0x00000801); lab.writeInt(count); lab.write(labels); lab.close()
}
write('train', 400)
write('t10k', 100)
return true
