package dev.mlpmaven.config;

/**
 * Weight initialisation: He (Kaiming) normal {@code N(0, 2/in)}, Xavier (Glorot) uniform
 * {@code U(+-sqrt(6/(in+out)))}, or PyTorch's {@code nn.Linear} default {@code U(+-1/sqrt(in))} for weights and
 * biases ("uniform"). He and Xavier start biases at zero.
 */
public enum Init {
    HE, XAVIER, UNIFORM;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
