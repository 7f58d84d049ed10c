package dev.mlpmaven.plugin;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/goals/*.md cannot drift from the code: each goal's parameter table ({@code ## Parameters}, or
 * {@code ## Parameters of mlp:<goal>} on a page of several goals) must list exactly the goal's user parameters of the
 * generated plugin descriptor ({@code META-INF/maven/plugin.xml}), each with its property, default and since as the
 * descriptor has them. A cell for a value the descriptor does not have is prose (not a {@code `literal`}).
 */
class GoalDocsTest {
    static final Path DOCS = Path.of("..", "docs", "goals");

    /** One parameter of the descriptor: its property ({@code ${x}} expression) and default, or null. */
    record Param(String property, String defaultValue, String since) {
    }

    /** One row of a doc table: the cells after the name. */
    record Row(String property, String defaultValue, String since) {
    }

    static Map<String, Map<String, Param>> descriptor() throws Exception {
        Document d;
        try (InputStream in = GoalDocsTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in).as("plugin.xml (maven-plugin-plugin writes it before the tests run)").isNotNull();
            d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        Map<String, Map<String, Param>> goals = new LinkedHashMap<>();
        NodeList mojos = d.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = child(mojo, "goal").getTextContent();
            Map<String, Element> config = new LinkedHashMap<>();
            Element configuration = child(mojo, "configuration");
            if (configuration != null) {
                NodeList cs = configuration.getChildNodes();
                for (int c = 0; c < cs.getLength(); c++) {
                    if (cs.item(c) instanceof Element e) {
                        config.put(e.getTagName(), e);
                    }
                }
            }
            Map<String, Param> params = new LinkedHashMap<>();
            NodeList ps = child(mojo, "parameters").getElementsByTagName("parameter");
            for (int p = 0; p < ps.getLength(); p++) {
                Element param = (Element) ps.item(p);
                if (!"true".equals(child(param, "editable").getTextContent())) {
                    continue;
                }
                String name = child(param, "name").getTextContent();
                Element c = config.get(name);
                String expression = c == null ? null : c.getTextContent().trim();
                String property = expression != null && expression.startsWith("${") ? expression.substring(2,
                        expression.length() - 1) : null;
                String def = c == null || !c.hasAttribute("default-value") ? null : c.getAttribute("default-value");
                Element since = child(param, "since");
                params.put(name, new Param(property, def, since == null ? "" : since.getTextContent()));
            }
            goals.put(goal, params);
        }
        return goals;
    }

    private static Element child(Element parent, String tag) {
        NodeList n = parent.getChildNodes();
        for (int i = 0; i < n.getLength(); i++) {
            if (n.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    /** The table under the goal's parameters heading: name to cells. */
    static Map<String, Row> table(String goal) throws Exception {
        Path page = DOCS.resolve(goal + ".md");
        if (!Files.isRegularFile(page)) {
            page = DOCS.resolve(goal.replaceFirst("-.*", "") + ".md");
        }
        List<String> lines = Files.readAllLines(page);
        int heading = lines.indexOf("## Parameters of mlp:" + goal);
        if (heading < 0 && page.getFileName().toString().equals(goal + ".md")) {
            heading = lines.indexOf("## Parameters");
        }
        assertThat(heading).as(page + ": a '## Parameters' (or '## Parameters of mlp:" + goal + "') heading")
                .isNotNegative();
        int i = heading + 1;
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            i++;
        }
        List<String> header = cells(lines.get(i));
        assertThat(header.subList(0, 4)).as(page + ": the table's columns")
                .containsExactly("parameter", "property", "default", "since");
        Map<String, Row> rows = new LinkedHashMap<>();
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> c = cells(lines.get(i));
            String name = c.get(0);
            assertThat(name).as(page + ": a parameter name in backticks").matches("`[a-zA-Z]+`");
            rows.put(name.substring(1, name.length() - 1), new Row(c.get(1), c.get(2), c.get(3)));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String c : line.substring(1, line.lastIndexOf('|')).split("\\|", -1)) {
            cells.add(c.trim());
        }
        return cells;
    }

    @Test
    void every_goal_documents_exactly_its_parameters_with_their_property_default_and_since() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Param>> goal : descriptor().entrySet()) {
            Map<String, Row> doc;
            try {
                doc = table(goal.getKey());
            } catch (AssertionError e) {
                problems.add("mlp:" + goal.getKey() + ": " + e.getMessage().strip());
                continue;
            }
            Map<String, Param> code = goal.getValue();
            TreeSet<String> missing = new TreeSet<>(code.keySet());
            missing.removeAll(doc.keySet());
            TreeSet<String> stale = new TreeSet<>(doc.keySet());
            stale.removeAll(code.keySet());
            missing.forEach(p -> problems.add("mlp:" + goal.getKey() + ": parameter " + p + " is not documented"));
            stale.forEach(p -> problems.add("mlp:" + goal.getKey() + ": documented parameter " + p
                    + " does not exist"));
            for (Map.Entry<String, Param> e : code.entrySet()) {
                Row row = doc.get(e.getKey());
                if (row == null) {
                    continue;
                }
                String where = "mlp:" + goal.getKey() + " " + e.getKey() + ": ";
                Param p = e.getValue();
                check(problems, where + "property", p.property(), row.property());
                check(problems, where + "default", p.defaultValue(), row.defaultValue());
                if (!p.since().equals(row.since())) {
                    problems.add(where + "since is '" + row.since() + "' in the docs, '" + p.since() + "' in the code");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** A value the code has must open the cell as {@code `value`}; a value it has not must not look like one. */
    private static void check(List<String> problems, String where, String code, String cell) {
        if (code != null && !cell.startsWith("`" + code + "`")) {
            problems.add(where + " is '" + cell + "' in the docs, `" + code + "` in the code");
        } else if (code == null && cell.matches("`[^`<>*]*`")) {
            problems.add(where + " is '" + cell + "' in the docs, none in the code");
        }
    }
}
