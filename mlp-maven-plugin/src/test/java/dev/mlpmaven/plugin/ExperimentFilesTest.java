package dev.mlpmaven.plugin;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class ExperimentFilesTest {
    @Test
    void command_line_overrides_win_over_the_pom_and_come_in_name_order() {
        Map<String, String> pom = new LinkedHashMap<>();
        pom.put("training.epochs", "5");
        pom.put("seed", "1");
        Properties user = new Properties();
        user.setProperty("mlp.set.training.epochs", "1");
        user.setProperty("mlp.set.optimizer.learningRate", "0.1");
        user.setProperty("mlp.set.", "ignored: no key");
        user.setProperty("mlp.skip", "not an override");

        assertThat(ExperimentFiles.overrides(pom, user)).containsExactly(
                Map.entry("training.epochs", "1"), Map.entry("seed", "1"), Map.entry("optimizer.learningRate", "0.1"));
    }
}
