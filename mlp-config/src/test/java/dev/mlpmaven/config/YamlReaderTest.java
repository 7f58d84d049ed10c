package dev.mlpmaven.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlpmaven.config.YamlNode.Kind;
import dev.mlpmaven.config.YamlNode.YamlList;
import dev.mlpmaven.config.YamlNode.YamlMap;
import dev.mlpmaven.config.YamlNode.YamlScalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlReaderTest {
    @TempDir
    Path dir;

    private YamlMap read(String yaml, List<Problem> problems) throws IOException {
        Path file = dir.resolve("e.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return (YamlMap) YamlReader.readFile(file, problems);
    }

    @Test
    void every_key_and_value_carries_its_line_and_column() throws IOException {
        List<Problem> problems = new ArrayList<>();
        YamlMap root = read("name: a\noptimizer:\n  learningRate: 1e-3\n  hidden: [8, 16]\n", problems);
        assertThat(problems).isEmpty();
        YamlMap optimizer = (YamlMap) root.get("optimizer");
        assertThat(optimizer.entries().get("learningRate").keyLocation())
                .extracting(Location::line, Location::column).containsExactly(3, 3);
        YamlScalar lr = (YamlScalar) optimizer.get("learningRate");
        assertThat(lr.location()).extracting(Location::line, Location::column).containsExactly(3, 17);
        assertThat(lr.kind()).isEqualTo(Kind.FLOAT);
        assertThat(lr.number()).isEqualTo(1e-3);
        assertThat(lr.text()).isEqualTo("1e-3");
        YamlList hidden = (YamlList) optimizer.get("hidden");
        assertThat(hidden.items().get(1).location()).extracting(Location::line, Location::column).containsExactly(4, 15);
    }

    @Test
    void quoted_numbers_stay_text_and_special_floats_are_kept() throws IOException {
        YamlMap root = read("a: \"3\"\nb: .inf\nc: -.inf\nd: .nan\ne: ~\n", new ArrayList<>());
        assertThat(((YamlScalar) root.get("a")).kind()).isEqualTo(Kind.STRING);
        assertThat(((YamlScalar) root.get("b")).number()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(((YamlScalar) root.get("c")).number()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(((YamlScalar) root.get("d")).number()).isNaN();
        assertThat(((YamlScalar) root.get("e")).isNull()).isTrue();
    }

    @Test
    void reader_reports_every_duplicate_key_and_keeps_the_first_value() throws IOException {
        List<Problem> problems = new ArrayList<>();
        YamlMap root = read("a: 1\nb: 2\na: 3\nb: 4\n", problems);
        assertThat(problems).extracting(Problem::format).containsExactly(
                dir.resolve("e.yaml") + ":3:1: a: " + String.format(Messages.DUPLICATE_KEY, "a", 1),
                dir.resolve("e.yaml") + ":4:1: b: " + String.format(Messages.DUPLICATE_KEY, "b", 2));
        assertThat(((YamlScalar) root.get("a")).text()).isEqualTo("1");
    }

    @Test
    void reader_skips_a_byte_order_mark() throws IOException {
        List<Problem> problems = new ArrayList<>();
        YamlMap root = read("\uFEFFname: bom\n", problems);
        assertThat(problems).isEmpty();
        assertThat(root.entries()).containsOnlyKeys("name");
    }

    @Test
    void a_file_with_only_comments_is_empty() throws IOException {
        List<Problem> problems = new ArrayList<>();
        assertThat(read("# nothing here\n\n", problems)).isNull();
        assertThat(problems).extracting(Problem::message).containsExactly(Messages.EMPTY_FILE);
    }
}
