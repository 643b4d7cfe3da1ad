package io.deskbridge.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageSizerTests {

    @Test
    void shouldShrinkFrom1000To500To100AndStayThere() {
        PageSizer sizer = new PageSizer(1000);
        assertThat(sizer.current()).isEqualTo(1000);
        sizer.failed();
        assertThat(sizer.current()).isEqualTo(500);
        sizer.failed();
        assertThat(sizer.current()).isEqualTo(100);
        sizer.failed();
        assertThat(sizer.current()).isEqualTo(100);
    }

    @Test
    void shouldStepBackUpOneSizeAfterFiveGoodPages() {
        PageSizer sizer = new PageSizer(1000);
        sizer.failed();
        sizer.failed();
        for (int i = 0; i < PageSizer.STEP_UP_AFTER - 1; i++) {
            sizer.succeeded();
        }
        assertThat(sizer.current()).isEqualTo(100);
        sizer.succeeded();
        assertThat(sizer.current()).isEqualTo(500);
        for (int i = 0; i < PageSizer.STEP_UP_AFTER; i++) {
            sizer.succeeded();
        }
        assertThat(sizer.current()).isEqualTo(1000);
    }

    @Test
    void shouldNeverGoBelowOneRecord() {
        PageSizer sizer = new PageSizer(5);
        sizer.failed();
        sizer.failed();
        assertThat(sizer.current()).isEqualTo(1);
    }
}
