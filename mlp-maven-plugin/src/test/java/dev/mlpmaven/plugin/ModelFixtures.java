package dev.mlpmaven.plugin;

import dev.mlpmaven.runtime.Activation;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.Layer;
import dev.mlpmaven.runtime.ModelWriter;
import dev.mlpmaven.runtime.Scaling;
import org.apache.maven.plugin.logging.SystemStreamLog;

import java.util.ArrayList;
import java.util.List;

/** A small real model file (2x2 gray image, dark or bright) and a log that keeps its info lines. */
final class ModelFixtures {
    private ModelFixtures() {
    }

    static byte[] model(String experimentName) {
        Layer out = new Layer(4, 2, Activation.SOFTMAX, new float[] {-1, -1, -1, -1, 1, 1, 1, 1}, new float[2]);
        return ModelWriter.encode(ImageInput.of(2, 2, 1, false, ImageInput.Resize.NONE, Scaling.standardize(0.5f, 0.5f)),
                List.of(out), List.of("dark", "bright"),
                experimentName == null ? "{}" : "{\"experiment\":{\"name\":\"" + experimentName + "\"}}");
    }

    static final class RecordingLog extends SystemStreamLog {
        final List<String> infos = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            infos.add(content.toString());
        }
    }
}
