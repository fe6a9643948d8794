package io.atonix.operator.postgres.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlQuotingTest {

    @ParameterizedTest(name = "identifier {0} is written {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "shop|\"shop\"",
                "order-api|\"order-api\"",
                "Shop|\"Shop\"",
                "x\"; DROP TABLE x; --|\"x\"\"; DROP TABLE x; --\"",
                "\"|\"\"\"\"",
                "it's|\"it's\"",
            })
    void identifiersAreDoubleQuotedWithInnerQuotesDoubled(String name, String quoted) {
        assertThat(SqlQuoting.identifier(name)).isEqualTo(quoted);
    }

    @ParameterizedTest(name = "literal {0} is written {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "secret|'secret'",
                "it's|'it''s'",
                "'; DROP ROLE postgres; --|'''; DROP ROLE postgres; --'",
                "say \"hi\"|'say \"hi\"'",
                "$$dollar$$|'$$dollar$$'",
                "back\\slash|E'back\\\\slash'",
                "\\'|E'\\\\'''",
                "ünïcödé|'ünïcödé'",
            })
    void literalsDoubleQuotesAndUseEscapeStringsForBackslashes(String value, String quoted) {
        assertThat(SqlQuoting.literal(value)).isEqualTo(quoted);
    }

    @Test
    void identifiersPostgresWouldTruncateOrCannotHoldAreRefused() {
        assertThat(SqlQuoting.identifier("a".repeat(63))).hasSize(65);
        assertThatThrownBy(() -> SqlQuoting.identifier("a".repeat(64))).hasMessageContaining("63 bytes");
        assertThatThrownBy(() -> SqlQuoting.identifier("é".repeat(32)))
                .as("bytes, not characters")
                .hasMessageContaining("63 bytes");
        assertThatThrownBy(() -> SqlQuoting.identifier("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SqlQuoting.identifier("a\0b")).hasMessageContaining("NUL");
    }

    @Test
    void aLiteralThatCannotBeWrittenIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> SqlQuoting.literal("top\0secret"))
                .hasMessageContaining("NUL")
                .hasMessageNotContaining("secret'")
                .hasMessageNotContaining("top");
    }
}
