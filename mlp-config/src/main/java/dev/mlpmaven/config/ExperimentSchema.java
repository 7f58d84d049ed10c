package dev.mlpmaven.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mlpmaven.config.Shape.AnyShape;
import dev.mlpmaven.config.Shape.BoolShape;
import dev.mlpmaven.config.Shape.EnumShape;
import dev.mlpmaven.config.Shape.IntShape;
import dev.mlpmaven.config.Shape.ListShape;
import dev.mlpmaven.config.Shape.MapShape;
import dev.mlpmaven.config.Shape.NumberShape;
import dev.mlpmaven.config.Shape.ObjectShape;
import dev.mlpmaven.config.Shape.OneOf;
import dev.mlpmaven.config.Shape.ShortOrObject;
import dev.mlpmaven.config.Shape.StringShape;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Schema (draft-07) and the markdown key reference of the experiment language, both generated from
 * {@link Language}, the table the loader checks against. The jar carries the schema as
 * {@value #RESOURCE}; docs/ carries both. A test fails when a committed copy differs from what this class
 * generates.
 */
public final class ExperimentSchema {
    /** Where the schema is in the jar (class path resource). */
    public static final String RESOURCE = "dev/mlpmaven/config/experiment-v1.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExperimentSchema() {
    }

    /** The JSON Schema text, pretty-printed with '\n' line ends and a final newline. */
    public static String json() {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("title", "mlp-maven experiment, version 1");
        schema.put("description", "An experiment for the mlp-maven plugin: data, network, optimizer and training."
                + " Reference: docs/yaml-reference.md.");
        schema.setAll(object(Language.ROOT));
        // name is required, but an experiment that extends another may take its name from there
        schema.remove("required");
        ArrayNode anyOf = schema.putArray("anyOf");
        anyOf.addObject().putArray("required").add(Language.NAME.name());
        anyOf.addObject().putArray("required").add(Language.EXTENDS.name());
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode field(Field f, String selector) {
        ObjectNode node = shape(f.shape());
        if (!f.required()) {
            allowNull(node);
        }
        ObjectNode out = NODES.objectNode();
        out.put("description", f.description() + (f.onlyFor().isEmpty() ? ""
                : " Only with " + selector + " " + Field.orList(f.onlyFor()) + "."));
        out.setAll(node);
        if (f.defaultValue() != null) {
            out.set("default", JSON.valueToTree(f.defaultValue()));
        }
        out.putArray("examples").add(example(f));
        return out;
    }

    /**
     * An optional key may be null in YAML ({@code key:} or {@code key: null}): it means "the default", and on top of
     * an {@code extends} base it removes the base's value.
     */
    private static void allowNull(ObjectNode node) {
        if (!node.has("type") && !node.has("oneOf")) {
            return; // any value, null included
        }
        if (node.has("oneOf")) {
            ((ArrayNode) node.get("oneOf")).addObject().put("type", "null");
            return;
        }
        String type = node.get("type").asText();
        node.putArray("type").add(type).add("null");
        if (node.has("enum")) {
            ((ArrayNode) node.get("enum")).addNull();
        }
    }

    private static JsonNode example(Field f) {
        try {
            return YAML.readTree(f.example());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("example of " + f.name() + " is not YAML", e);
        }
    }

    private static ObjectNode shape(Shape shape) {
        ObjectNode n = NODES.objectNode();
        if (shape instanceof AnyShape) {
            return n;
        }
        if (shape instanceof MapShape m) {
            n.put("type", "object");
            ArrayNode names = n.putObject("propertyNames").putArray("enum");
            m.keys().forEach(names::add);
            ObjectNode value = shape(m.value());
            allowNull(value); // null removes a key an extended file set
            n.set("additionalProperties", value);
            return n;
        }
        if (shape instanceof IntShape i) {
            n.put("type", "integer");
            if (i.min() == i.max()) {
                n.putArray("enum").add(i.min());
            } else {
                n.put("minimum", i.min());
                n.put("maximum", i.max());
            }
        } else if (shape instanceof NumberShape num) {
            n.put("type", "number");
            if (num.min() != null) {
                n.put(num.minExclusive() ? "exclusiveMinimum" : "minimum", num.min());
            }
            if (num.max() != null) {
                n.put(num.maxExclusive() ? "exclusiveMaximum" : "maximum", num.max());
            }
        } else if (shape instanceof BoolShape) {
            n.put("type", "boolean");
        } else if (shape instanceof StringShape s) {
            n.put("type", "string");
            if (s.pattern() != null) {
                n.put("pattern", s.pattern());
            }
            if (s.maxLength() > 0) {
                n.put("maxLength", s.maxLength());
            }
            if (!s.reserved().isEmpty()) {
                n.putObject("not").put("pattern", anyCase(s.reserved()));
            }
        } else if (shape instanceof EnumShape e) {
            n.put("type", "string");
            ArrayNode values = n.putArray("enum");
            e.values().forEach(values::add);
        } else if (shape instanceof ListShape l) {
            n.put("type", "array");
            n.set("items", shape(l.item()));
            if (l.minItems() > 0) {
                n.put("minItems", l.minItems());
            }
            if (l.maxItems() != Integer.MAX_VALUE) {
                n.put("maxItems", l.maxItems());
            }
        } else if (shape instanceof OneOf o) {
            ArrayNode oneOf = n.putArray("oneOf");
            o.options().forEach(s -> oneOf.add(shape(s)));
        } else if (shape instanceof ObjectShape o) {
            n.setAll(object(o));
        } else if (shape instanceof ShortOrObject so) {
            ArrayNode oneOf = n.putArray("oneOf");
            oneOf.add(shape(so.shortForm()));
            oneOf.add(object(so.object()));
        } else {
            throw new IllegalStateException("unknown shape " + shape);
        }
        return n;
    }

    /** An ECMA-262 pattern matching any of the words in any case: {@code ^(?:[Ii][Nn]...)$}. */
    private static String anyCase(List<String> words) {
        StringBuilder p = new StringBuilder("^(?:");
        for (int w = 0; w < words.size(); w++) {
            if (w > 0) {
                p.append('|');
            }
            for (char c : words.get(w).toCharArray()) {
                if (Character.isLetter(c)) {
                    p.append('[').append(Character.toUpperCase(c)).append(Character.toLowerCase(c)).append(']');
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
                    p.append(c);
                } else {
                    p.append('\\').append(c);
                }
            }
        }
        return p.append(")$").toString();
    }

    private static ObjectNode object(ObjectShape o) {
        ObjectNode n = NODES.objectNode();
        n.put("type", "object");
        ObjectNode properties = n.putObject("properties");
        List<String> required = new ArrayList<>();
        for (Field f : o.fields()) {
            properties.set(f.name(), field(f, o.selector()));
            if (f.required()) {
                required.add(f.name());
            }
        }
        if (!required.isEmpty()) {
            ArrayNode r = n.putArray("required");
            required.forEach(r::add);
        }
        n.put("additionalProperties", false);
        return n;
    }

    /** docs/yaml-reference.md: every key with its type, default, constraint, description and example. */
    public static String referenceMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Experiment YAML reference (version 1)\n\n");
        md.append("<!-- Generated from dev.mlpmaven.config.Language by ExperimentSchema.referenceMarkdown();"
                + " do not edit by hand. Regenerate with:\n     mvn -B -q -pl mlp-config -Pregenerate"
                + " process-test-classes -->\n\n");
        md.append("Every key of an experiment file. The same table drives the loader's checks, the JSON Schema "
                + "(`docs/schema/experiment-v1.schema.json`, also in the mlp-config jar as `" + RESOURCE + "`) "
                + "and this page. How the pieces fit together, with examples and the rules that span several "
                + "keys: [experiment-language.md](experiment-language.md).\n");
        section(md, "Top level", "", Language.ROOT);
        section(md, "dataset", "dataset.", Language.DATASET_OBJECT);
        section(md, "model", "model.", Language.MODEL_OBJECT);
        section(md, "model.layers[]", "model.layers[].", Language.LAYER_OBJECT);
        section(md, "optimizer", "optimizer.", Language.OPTIMIZER_OBJECT);
        section(md, "optimizer.schedule", "optimizer.schedule.", Language.SCHEDULE_OBJECT);
        section(md, "training", "training.", Language.TRAINING_OBJECT);
        section(md, "training.earlyStopping", "training.earlyStopping.", Language.EARLY_STOPPING_OBJECT);
        section(md, "sweep", "sweep.", Language.SWEEP_OBJECT);
        section(md, "sweep.parameters.<key.path>", "sweep.parameters.<key.path>.", Language.PARAMETER_OBJECT);
        md.append("\nThe key paths a sweep may vary: ")
                .append(String.join(", ", Language.keyPaths(Language.SWEEPABLE).stream().map(k -> "`" + k + "`")
                        .toList()))
                .append(". A value of `values` (or a drawn value) is checked against the key's own type and"
                        + " constraint above; `min` and `max` work for number and integer keys.\n");
        return md.toString();
    }

    private static void section(StringBuilder md, String title, String prefix, ObjectShape o) {
        md.append("\n## ").append(title).append("\n\n");
        md.append("| key | type | default | constraint | description | example |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Field f : o.fields()) {
            md.append("| `").append(prefix).append(f.name()).append("` | ")
                    .append(typeName(f.shape())).append(" | ")
                    .append(defaultText(f, o.selector())).append(" | ")
                    .append(cell(constraint(f, o.selector()))).append(" | ")
                    .append(cell(f.description())).append(" | `")
                    .append(f.name()).append(": ").append(f.example()).append("` |\n");
        }
    }

    private static String typeName(Shape s) {
        if (s instanceof IntShape) {
            return "integer";
        }
        if (s instanceof NumberShape) {
            return "number";
        }
        if (s instanceof BoolShape) {
            return "boolean";
        }
        if (s instanceof StringShape || s instanceof EnumShape) {
            return "string";
        }
        if (s instanceof ListShape l) {
            return s.equals(Language.VALUES.shape()) ? "list" : "list of " + typeName(l.item());
        }
        if (s instanceof AnyShape) {
            return "any";
        }
        if (s instanceof ShortOrObject so) {
            return typeName(so.shortForm()) + " or mapping";
        }
        if (s instanceof OneOf o) {
            return String.join(" or ", o.options().stream().map(ExperimentSchema::typeName).distinct().toList());
        }
        return "mapping";
    }

    private static String defaultText(Field f, String selector) {
        if (f.required()) {
            return "required";
        }
        if (f.defaultText() != null) {
            return cell(f.defaultText());
        }
        if (f.defaultValue() == null) {
            return f.requiredFor().isEmpty() ? "-" : "required with " + selector + " " + Field.orList(f.requiredFor());
        }
        if (f.defaultValue() instanceof Double d) {
            String plain = java.math.BigDecimal.valueOf(d).stripTrailingZeros().toString();
            return "`" + plain.toLowerCase(java.util.Locale.ROOT) + "`";
        }
        return "`" + cell(JSON.valueToTree(f.defaultValue()).toString().replace("\"", "")) + "`";
    }

    private static String constraint(Field f, String selector) {
        Shape s = f.shape();
        String c;
        if (s instanceof ObjectShape) {
            c = "keys below";
        } else if (s instanceof MapShape) {
            c = "key paths (listed below), each a mapping (keys below)";
        } else if (s instanceof ShortOrObject so) {
            c = so.shortForm().expected() + ", or a mapping (keys below)";
        } else if (s instanceof StringShape str) {
            c = str.constraint();
        } else {
            c = s.expected();
        }
        if (!f.onlyFor().isEmpty()) {
            c += "; only with " + selector + " " + Field.orList(f.onlyFor());
        }
        return c;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
