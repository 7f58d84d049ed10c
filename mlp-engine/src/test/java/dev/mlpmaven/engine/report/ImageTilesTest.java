package dev.mlpmaven.engine.report;

import dev.mlpmaven.engine.data.IdxImages;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class ImageTilesTest {
    @Test
    void an_rgb_image_of_an_image_folder_is_drawn_in_its_real_colours() throws IOException {
        // one 2x1 image: a red pixel, then a blue one (HWC)
        IdxImages images = new IdxImages(1, 1, 2, 3, new byte[] {(byte) 250, 10, 20, 5, 15, (byte) 240});
        BufferedImage tile = ImageIO.read(new ByteArrayInputStream(ImageTiles.png(images, 0, ImageTiles.Look.AS_STORED)));
        assertThat(tile.getRGB(0, 0) & 0xFFFFFF).isEqualTo((250 << 16) | (10 << 8) | 20);
        assertThat(tile.getRGB(1, 0) & 0xFFFFFF).isEqualTo((5 << 16) | (15 << 8) | 240);
    }

    @Test
    void a_gray_image_folder_image_is_drawn_as_stored_and_idx_as_ink_on_white() throws IOException {
        IdxImages images = new IdxImages(1, 1, 2, new byte[] {0, (byte) 200});
        BufferedImage asIs = ImageIO.read(new ByteArrayInputStream(ImageTiles.png(images, 0, ImageTiles.Look.AS_STORED)));
        BufferedImage ink = ImageIO.read(new ByteArrayInputStream(ImageTiles.png(images, 0, ImageTiles.Look.INK_ON_WHITE)));
        assertThat(asIs.getRaster().getSample(1, 0, 0)).isEqualTo(200);
        assertThat(ink.getRaster().getSample(1, 0, 0)).isEqualTo(55);
    }
}
