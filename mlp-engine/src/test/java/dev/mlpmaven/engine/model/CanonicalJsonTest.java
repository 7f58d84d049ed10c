package dev.mlpmaven.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test vectors of RFC 8785 (JSON Canonicalization Scheme): its examples and its number table (Appendix B). */
class CanonicalJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2",
    })
    void numbers_are_written_as_appendix_b_says(String ieee754, String expected) {
        double d = Double.longBitsToDouble(new BigInteger(ieee754, 16).longValue());
        assertThat(CanonicalJson.text(JsonNodeFactory.instance.arrayNode().add(d))).isEqualTo("[" + expected + "]");
    }

    @Test
    void the_rfc_example_of_section_3_2_2_is_reproduced() throws Exception {
        JsonNode input = JSON.readTree("{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}");
        assertThat(CanonicalJson.text(input)).isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,"
                + "1e+30,4.5,0.002,1e-27],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void keys_are_sorted_by_utf16_code_units_as_section_3_2_3_shows() throws Exception {
        JsonNode input = JSON.readTree("{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\","
                + " \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\", \"1\": \"One\","
                + " \"\\ud83d\\ude00\": \"Emoji: Grinning Face\", \"\\u0080\": \"Control\","
                + " \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}");
        assertThat(CanonicalJson.text(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void nan_infinity_and_integers_a_double_cannot_hold_are_refused_not_rounded() {
        assertThatThrownBy(() -> CanonicalJson.text(JsonNodeFactory.instance.objectNode().put("loss", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("$.loss: NaN is not a JSON number");
        assertThatThrownBy(() -> CanonicalJson.text(JsonNodeFactory.instance.arrayNode()
                .add(Double.POSITIVE_INFINITY))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.text(JsonNodeFactory.instance.objectNode()
                .put("seed", 9007199254740993L))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("$.seed: 9007199254740993 is beyond +-(2^53 - 1), which RFC 8785 cannot hold exactly"
                        + " - write it as a string");
        assertThat(CanonicalJson.text(JsonNodeFactory.instance.objectNode().put("seed", 9007199254740991L)))
                .isEqualTo("{\"seed\":9007199254740991}");
    }

    @Test
    void the_hash_is_the_sha256_of_the_utf8_canonical_text() throws Exception {
        JsonNode n = JSON.readTree("{\"b\": 1.0, \"a\": \"\u00e9\"}");
        assertThat(CanonicalJson.text(n)).isEqualTo("{\"a\":\"\u00e9\",\"b\":1}");
        // sha256 of the bytes {"a":"é","b":1}, computed independently with sha256sum
        assertThat(CanonicalJson.sha256(n)).isEqualTo("aa58fba8483623bed37c1b02edfccbdd9a53123837c20bfa4cb4049993a2872e");
    }
}
