package dev.mlpmaven.plugin;

import ai.onnx.proto.OnnxMl.ModelProto;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** copyToClasses and the ONNX export of mlp:train, on a real model file (attaching is off: no Maven project). */
class ModelAttacherTest {
    @TempDir
    Path tmp;

    @Test
    void export_formats_other_than_onnx_are_refused() throws MojoFailureException {
        assertThat(ModelAttacher.wantsOnnx(List.of(" ONNX "))).isTrue();
        assertThat(ModelAttacher.wantsOnnx(List.of())).isFalse();
        assertThat(ModelAttacher.wantsOnnx(null)).isFalse();
        assertThatThrownBy(() -> ModelAttacher.wantsOnnx(List.of("onnx", "tflite")))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("mlp: export: found 'tflite', expected onnx - set <exports><export>onnx</export></exports> "
                        + "or -Dmlp.export=onnx");
    }

    @Test
    void copy_to_classes_puts_the_model_at_mlp_name_and_leaves_an_identical_copy_alone() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("target/mlp/quick"));
        Files.write(out.resolve("model.mlp"), ModelFixtures.model("quick"));
        Path classes = tmp.resolve("target/classes");
        ModelFixtures.RecordingLog log = new ModelFixtures.RecordingLog();
        ModelAttacher attacher = new ModelAttacher(log, null, null, false, classes, false);

        attacher.attach("quick", out);
        Path copy = classes.resolve("mlp/quick.mlp");
        assertThat(copy).hasSameBinaryContentAs(out.resolve("model.mlp"));
        assertThat(log.infos).containsExactly("mlp: quick: copied the model to " + copy + " (in the jar as mlp/quick.mlp; "
                + "MlpModel.loadResource(\"mlp/quick.mlp\") loads it)");
        Files.setLastModifiedTime(copy, FileTime.fromMillis(1_000_000));
        attacher.attach("quick", out);
        assertThat(log.infos.get(1)).isEqualTo("mlp: quick: the model in " + copy + " is up to date");
        assertThat(Files.getLastModifiedTime(copy).toMillis()).isEqualTo(1_000_000);
        assertThat(out.resolve("model.onnx")).doesNotExist();
    }

    @Test
    void onnx_export_writes_model_onnx_beside_the_model_once_per_change() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("quick"));
        Files.write(out.resolve("model.mlp"), ModelFixtures.model("quick"));
        ModelFixtures.RecordingLog log = new ModelFixtures.RecordingLog();
        ModelAttacher attacher = new ModelAttacher(log, null, null, false, null, true);

        attacher.attach("quick", out);
        Path onnx = out.resolve("model.onnx");
        ModelProto p = ModelProto.parseFrom(Files.readAllBytes(onnx));
        assertThat(p.getGraph().getName()).isEqualTo("quick");
        assertThat(p.getOpsetImport(0).getVersion()).isEqualTo(13);
        assertThat(log.infos).containsExactly("mlp: quick: exported " + onnx + " (ONNX, opset 13)");
        attacher.attach("quick", out);
        assertThat(log.infos.get(1)).isEqualTo("mlp: quick: " + onnx + " is up to date");
    }

    @Test
    void a_model_that_cannot_be_read_fails_the_export_with_the_readers_message() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("bad"));
        byte[] model = ModelFixtures.model("bad");
        Files.write(out.resolve("model.mlp"), java.util.Arrays.copyOf(model, model.length - 1));
        ModelAttacher attacher = new ModelAttacher(new ModelFixtures.RecordingLog(), null, null, false, null, true);
        assertThatThrownBy(() -> attacher.attach("bad", out)).isInstanceOf(MojoExecutionException.class)
                .hasMessage("mlp: bad: cannot export " + out.resolve("model.mlp") + " to " + out.resolve("model.onnx")
                        + ": " + out.resolve("model.mlp") + ": truncated: the tensor table needs 40 weight bytes but 39 "
                        + "follow the manifest - the file was cut short; write it again");
        assertThat(out.resolve("model.onnx")).doesNotExist();
    }
}
