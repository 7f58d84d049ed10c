package dev.mlpmaven.engine.report;

import dev.mlpmaven.engine.data.IdxImages;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;

/**
 * One test image as a small PNG in a data: URI. IDX images (MNIST's light ink on black) are drawn dark ink on white
 * like matplotlib's "binary" colour map; images from an image folder are drawn as the files show them (the loader
 * stores them before any inversion): gray, or in their colours (RGB).
 */
final class ImageTiles {
    /** How pixel bytes become what the tile shows. */
    enum Look {
        /** 255 - value, one channel: IDX datasets. */
        INK_ON_WHITE,
        /** The value as stored: an image folder, gray or RGB. */
        AS_STORED
    }

    private ImageTiles() {
    }

    static byte[] png(IdxImages images, int index, Look look) throws IOException {
        int rows = images.rows();
        int cols = images.cols();
        int ch = images.channels();
        BufferedImage img = new BufferedImage(cols, rows,
                ch == 3 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = img.getRaster();
        int base = index * images.pixelsPerImage();
        int[] row = new int[cols * ch];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols * ch; k++) {
                int p = images.pixels()[base + r * cols * ch + k] & 0xFF;
                row[k] = look == Look.AS_STORED ? p : 255 - p;
            }
            raster.setPixels(0, r, cols, 1, row); // raster bands of TYPE_3BYTE_BGR are in r, g, b order
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer in this JVM (javax.imageio)");
        }
        return out.toByteArray();
    }

    static byte[] png(IdxImages images, int index) throws IOException {
        return png(images, index, Look.INK_ON_WHITE);
    }

    static String dataUri(IdxImages images, int index, Look look) throws IOException {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(images, index, look));
    }
}
