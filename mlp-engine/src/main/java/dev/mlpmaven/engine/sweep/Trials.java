package dev.mlpmaven.engine.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.Sweep;
import dev.mlpmaven.config.SweepParameter;
import dev.mlpmaven.config.SweepSpec;
import dev.mlpmaven.config.Trial;
import dev.mlpmaven.engine.model.CanonicalJson;
import dev.mlpmaven.engine.run.ProvenanceCollector;

import java.nio.file.Path;

/**
 * How a sweep's trials are named and placed. A trial's id is the first {@value #ID_HEX} hex digits of the SHA-256
 * of the canonical JSON ({@link CanonicalJson}, the hash of provenance and fingerprints) of its values by key path:
 * the same values give the same id on every machine, in any parameter order, whatever else changed in the file.
 * A trial writes {@code <outputRoot>/<sweep>/trials/<id>/}: the usual outputs of an experiment plus
 * {@value #TRIAL_FILE}, and its experiment is named {@code <sweep>-<id>}.
 */
public final class Trials {
    public static final String TRIALS_DIR = "trials";
    public static final String TRIAL_FILE = "trial.json";
    public static final int ID_HEX = 12;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Trials() {
    }

    /** The trial's id: a hash of its values (key path to value), 12 hex digits. */
    public static String id(Trial trial) {
        return CanonicalJson.sha256(JSON.valueToTree(trial.values())).substring(0, ID_HEX);
    }

    /** {@code <sweep>-<id>}: the name of the trial's experiment, its metrics and its DONE line. */
    public static String name(String sweep, String id) {
        return sweep + "-" + id;
    }

    /** The trial's experiment, named {@link #name(String, String)}. */
    public static Experiment experiment(Sweep sweep, Trial trial) {
        Experiment e = trial.experiment();
        return new Experiment(e.version(), name(sweep.name(), id(trial)), e.seed(), e.dataset(), e.model(),
                e.optimizer(), e.training(), e.source());
    }

    /** {@code <outputRoot>/<sweep>/trials}: where the trials of a sweep are. */
    public static Path trialsDir(Path outputRoot, String sweep) {
        return outputRoot.resolve(sweep).resolve(TRIALS_DIR);
    }

    /** {@code <outputRoot>/<sweep>/trials/<id>}. */
    public static Path folder(Path outputRoot, String sweep, String id) {
        return trialsDir(outputRoot, sweep).resolve(id);
    }

    /**
     * A hash of what the sweep is: its settings and parameters and the experiment its trials vary (canonical, paths
     * relative to the file or the project as in the experiment hash, so checkouts on other machines agree). Shards of
     * one sweep agree on it; two results that do not were made from different files.
     *
     * @param projectDir the project folder, or null
     */
    public static String sweepHash(Sweep sweep, Path projectDir) {
        ObjectNode root = JSON.createObjectNode();
        root.set("sweep", spec(sweep.spec()));
        root.set("base", ProvenanceCollector.normaliseExperiment(sweep.base(), projectDir));
        return CanonicalJson.sha256(root);
    }

    private static ObjectNode spec(SweepSpec s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("method", s.method());
        o.put("trials", s.trials());
        o.put("seed", s.seed());
        o.put("metric", s.metric());
        o.put("goal", s.goal());
        ArrayNode params = o.putArray("parameters");
        for (SweepParameter p : s.parameters()) {
            ObjectNode n = params.addObject();
            n.put("keyPath", p.keyPath());
            if (p.isRange()) {
                n.put("min", p.min());
                n.put("max", p.max());
                n.put("scale", p.log() ? "log" : "linear");
            } else {
                n.set("values", JSON.valueToTree(p.values()));
            }
        }
        return o;
    }

    /** The text of a trial's trial.json: which sweep, which trial, how it is ranked, its values. */
    public static String trialJson(Sweep sweep, Trial trial, Path projectDir) {
        ObjectNode o = JSON.createObjectNode();
        o.put("sweep", sweep.name());
        o.put("id", id(trial));
        o.put("number", trial.number());
        o.put("trials", sweep.trials().size());
        o.put("sweepHash", sweepHash(sweep, projectDir));
        o.put("metric", sweep.spec().metric());
        o.put("goal", sweep.spec().goal());
        o.set("parameters", JSON.valueToTree(trial.values()));
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write trial.json", e);
        }
    }

    /** The trial of {@code sweep} with this id, or null. */
    public static Trial find(Sweep sweep, String id) {
        for (Trial t : sweep.trials()) {
            if (id(t).equals(id)) {
                return t;
            }
        }
        return null;
    }
}
