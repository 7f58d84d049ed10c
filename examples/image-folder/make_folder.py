#!/usr/bin/env python3
"""Writes data/fashion/{train,test}/<class>/NNNNN.png of this example from the embedded Fashion-MNIST sample
(mlp-engine/src/main/resources/dev/mlpmaven/engine/data/fashion-mnist-sample/): the first 30 training and the first
10 test images of each class, in the sample's order, as 8-bit grayscale PNGs. Run from examples/image-folder/."""
import gzip, os, struct, zlib

SAMPLE = '../../mlp-engine/src/main/resources/dev/mlpmaven/engine/data/fashion-mnist-sample'
CLASSES = ['t-shirt-top', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'ankle-boot']


def png(path, rows, cols, pixels):
    raw = b''.join(b'\x00' + pixels[r * cols:(r + 1) * cols] for r in range(rows))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', cols, rows, 8, 0, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


for split, prefix, per_class in [('train', 'train', 30), ('test', 't10k', 10)]:
    images = gzip.open(os.path.join(SAMPLE, prefix + '-images-idx3-ubyte.gz')).read()
    labels = gzip.open(os.path.join(SAMPLE, prefix + '-labels-idx1-ubyte.gz')).read()
    n, rows, cols = struct.unpack('>III', images[4:16])
    taken = [0] * len(CLASSES)
    for i in range(n):
        c = labels[8 + i]
        if taken[c] == per_class:
            continue
        taken[c] += 1
        folder = os.path.join('data', 'fashion', split, CLASSES[c])
        os.makedirs(folder, exist_ok=True)
        png(os.path.join(folder, '%05d.png' % i), rows, cols, images[16 + i * rows * cols:16 + (i + 1) * rows * cols])
