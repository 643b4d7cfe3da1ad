package io.deskbridge.sync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTests {

    @Test
    void shouldWriteLagsTheWayPeopleSayThem() {
        assertThat(Formats.duration(null)).isEqualTo("—");
        assertThat(Formats.duration(-3L)).isEqualTo("0 s");
        assertThat(Formats.duration(59L)).isEqualTo("59 s");
        assertThat(Formats.duration(60L)).isEqualTo("1 min");
        assertThat(Formats.duration(3 * 60L + 59)).isEqualTo("3 min");
        assertThat(Formats.duration(3600L)).isEqualTo("1 h");
        assertThat(Formats.duration(2 * 3600L + 5 * 60)).isEqualTo("2 h 5 min");
        assertThat(Formats.duration(86_400L)).isEqualTo("1 d");
        assertThat(Formats.duration(4 * 86_400L + 3 * 3600 + 59)).isEqualTo("4 d 3 h");
    }

    @Test
    void shouldWriteTimesInUtcToTheSecond() {
        assertThat(Formats.time(Instant.parse("2026-01-02T03:04:05.678Z"))).isEqualTo("2026-01-02 03:04:05 UTC");
        assertThat(Formats.time(null)).isEqualTo("—");
    }

    @Test
    void shouldCutEchoedInput() {
        assertThat(Formats.echo("x".repeat(41))).isEqualTo("x".repeat(40) + "…");
        assertThat(Formats.echo("abc")).isEqualTo("abc");
        assertThat(Formats.label("ticket_comments")).isEqualTo("Ticket comments");
        assertThat(Formats.percent(0.1234)).isEqualTo("12 %");
        assertThat(Formats.seconds(12.25)).isEqualTo("12.3 s");
    }

    @Test
    void shouldCountRecordsInGoodEnglish() {
        assertThat(Formats.records(0)).isEqualTo("0 records");
        assertThat(Formats.records(1)).isEqualTo("1 record");
        assertThat(Formats.records(2)).isEqualTo("2 records");
    }
}
