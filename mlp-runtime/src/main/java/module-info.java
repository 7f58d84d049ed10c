/**
 * mlp-runtime: load a {@code model.mlp} and predict with it. JDK only ({@code java.desktop} for
 * {@link java.awt.image.BufferedImage} inputs); no other module, no library.
 */
module dev.mlpmaven.runtime {
    requires transitive java.desktop;

    exports dev.mlpmaven.runtime;
}
