package dev.mlpmaven.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import dev.mlpmaven.runtime.Activation;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.Layer;
import dev.mlpmaven.runtime.MlpModel;
import dev.mlpmaven.runtime.TableInput;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Exports a model as ONNX (IR version 7, opset 13, the default domain only), so that ONNX Runtime and other ONNX
 * tools run it on the same raw input as {@code mlp-runtime}:
 * <ul>
 *   <li>an image model takes {@value #PIXELS}: uint8 {@code [N, height, width, channels]} (HWC; {@code [N, size]}
 *       for a model without a recorded size), the bytes {@code ImageInput.pixels} gives; the graph casts them to
 *       float, inverts ({@code 255 - p}) if the model does, and scales: {@code (p / 255 - mean) / std} (Cast, Sub,
 *       Div, Sub, Div: the runtime's float operations in its order);</li>
 *   <li>a table model takes {@value #FEATURES}: float {@code [N, size]}, the runtime's encoding before
 *       standardisation (numeric features as their values, each categorical feature one-hot); the graph
 *       standardises the numeric ones ({@code (x - mean) / std}, with mean 0 and std 1 at the one-hot places);</li>
 *   <li>each layer is a Gemm ({@code x W^T + b}, the weights as stored, {@code transB = 1}) and its activation:
 *       Relu, LeakyRelu (alpha 0.01), Elu (alpha 1), Tanh, Sigmoid, and GELU (no ONNX operator before opset 20)
 *       as the tanh approximation built from Mul, Add and Tanh exactly as the runtime computes it,
 *       {@code (0.5 z) (1 + tanh(sqrt(2/pi) (z + ((0.044715 z) z) z)))}; the last layer a Softmax (axis 1);</li>
 *   <li>outputs {@value #PROBABILITIES} (float {@code [N, classes]}) and {@value #CLASS_INDEX} (int64 {@code [N]},
 *       ArgMax: the first of equal maxima, as the runtime picks);</li>
 *   <li>metadata ({@code metadata_props}): {@code classNames} (a JSON array), {@code input} (the model file's
 *       {@code input} object), {@code provenance} (the model file's provenance), {@code weightsSha256},
 *       {@code mlpFormatVersion}.</li>
 * </ul>
 * The export is a pure function of the model: the same model gives the same bytes.
 */
public final class OnnxExport {
    public static final int OPSET = 13;
    public static final long IR_VERSION = 7;
    public static final String PIXELS = "pixels";
    public static final String FEATURES = "features";
    public static final String PROBABILITIES = "probabilities";
    public static final String CLASS_INDEX = "class_index";
    public static final String PRODUCER = "mlp-maven";

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private int next;

    private OnnxExport() {
    }

    /** The ONNX model of {@code model}, named {@code name} (the experiment's name). */
    public static ModelProto model(MlpModel model, String name) {
        OnnxExport e = new OnnxExport();
        e.graph.setName(name);
        String x = e.input(model);
        List<Layer> layers = model.layers();
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            String w = e.floats("layers." + l + ".weights", layer.weights(), layer.out(), layer.in());
            String b = e.floats("layers." + l + ".bias", layer.bias(), layer.out());
            String z = e.node("Gemm", List.of(x, w, b), "layers." + l + ".z", intAttribute("transB", 1));
            x = e.activate(layer.activation(), z, l, l == layers.size() - 1);
        }
        e.graph.addOutput(tensorInfo(PROBABILITIES, TensorProto.DataType.FLOAT, "N", model.numClasses()));
        e.node("ArgMax", List.of(x), CLASS_INDEX, intAttribute("axis", 1), intAttribute("keepdims", 0));
        e.graph.addOutput(tensorInfo(CLASS_INDEX, TensorProto.DataType.INT64, "N"));
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(PRODUCER)
                .setProducerVersion(OnnxExport.class.getPackage().getImplementationVersion() == null ? ""
                        : OnnxExport.class.getPackage().getImplementationVersion())
                .setModelVersion(model.formatVersion())
                .setDocString("mlp-maven model '" + name + "': " + model.input() + " -> " + model.numClasses()
                        + " class probabilities (" + PROBABILITIES + ") and the most probable class (" + CLASS_INDEX + ")")
                .addMetadataProps(entry("classNames", model.classNamesJson()))
                .addMetadataProps(entry("input", model.inputJson()))
                .addMetadataProps(entry("provenance", model.provenanceJson()))
                .addMetadataProps(entry("weightsSha256", model.weightsSha256()))
                .addMetadataProps(entry("mlpFormatVersion", Integer.toString(model.formatVersion())))
                .setGraph(e.graph)
                .build();
    }

    /** The bytes of {@link #model} (an {@code .onnx} file). */
    public static byte[] bytes(MlpModel model, String name) {
        return model(model, name).toByteArray();
    }

    /** The graph input and the preprocessing nodes; the name of the network's input vector. */
    private String input(MlpModel model) {
        if (model.input() instanceof ImageInput image) {
            int size = image.size();
            String x;
            if (image.sized()) {
                graph.addInput(tensorInfo(PIXELS, TensorProto.DataType.UINT8, "N", image.height(), image.width(),
                        image.channels()));
                String shape = longs("flat_shape", new long[] {-1, size}, 2);
                x = node("Reshape", List.of(PIXELS, shape), "pixels_flat");
            } else {
                graph.addInput(tensorInfo(PIXELS, TensorProto.DataType.UINT8, "N", size));
                x = PIXELS;
            }
            x = node("Cast", List.of(x), "pixels_float", intAttribute("to", TensorProto.DataType.FLOAT_VALUE));
            String c255 = scalar("c255", 255f);
            if (image.invert()) {
                x = node("Sub", List.of(c255, x), "inverted");
            }
            x = node("Div", List.of(x, c255), "unit");
            x = node("Sub", List.of(x, scalar("mean", image.scaling().mean())), "centred");
            return node("Div", List.of(x, scalar("std", image.scaling().std())), "x");
        }
        TableInput table = (TableInput) model.input();
        graph.addInput(tensorInfo(FEATURES, TensorProto.DataType.FLOAT, "N", table.size()));
        float[] mean = new float[table.size()];
        float[] std = new float[table.size()];
        int at = 0;
        for (TableInput.Feature f : table.features()) {
            if (f instanceof TableInput.Numeric n) {
                mean[at] = n.mean();
                std[at] = n.std();
            } else {
                for (int k = 0; k < f.width(); k++) {
                    std[at + k] = 1f;
                }
            }
            at += f.width();
        }
        String x = node("Sub", List.of(FEATURES, floats("feature_mean", mean, mean.length)), "centred");
        return node("Div", List.of(x, floats("feature_std", std, std.length)), "x");
    }

    private String activate(Activation a, String z, int l, boolean last) {
        String out = last ? PROBABILITIES : "layers." + l + ".y";
        return switch (a) {
            case SOFTMAX -> node("Softmax", List.of(z), out, intAttribute("axis", 1));
            case RELU -> node("Relu", List.of(z), out);
            case LEAKY_RELU -> node("LeakyRelu", List.of(z), out, floatAttribute("alpha", (float) Activation.LEAKY_SLOPE));
            case ELU -> node("Elu", List.of(z), out, floatAttribute("alpha", 1f));
            case TANH -> node("Tanh", List.of(z), out);
            case SIGMOID -> node("Sigmoid", List.of(z), out);
            case GELU -> {
                // (0.5 z) (1 + tanh(k (z + ((c z) z) z))), in the runtime's order
                String p = "layers." + l + ".gelu.";
                String cz = node("Mul", List.of(scalar(p + "c", (float) Activation.GELU_CUBIC), z), p + "cz");
                String czz = node("Mul", List.of(cz, z), p + "czz");
                String czzz = node("Mul", List.of(czz, z), p + "czzz");
                String inner = node("Add", List.of(z, czzz), p + "inner");
                String scaled = node("Mul", List.of(scalar(p + "k", (float) Activation.SQRT_2_OVER_PI), inner), p + "scaled");
                String t = node("Tanh", List.of(scaled), p + "tanh");
                String onePlus = node("Add", List.of(scalar(p + "one", 1f), t), p + "one_plus");
                String half = node("Mul", List.of(scalar(p + "half", 0.5f), z), p + "half_z");
                yield node("Mul", List.of(half, onePlus), out);
            }
        };
    }

    private String node(String op, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(op.toLowerCase() + "_" + next++)
                .addAllInput(inputs).addOutput(output);
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        return output;
    }

    private String floats(String name, float[] values, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(b.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    private String scalar(String name, float value) {
        return floats(name, new float[] {value});
    }

    private String longs(String name, long[] values, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE);
        for (long v : values) {
            t.addInt64Data(v);
        }
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    private static ValueInfoProto tensorInfo(String name, TensorProto.DataType type, String batch, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(batch));
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(type.getNumber()).setShape(shape)))
                .build();
    }

    private static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    private static AttributeProto floatAttribute(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }
}
