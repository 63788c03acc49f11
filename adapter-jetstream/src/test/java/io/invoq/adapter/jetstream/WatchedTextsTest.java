package io.invoq.adapter.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The watched copy of a bucket's keys: unknown until caught up, and never set back by an older revision. */
class WatchedTextsTest {

    private static final String KEY = "images.pauses";

    private final WatchedTexts copy = new WatchedTexts("*.pauses");

    @Test
    void a_copy_knows_nothing_until_the_watch_has_caught_up() {
        copy.written(KEY, new WatchedTexts.Revised(1, "*"));

        assertThat(copy.current(KEY)).isEmpty();
        copy.endOfData();
        assertThat(copy.current(KEY)).contains("*");
    }

    @Test
    void a_key_the_bucket_does_not_hold_reads_as_empty_text() {
        copy.endOfData();

        assertThat(copy.current(KEY)).contains("");
    }

    @Test
    void an_older_revision_arriving_late_does_not_undo_a_newer_one() {
        copy.endOfData();
        copy.written(KEY, new WatchedTexts.Revised(5, "*"));

        copy.written(KEY, new WatchedTexts.Revised(3, ""));

        assertThat(copy.current(KEY)).contains("*");
        copy.written(KEY, new WatchedTexts.Revised(6, ""));
        assertThat(copy.current(KEY)).contains("");
    }
}
