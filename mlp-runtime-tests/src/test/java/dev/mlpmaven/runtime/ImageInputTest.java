package dev.mlpmaven.runtime;

import dev.mlpmaven.runtime.ImageInput.Resize;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageInputTest {
    static final ImageInput GRAY_2X2 = ImageInput.of(2, 2, 1, false, Resize.NONE, Scaling.UNIT);

    static BufferedImage gray(int width, int height, int... values) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = img.getRaster();
        for (int i = 0; i < values.length; i++) {
            r.setSample(i % width, i / width, 0, values[i]);
        }
        return img;
    }

    static BufferedImage rgb(int width, int height, int... rgbs) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < rgbs.length; i++) {
            img.setRGB(i % width, i / width, rgbs[i]);
        }
        return img;
    }

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void gray_image_pixels_are_its_raster_values_row_major() {
        assertThat(GRAY_2X2.pixels(gray(2, 2, 0, 17, 128, 255))).containsExactly(bytes(0, 17, 128, 255));
    }

    @Test
    void gray_png_reads_back_the_same_pixels_through_image_io() throws IOException {
        BufferedImage img = gray(3, 2, 1, 2, 127, 128, 200, 254);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        ImageInput in = ImageInput.of(2, 3, 1, false, Resize.NONE, Scaling.UNIT);
        assertThat(in.pixels(back)).containsExactly(bytes(1, 2, 127, 128, 200, 254));
    }

    @Test
    void sixteen_bit_gray_is_scaled_to_eight_bits_rounding_half_up() {
        BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSample(0, 0, 0, 65535);
        img.getRaster().setSample(1, 0, 0, 257 * 100);
        img.getRaster().setSample(2, 0, 0, 128); // 128 * 255 / 65535 = 0.498 -> 0
        assertThat(ImageInput.of(1, 3, 1, false, Resize.NONE, Scaling.UNIT).pixels(img))
                .containsExactly(bytes(255, 100, 0));
    }

    @Test
    void colour_becomes_gray_by_bt601_luma_rounded_half_up() {
        assertThat(ImageInput.luma(255, 0, 0)).isEqualTo(76);    // 76.245
        assertThat(ImageInput.luma(0, 255, 0)).isEqualTo(150);   // 149.685
        assertThat(ImageInput.luma(0, 0, 255)).isEqualTo(29);    // 29.07
        assertThat(ImageInput.luma(0, 0, 250)).isEqualTo(29);    // 28.5, half up
        assertThat(ImageInput.luma(255, 255, 255)).isEqualTo(255);
        assertThat(ImageInput.luma(10, 20, 30)).isEqualTo(18);   // 18.15
        BufferedImage img = rgb(2, 2, 0xFF0000, 0x00FF00, 0x0000FA, 0x0A141E);
        assertThat(GRAY_2X2.pixels(img)).containsExactly(bytes(76, 150, 29, 18));
    }

    @Test
    void rgb_input_interleaves_channels_per_pixel_and_repeats_gray() {
        ImageInput in = ImageInput.of(1, 2, 3, false, Resize.NONE, Scaling.UNIT);
        assertThat(in.size()).isEqualTo(6);
        assertThat(in.pixels(rgb(2, 1, 0x102030, 0xA0B0C0))).containsExactly(bytes(0x10, 0x20, 0x30, 0xA0, 0xB0, 0xC0));
        assertThat(in.pixels(gray(2, 1, 7, 250))).containsExactly(bytes(7, 7, 7, 250, 250, 250));
    }

    @Test
    void alpha_is_ignored() {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0x00FFFFFF);
        img.setRGB(1, 0, 0x80000000);
        assertThat(ImageInput.of(1, 2, 1, false, Resize.NONE, Scaling.UNIT).pixels(img)).containsExactly(bytes(255, 0));
    }

    @Test
    void indexed_gif_colours_are_read_through_the_palette() throws IOException {
        byte[] r = bytes(0, 255, 0, 200);
        byte[] g = bytes(0, 0, 255, 200);
        byte[] b = bytes(0, 0, 0, 200);
        BufferedImage indexed = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_BINARY,
                new java.awt.image.IndexColorModel(2, 4, r, g, b));
        for (int i = 0; i < 64; i++) {
            indexed.getRaster().setSample(i % 8, i / 8, 0, i % 4);
        }
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        assertThat(ImageIO.write(indexed, "gif", gif)).isTrue();
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(gif.toByteArray()));
        byte[] px = ImageInput.of(8, 8, 1, false, Resize.NONE, Scaling.UNIT).pixels(back);
        assertThat(java.util.Arrays.copyOf(px, 4)).containsExactly(bytes(0, 76, 150, 200));
    }

    @Test
    void image_of_another_size_is_refused_when_the_model_does_not_resize() {
        assertThatThrownBy(() -> ImageInput.of(28, 28, 1, false, Resize.NONE, Scaling.UNIT).pixels(gray(30, 20)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("image: found 30x20 pixels (width x height), expected 28x28 - the model does not resize "
                        + "(resize: none); give an image of 28x28 pixels");
    }

    @Test
    void unsized_v1_input_takes_any_shape_with_the_right_pixel_count_and_refuses_others() {
        ImageInput v1 = ImageInput.unsized(4, Scaling.UNIT);
        assertThat(v1.sized()).isFalse();
        assertThat(v1.pixels(gray(4, 1, 1, 2, 3, 4))).containsExactly(bytes(1, 2, 3, 4));
        assertThat(v1.pixels(gray(2, 2, 1, 2, 3, 4))).containsExactly(bytes(1, 2, 3, 4));
        assertThatThrownBy(() -> v1.pixels(gray(3, 3)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("image: found 3x3 pixels (width x height), 9 values with 1 channel(s), expected 4 values - "
                        + "the model (format v1) records no image size and so does not resize; give an image of the "
                        + "training size");
    }

    @Test
    void bilinear_upscaling_uses_half_pixel_centres_and_rounds_half_up() {
        ImageInput in = ImageInput.of(4, 4, 1, false, Resize.BILINEAR, Scaling.UNIT);
        // worked by hand: sx = (x + 0.5) * 2 / 4 - 0.5 = -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1)
        assertThat(in.pixels(gray(2, 2, 0, 100, 200, 255))).containsExactly(bytes(
                0, 25, 75, 100,
                50, 72, 117, 139,
                150, 167, 200, 216,
                200, 214, 241, 255));
    }

    @Test
    void bilinear_downscaling_by_two_averages_each_two_by_two_block() {
        ImageInput in = ImageInput.of(1, 2, 1, false, Resize.BILINEAR, Scaling.UNIT);
        // sx = (x + 0.5) * 4 / 2 - 0.5 = 0.5 and 2.5: the mean of pixels 0,1 and of 2,3 (rows likewise)
        assertThat(in.pixels(gray(4, 2, 10, 20, 30, 41, 10, 20, 30, 40))).containsExactly(bytes(15, 35));
    }

    @Test
    void bilinear_resize_of_an_rgb_image_interpolates_each_channel() {
        ImageInput in = ImageInput.of(1, 1, 3, false, Resize.BILINEAR, Scaling.UNIT);
        assertThat(in.pixels(rgb(2, 2, 0x000000, 0x102030, 0x204060, 0x306090))).containsExactly(bytes(0x18, 0x30, 0x48));
    }

    @Test
    void an_image_of_the_recorded_size_is_not_resampled() {
        ImageInput in = ImageInput.of(2, 2, 1, false, Resize.BILINEAR, Scaling.UNIT);
        assertThat(in.pixels(gray(2, 2, 3, 1, 4, 1))).containsExactly(bytes(3, 1, 4, 1));
    }

    @Test
    void features_invert_then_scale_in_float() {
        Scaling s = Scaling.standardize(0.2860402f, 0.3530239f);
        ImageInput plain = ImageInput.of(1, 3, 1, false, Resize.NONE, s);
        ImageInput inverted = ImageInput.of(1, 3, 1, true, Resize.NONE, s);
        byte[] px = bytes(0, 128, 255);
        assertThat(plain.features(px, 0)).containsExactly((0 / 255f - 0.2860402f) / 0.3530239f,
                (128 / 255f - 0.2860402f) / 0.3530239f, (255 / 255f - 0.2860402f) / 0.3530239f);
        assertThat(inverted.features(px, 0)).containsExactly((255 / 255f - 0.2860402f) / 0.3530239f,
                (127 / 255f - 0.2860402f) / 0.3530239f, (0 / 255f - 0.2860402f) / 0.3530239f);
        float[] lut = inverted.lookupTable();
        assertThat(lut).hasSize(256);
        assertThat(lut[0]).isEqualTo(inverted.features(px, 0)[0]);
        assertThat(inverted.features(gray(3, 1, 0, 128, 255))).containsExactly(inverted.features(px, 0));
    }

    @Test
    void features_read_from_an_offset_and_refuse_too_few_bytes() {
        ImageInput in = ImageInput.of(1, 2, 1, false, Resize.NONE, Scaling.UNIT);
        assertThat(in.features(bytes(0, 0, 255, 51), 2)).containsExactly(1f, 0.2f);
        assertThatThrownBy(() -> in.features(bytes(0, 0, 255), 2))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("pixels: found 1 bytes from offset 2, expected at least 2 (height x width x channels of the "
                        + "model's input)");
    }

    @Test
    void construction_checks_its_values() {
        assertThatThrownBy(() -> ImageInput.of(0, 28, 1, false, Resize.NONE, Scaling.UNIT))
                .hasMessage("image size: found 28x0, expected 1 to 65536 pixels each way");
        assertThatThrownBy(() -> ImageInput.of(28, 28, 2, false, Resize.NONE, Scaling.UNIT))
                .hasMessage("channels: found 2, expected 1 or 3");
        assertThatThrownBy(() -> ImageInput.of(4096, 4096, 3, false, Resize.NONE, Scaling.UNIT))
                .hasMessage("image size: found 4096x4096x3 = 50331648 values, expected at most 16777216");
        assertThatThrownBy(() -> new Scaling("log", 0f, 1f)).hasMessage("scaling kind: found log, expected scale or standardize");
        assertThatThrownBy(() -> Scaling.standardize(0f, 0f))
                .hasMessage("scaling: found mean 0.0, std 0.0, expected a finite mean and a finite std > 0");
        assertThat(Resize.of("bilinear")).isEqualTo(Resize.BILINEAR);
        assertThat(Resize.of("bicubic")).isNull();
    }

    @Test
    void inputs_with_the_same_values_are_equal() {
        ImageInput a = ImageInput.of(28, 28, 1, true, Resize.BILINEAR, Scaling.UNIT);
        assertThat(a).isEqualTo(ImageInput.of(28, 28, 1, true, Resize.BILINEAR, Scaling.UNIT))
                .hasSameHashCodeAs(ImageInput.of(28, 28, 1, true, Resize.BILINEAR, Scaling.UNIT))
                .isNotEqualTo(a.withScaling(Scaling.standardize(0.5f, 0.25f)));
        assertThat(a.withScaling(Scaling.standardize(0.5f, 0.25f)).scaling()).isEqualTo(Scaling.standardize(0.5f, 0.25f));
        assertThat(a.toString()).isEqualTo("image 28x28x1 (height x width x channels), invert true, resize bilinear, "
                + "Scaling[kind=scale, mean=0.0, std=1.0]");
    }
}
