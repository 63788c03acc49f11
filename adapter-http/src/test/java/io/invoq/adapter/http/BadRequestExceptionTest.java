package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class BadRequestExceptionTest {

    @Test
    void a_reason_quotes_a_bounded_part_of_a_long_input_in_its_subject_and_in_the_parsers_message() {
        String input = "x".repeat(10_000);

        BadRequestException refused = catchThrowableOfType(BadRequestException.class, () -> BadRequestException.whenInvalid(
                "name '" + input + "'", () -> {
                    throw new IllegalArgumentException("'" + input + "' is not a name");
                }));

        assertThat(refused.getMessage()).startsWith("name 'xxx").contains("…: 'xxx").endsWith("…").hasSizeLessThan(600);
    }

    @Test
    void a_short_reason_is_kept_whole_and_a_cut_never_splits_a_character() {
        assertThat(BadRequestException.abbreviated("name 'a'", 160)).isEqualTo("name 'a'");
        String emojis = "😀".repeat(100);

        String cut = BadRequestException.abbreviated(emojis, 161);

        assertThat(cut).isEqualTo("😀".repeat(80) + "…");
    }
}
