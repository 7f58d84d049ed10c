package dev.mlpmaven.engine.report;

import dev.mlpmaven.engine.data.IdxImages;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;

/** One test image as a small grey PNG in a data: URI, dark ink on white like matplotlib's "binary" colour map. */
final class ImageTiles {
    private ImageTiles() {
    }

    static byte[] png(IdxImages images, int index) throws IOException {
        int rows = images.rows();
        int cols = images.cols();
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = img.getRaster();
        int base = index * rows * cols;
        int[] row = new int[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                row[c] = 255 - (images.pixels()[base + r * cols + c] & 0xFF);
            }
            raster.setPixels(0, r, cols, 1, row);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer in this JVM (javax.imageio)");
        }
        return out.toByteArray();
    }

    static String dataUri(IdxImages images, int index) throws IOException {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(images, index));
    }
}
