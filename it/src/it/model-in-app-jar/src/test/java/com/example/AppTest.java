package com.example;

import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.MlpModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module's unit test runs after train (bound to process-classes): the model is on its class path. */
class AppTest {
    @Test
    void the_freshly_trained_model_is_on_the_test_class_path() {
        MlpModel model = MlpModel.loadResource("mlp/sample.mlp");
        assertEquals(2, model.formatVersion());
        assertEquals(10, model.numClasses());
        assertEquals("T-shirt/top", model.classNames().get(0));
        ImageInput input = (ImageInput) model.input();
        assertEquals(28, input.height());
        assertEquals(28, input.width());
        float[] p = model.predictImage(App.band()).probabilities();
        assertArrayEquals(p, model.predictPixels(input.pixels(App.band())).probabilities());
        float sum = 0;
        for (float v : p) {
            sum += v;
        }
        assertTrue(Math.abs(sum - 1) < 1e-5, "probabilities sum to 1: " + sum);
    }
}
