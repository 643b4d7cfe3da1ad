package io.deskbridge.sync.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class OperatorSessionCheckTests {

    private final OperatorSessionCheck check = new OperatorSessionCheck(null);

    private boolean skips(String contextPath, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", contextPath + path);
        request.setContextPath(contextPath);
        return check.shouldNotFilter(request);
    }

    @Test
    void shouldSkipStaticFilesOnly() {
        assertThat(skips("", "/css/console.css")).isTrue();
        assertThat(skips("", "/js/console.js")).isTrue();
        assertThat(skips("", "/favicon.ico")).isTrue();
        assertThat(skips("/sync", "/css/console.css")).isTrue();
    }

    @Test
    void shouldCheckEveryPageAndApiCall() {
        assertThat(skips("", "/connections")).isFalse();
        assertThat(skips("", "/cssx")).isFalse();
        assertThat(skips("", "/connections/1/css/x")).isFalse();
        assertThat(skips("/css", "/connections")).isFalse();
        assertThat(skips("", "/")).isFalse();
    }
}
