package dev.mlpmaven.runtime;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.util.Locale;
import java.util.Objects;

/**
 * An image input: {@code height x width} pixels of {@code channels} (1: gray, 3: RGB) bytes, row-major with the
 * channels interleaved (HWC: r, g, b of one pixel, then the next pixel). A raw image becomes the network's input
 * vector in two public steps, which the training data loader and the runtime both use:
 * <ol>
 *   <li>{@link #pixels(BufferedImage)}: colour conversion, then resizing to the recorded size, giving
 *       {@code height * width * channels} bytes 0..255 (the same bytes an IDX file holds);</li>
 *   <li>{@link #features(byte[], int)}: {@code invert} ({@code p -> 255 - p}) then the {@link Scaling}, giving
 *       floats.</li>
 * </ol>
 *
 * <p>Colour conversion: an image whose colour space is gray (8-bit or 16-bit gray PNG, gray JPEG) is read from its
 * raster, the sample scaled to 0..255 ({@code round(s * 255 / (2^bits - 1))}); any other image is read as sRGB
 * ({@link BufferedImage#getRGB}). To gray: ITU-R BT.601 luma {@code (299 R + 587 G + 114 B + 500) / 1000} in
 * integers (0.299 R + 0.587 G + 0.114 B rounded half up); to RGB from gray: {@code R = G = B = gray}. The alpha
 * channel is ignored: a transparent pixel counts as its stored colour.
 *
 * <p>Resizing ({@link Resize#BILINEAR}): output pixel {@code (x, y)} samples the source at
 * {@code sx = (x + 0.5) * srcWidth / width - 0.5} (and likewise {@code sy}), clamped to the image, interpolating
 * the four neighbours linearly in {@code double} and rounding half up to 0..255 (half-pixel centres, no
 * anti-aliasing: OpenCV's {@code INTER_LINEAR}, PyTorch's {@code interpolate(mode="bilinear",
 * align_corners=False)}). {@link Resize#NONE} refuses an image of another size.
 *
 * <p>A format v1 model records only its input size: its input is {@link #unsized}, one gray channel, no invert,
 * no resize; an image is accepted when {@code width * height} equals that size.
 *
 * <p>Immutable and thread-safe.
 */
public final class ImageInput implements InputSpec {
    /** The largest height or width recorded in a model. */
    public static final int MAX_SIDE = 1 << 16;

    public static final String WRONG_SIZE =
            "image: found %dx%d pixels (width x height), expected %dx%d - the model does not resize (resize: none); "
                    + "give an image of %dx%d pixels";
    public static final String WRONG_SIZE_UNSIZED =
            "image: found %dx%d pixels (width x height), %d values with %d channel(s), expected %d values - the model "
                    + "(format v1) records no image size and so does not resize; give an image of the training size";
    public static final String WRONG_PIXEL_COUNT =
            "pixels: found %d bytes from offset %d, expected at least %d (height x width x channels of the model's input)";

    /** How an image of another size is brought to the recorded size. */
    public enum Resize {
        /** Refuse an image of another size. */
        NONE("none"),
        /** Bilinear interpolation with half-pixel centres (see the class comment). */
        BILINEAR("bilinear");

        private final String id;

        Resize(String id) {
            this.id = id;
        }

        /** The manifest's name: {@code none} or {@code bilinear}. */
        public String id() {
            return id;
        }

        /** The constant of a manifest name, or null when there is none. */
        public static Resize of(String id) {
            for (Resize r : values()) {
                if (r.id.equals(id)) {
                    return r;
                }
            }
            return null;
        }
    }

    private final int height;
    private final int width;
    private final int channels;
    private final boolean invert;
    private final Resize resize;
    private final Scaling scaling;
    private final int size;
    private final float[] table;

    private ImageInput(int height, int width, int channels, boolean invert, Resize resize, Scaling scaling, int size) {
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.invert = invert;
        this.resize = Objects.requireNonNull(resize, "resize");
        this.scaling = Objects.requireNonNull(scaling, "scaling");
        this.size = size;
        this.table = new float[256];
        for (int p = 0; p < 256; p++) {
            table[p] = scaling.apply(invert ? 255 - p : p);
        }
    }

    /**
     * An image input of a known size.
     *
     * @param height   rows, 1 .. {@link #MAX_SIDE}
     * @param width    columns, 1 .. {@link #MAX_SIDE}
     * @param channels 1 (gray) or 3 (RGB)
     * @param invert   whether a pixel {@code p} becomes {@code 255 - p} before scaling
     * @param resize   what to do with an image of another size
     * @param scaling  pixel to float
     * @throws IllegalArgumentException when a value is out of range or {@code height * width * channels} exceeds
     *                                  2^24
     */
    public static ImageInput of(int height, int width, int channels, boolean invert, Resize resize, Scaling scaling) {
        if (height < 1 || height > MAX_SIDE || width < 1 || width > MAX_SIDE) {
            throw new IllegalArgumentException("image size: found " + width + "x" + height + ", expected 1 to "
                    + MAX_SIDE + " pixels each way");
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels: found " + channels + ", expected 1 or 3");
        }
        long size = (long) height * width * channels;
        if (size > MAX_SIZE) {
            throw new IllegalArgumentException("image size: found " + width + "x" + height + "x" + channels
                    + " = " + size + " values, expected at most " + MAX_SIZE);
        }
        return new ImageInput(height, width, channels, invert, resize, scaling, (int) size);
    }

    /** The input of a format v1 model: {@code size} gray pixels of an unknown shape, not inverted, not resized. */
    public static ImageInput unsized(int size, Scaling scaling) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("input size: found " + size + ", expected 1 to " + MAX_SIZE);
        }
        return new ImageInput(0, 0, 1, false, Resize.NONE, scaling, size);
    }

    /** The same input with another scaling (a loader computes the statistics after reading the pixels). */
    public ImageInput withScaling(Scaling newScaling) {
        return new ImageInput(height, width, channels, invert, resize, newScaling, size);
    }

    @Override
    public String kind() {
        return IMAGE;
    }

    @Override
    public int size() {
        return size;
    }

    /** Whether the model records the image size ({@code false} only for format v1 models). */
    public boolean sized() {
        return height > 0;
    }

    /** Rows, or 0 when {@linkplain #sized() unknown}. */
    public int height() {
        return height;
    }

    /** Columns, or 0 when {@linkplain #sized() unknown}. */
    public int width() {
        return width;
    }

    /** 1 (gray) or 3 (RGB). */
    public int channels() {
        return channels;
    }

    public boolean invert() {
        return invert;
    }

    public Resize resize() {
        return resize;
    }

    public Scaling scaling() {
        return scaling;
    }

    /**
     * The image as the model's raw pixels: converted to gray or RGB, resized when the model says so,
     * {@code height * width * channels} bytes (HWC). Not yet inverted or scaled.
     *
     * @throws InvalidInputException with {@link #WRONG_SIZE} or {@link #WRONG_SIZE_UNSIZED} when the image has
     *                               another size and the model does not resize
     */
    public byte[] pixels(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        int w = image.getWidth();
        int h = image.getHeight();
        Sampler sampler = new Sampler(image, channels);
        if (!sized()) {
            if ((long) w * h * channels != size) {
                throw new InvalidInputException(String.format(Locale.ROOT, WRONG_SIZE_UNSIZED, w, h,
                        (long) w * h * channels, channels, size));
            }
            return sampler.all();
        }
        if (w == width && h == height) {
            return sampler.all();
        }
        if (resize == Resize.NONE) {
            throw new InvalidInputException(String.format(Locale.ROOT, WRONG_SIZE, w, h, width, height, width, height));
        }
        return bilinear(sampler, w, h);
    }

    /**
     * The network input of the raw pixels {@code pixels[offset .. offset + size())}: {@code invert}, then
     * {@link Scaling#apply}.
     *
     * @throws InvalidInputException with {@link #WRONG_PIXEL_COUNT} when fewer bytes follow {@code offset}
     */
    public float[] features(byte[] pixels, int offset) {
        if (offset < 0 || offset > pixels.length || pixels.length - offset < size) {
            throw new InvalidInputException(String.format(Locale.ROOT, WRONG_PIXEL_COUNT,
                    Math.max(0, pixels.length - offset), offset, size));
        }
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = table[pixels[offset + i] & 0xFF];
        }
        return x;
    }

    /** {@code features(pixels(image), 0)}. */
    public float[] features(BufferedImage image) {
        return features(pixels(image), 0);
    }

    /**
     * The network input of each pixel byte value: {@code lookupTable()[p]} is the float for raw pixel {@code p}
     * (invert and scaling applied), the same value {@link #features} gives. For loaders that scale many images.
     */
    public float[] lookupTable() {
        return table.clone();
    }

    /** ITU-R BT.601 luma of an sRGB colour, rounded half up: {@code (299 r + 587 g + 114 b + 500) / 1000}. */
    public static int luma(int r, int g, int b) {
        return (299 * r + 587 * g + 114 * b + 500) / 1000;
    }

    private byte[] bilinear(Sampler src, int srcW, int srcH) {
        byte[] out = new byte[size];
        int[] x0 = new int[width];
        int[] x1 = new int[width];
        double[] fx = new double[width];
        for (int x = 0; x < width; x++) {
            double sx = clamp((x + 0.5) * srcW / width - 0.5, srcW - 1);
            x0[x] = (int) sx;
            x1[x] = Math.min(x0[x] + 1, srcW - 1);
            fx[x] = sx - x0[x];
        }
        int[] a = new int[channels];
        int[] b = new int[channels];
        int[] c = new int[channels];
        int[] d = new int[channels];
        int at = 0;
        for (int y = 0; y < height; y++) {
            double sy = clamp((y + 0.5) * srcH / height - 0.5, srcH - 1);
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, srcH - 1);
            double fy = sy - y0;
            for (int x = 0; x < width; x++) {
                src.sample(x0[x], y0, a);
                src.sample(x1[x], y0, b);
                src.sample(x0[x], y1, c);
                src.sample(x1[x], y1, d);
                for (int ch = 0; ch < channels; ch++) {
                    double top = a[ch] + (b[ch] - a[ch]) * fx[x];
                    double bottom = c[ch] + (d[ch] - c[ch]) * fx[x];
                    double v = top + (bottom - top) * fy;
                    out[at++] = (byte) Math.min(255, (int) Math.floor(v + 0.5));
                }
            }
        }
        return out;
    }

    private static double clamp(double v, int max) {
        return v < 0 ? 0 : Math.min(v, max);
    }

    /** Reads pixels of one image as gray or RGB values 0..255. */
    private static final class Sampler {
        private final BufferedImage image;
        private final int channels;
        private final Raster raster;
        private final double grayScale;

        Sampler(BufferedImage image, int channels) {
            this.image = image;
            this.channels = channels;
            ColorModel cm = image.getColorModel();
            boolean gray = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                    && cm.getNumColorComponents() == 1 && !(cm instanceof java.awt.image.IndexColorModel);
            this.raster = gray ? image.getRaster() : null;
            this.grayScale = gray ? 255.0 / ((1L << cm.getComponentSize(0)) - 1) : 0;
        }

        void sample(int x, int y, int[] out) {
            if (raster != null) {
                int s = raster.getSample(x, y, 0);
                int g = grayScale == 1.0 ? s : (int) Math.floor(s * grayScale + 0.5);
                for (int c = 0; c < channels; c++) {
                    out[c] = g;
                }
                return;
            }
            int rgb = image.getRGB(x, y);
            int r = (rgb >> 16) & 0xFF;
            int g = (rgb >> 8) & 0xFF;
            int b = rgb & 0xFF;
            if (channels == 1) {
                out[0] = luma(r, g, b);
            } else {
                out[0] = r;
                out[1] = g;
                out[2] = b;
            }
        }

        byte[] all() {
            int w = image.getWidth();
            int h = image.getHeight();
            byte[] out = new byte[w * h * channels];
            int[] px = new int[channels];
            int at = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    sample(x, y, px);
                    for (int c = 0; c < channels; c++) {
                        out[at++] = (byte) px[c];
                    }
                }
            }
            return out;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageInput i && i.height == height && i.width == width && i.channels == channels
                && i.invert == invert && i.resize == resize && i.scaling.equals(scaling) && i.size == size;
    }

    @Override
    public int hashCode() {
        return Objects.hash(height, width, channels, invert, resize, scaling, size);
    }

    @Override
    public String toString() {
        return sized()
                ? String.format(Locale.ROOT, "image %dx%dx%d (height x width x channels), invert %s, resize %s, %s",
                height, width, channels, invert, resize.id(), scaling)
                : String.format(Locale.ROOT, "image of %d gray pixels (size not recorded), %s", size, scaling);
    }
}
