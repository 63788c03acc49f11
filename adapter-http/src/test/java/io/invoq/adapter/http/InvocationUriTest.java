package io.invoq.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvocationUriTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://fn:8080            | ''       | ''             | http://fn:8080",
        "http://fn:8080/           | ''       | ''             | http://fn:8080/",
        "http://fn:8080/           | /a/b     | x=1            | http://fn:8080/a/b?x=1",
        "http://fn:8080/function/f | /a       | ''             | http://fn:8080/function/f/a",
        "http://fn:8080/f/?code=k  | /a       | x=1&y=2        | http://fn:8080/f/a?code=k&x=1&y=2",
        "http://fn:8080/f?code=k   | ''       | ''             | http://fn:8080/f?code=k",
        "http://fn:8080/f#top      | ''       | ''             | http://fn:8080/f",
        "https://user@fn/f         | /a%20b   | q=a%2Bb        | https://user@fn/f/a%20b?q=a%2Bb"})
    void the_call_extends_the_functions_url(String function, String path, String query, String expected) {
        assertThat(InvocationUri.of(URI.create(function), path, query)).isEqualTo(URI.create(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "/a[1]   ; filter={\"a\":1}|x  ; http://fn/a%5B1%5D?filter=%7B%22a%22:1%7D%7Cx",
        "/café   ; name=café           ; http://fn/caf%C3%A9?name=caf%C3%A9",
        "/100%   ; discount=5%zz       ; http://fn/100%25?discount=5%25zz",
        "'/a b'  ; 'q=a b'             ; http://fn/a%20b?q=a%20b"})
    void characters_a_uri_may_not_hold_are_percent_encoded(String path, String query, String expected) {
        assertThat(InvocationUri.of(URI.create("http://fn"), path, query).toString()).isEqualTo(expected);
    }
}
