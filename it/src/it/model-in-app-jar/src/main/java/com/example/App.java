package com.example;

import dev.mlpmaven.runtime.MlpModel;
import dev.mlpmaven.runtime.Prediction;

import java.awt.image.BufferedImage;

/** An application that uses the model its jar holds: needs nothing but mlp-runtime on the class path. */
public final class App {
    private App() {
    }

    /** A white vertical band on black, trouser-like. */
    static BufferedImage band() {
        BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 2; y < 26; y++) {
            for (int x = 9; x < 19; x++) {
                img.getRaster().setSample(x, y, 0, 220);
            }
        }
        return img;
    }

    public static void main(String[] args) {
        MlpModel model = MlpModel.loadResource("mlp/sample.mlp");
        System.out.println("model: " + model);
        Prediction p = model.predictImage(band());
        System.out.println("prediction: " + p);
        p.top(3).forEach(s -> System.out.println("top: " + s));
    }
}
