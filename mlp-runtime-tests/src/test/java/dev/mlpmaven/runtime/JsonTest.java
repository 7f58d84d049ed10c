package dev.mlpmaven.runtime;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {
    static Object parse(String text) throws Json.Failure {
        return Json.parse(text);
    }

    static void assertFails(String text, String message) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(Json.Failure.class).hasMessage(message);
    }

    @Test
    void parses_objects_arrays_and_scalars_keeping_key_order() throws Exception {
        Object v = parse(" {\"b\": [1, -2.5e3, true, false, null], \"a\": {\"x\": \"y\"}, \"c\": []} ");
        assertThat(v).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        assertThat(m.keySet()).containsExactly("b", "a", "c");
        @SuppressWarnings("unchecked")
        List<Object> b = (List<Object>) m.get("b");
        assertThat(b).containsExactly(new Json.Num("1"), new Json.Num("-2.5e3"), true, false, Json.NULL);
        assertThat(((Map<?, ?>) m.get("a")).get("x")).isEqualTo("y");
        assertThat((List<?>) m.get("c")).isEmpty();
        assertThat(parse("{}")).isEqualTo(Map.of());
    }

    @Test
    void numbers_keep_their_text_and_convert_exactly() throws Exception {
        Json.Num big = (Json.Num) parse("99999999999999999999");
        assertThat(big.integral()).isTrue();
        assertThat(big.plain()).isEqualTo(new BigInteger("99999999999999999999"));
        assertThat(((Json.Num) parse("7")).plain()).isEqualTo(7L);
        assertThat(((Json.Num) parse("0.28604018688201904")).plain()).isEqualTo(0.28604018688201904);
        assertThat(((Json.Num) parse("1E400")).plain()).isEqualTo(new BigDecimal("1E400"));
        assertThat(((Json.Num) parse("-0")).integral()).isTrue();
        assertThat(((Json.Num) parse("2e0")).integral()).isFalse();
    }

    @Test
    void strings_decode_every_escape() throws Exception {
        assertThat(parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e4\\u20AC\"")).isEqualTo("a\"b\\c/d\b\f\n\r\t\u00e4\u20ac");
        assertThat(parse("\"plain ä\"")).isEqualTo("plain ä");
    }

    @Test
    void refuses_what_json_does_not_allow_naming_line_and_column() {
        assertFails("{\"a\": 01}", "a number with a leading zero at line 1, column 7");
        assertFails("[1,]", "unexpected ']' at line 1, column 4");
        assertFails("{\"a\": NaN}", "unexpected 'N' at line 1, column 7");
        assertFails("// c\n{}", "unexpected '/' at line 1, column 1");
        assertFails("{'a': 1}", "expected a key (a string) but found ''' at line 1, column 2");
        assertFails("{\"a\" 1}", "expected ':' but found '1' at line 1, column 6");
        assertFails("{\"a\": 1", "unexpected end of the text at line 1, column 8");
        assertFails("[1 2]", "expected ',' or ']' but found '2' at line 1, column 4");
        assertFails("\"tab\there\"", "a control character (U+0009) in a string at line 1, column 5");
        assertFails("\"\\x\"", "an invalid escape \\x at line 1, column 2");
        assertFails("\"\\u12g4\"", "an invalid \\u escape at line 1, column 2");
        assertFails("\"open", "unterminated string at line 1, column 1");
        assertFails("1.", "expected a digit after '.' at line 1, column 3");
        assertFails("1e+", "expected a digit in the exponent at line 1, column 4");
        assertFails("-", "unexpected end of the text at line 1, column 2");
        assertFails("tru", "unexpected 't' at line 1, column 1");
        assertFails("", "unexpected end of the text at line 1, column 1");
        assertFails("{\n\"a\": 1,\n\"a\": 2}", "duplicate key \"a\" at line 3, column 1");
        assertFails("{} x", "content after the JSON value at line 1, column 4");
    }

    @Test
    void limits_nesting_and_number_length() throws Exception {
        assertThat(parse("[".repeat(1000) + "]".repeat(1000))).isInstanceOf(List.class);
        Json.Failure deep = org.junit.jupiter.api.Assertions.assertThrows(Json.Failure.class,
                () -> Json.parse("[".repeat(1001) + "]".repeat(1001)));
        assertThat(deep.limit).isTrue();
        assertThat(deep.getMessage()).isEqualTo("nesting deeper than 1000 levels at line 1, column 1001");
        assertThat(parse("1".repeat(1000))).isInstanceOf(Json.Num.class);
        Json.Failure longNumber = org.junit.jupiter.api.Assertions.assertThrows(Json.Failure.class,
                () -> Json.parse("1".repeat(1001)));
        assertThat(longNumber.limit).isTrue();
    }

    @Test
    void writer_output_parses_back_to_the_same_values() throws Exception {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("s", "q\"\\\n\u0001ä");
        m.put("f", 0.1f);
        m.put("d", 1e-7);
        m.put("i", 3);
        m.put("n", null);
        m.put("l", List.of(1, List.of("x"), Map.of("k", false)));
        String text = JsonWriter.pretty(m);
        Map<?, ?> back = (Map<?, ?>) Json.parse(text);
        assertThat(back.get("s")).isEqualTo("q\"\\\n\u0001ä");
        assertThat(Float.parseFloat(back.get("f").toString())).isEqualTo(0.1f);
        assertThat(back.get("d")).isEqualTo(new Json.Num("1.0E-7"));
        assertThat(back.get("n")).isEqualTo(Json.NULL);
        assertThat(text).startsWith("{\n  \"s\": ");
        assertThatThrownBy(() -> JsonWriter.pretty(Map.of("x", Float.NaN))).hasMessage("JSON: found NaN, expected a finite number");
    }
}
