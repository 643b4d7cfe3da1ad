package io.deskbridge.bench.floor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor of desk's stack for issue 16's comparison: the same framework (Spring Boot, Spring MVC,
 * embedded Tomcat, the same Tomcat settings given on the command line) with one handler that answers
 * each recorded request path with desk's recorded bytes from memory — no security filters, no
 * database, no JSON rendering. What desk costs above this is desk's own work.
 *
 * <p>Reads WireMock import files ({@code {"mappings": [{"request": {"url": …}, "response": {"body": …,
 * "headers": {"Content-Type": …}}}]}}), the ones {@code bench/api/run.sh} records, named by the
 * system property {@code floor.mappings} (comma-separated paths).
 *
 * <pre>java -Dfloor.mappings=a.json,b.json -cp bench/target/benchmarks.jar io.deskbridge.bench.floor.FloorApplication --server.port=18203</pre>
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    HttpEncodingAutoConfiguration.class
})
@Import(FloorApplication.Recorded.class)
public class FloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(FloorApplication.class, args);
    }

    record Answer(byte[] body, MediaType contentType) {}

    @RestController
    static class Recorded {

        private final Map<String, Answer> answers = load(System.getProperty("floor.mappings", ""));

        @GetMapping("/api/v2/**")
        ResponseEntity<byte[]> answer(jakarta.servlet.http.HttpServletRequest request) {
            String query = request.getQueryString();
            Answer answer =
                    answers.get(query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query);
            if (answer == null) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
            }
            return ResponseEntity.ok().contentType(answer.contentType()).body(answer.body());
        }

        private static Map<String, Answer> load(String files) {
            Map<String, Answer> answers = new HashMap<>();
            JsonMapper json = JsonMapper.builder().build();
            for (String file : files.split(",")) {
                if (file.isBlank()) {
                    continue;
                }
                JsonNode root;
                try {
                    root = json.readTree(Files.readString(Path.of(file)));
                } catch (IOException e) {
                    throw new IllegalStateException("floor.mappings: cannot read " + file, e);
                }
                for (JsonNode mapping : root.path("mappings")) {
                    String contentType = mapping.path("response")
                            .path("headers")
                            .path("Content-Type")
                            .asString("application/json");
                    answers.put(
                            mapping.path("request").path("url").asString(),
                            new Answer(
                                    mapping.path("response")
                                            .path("body")
                                            .asString()
                                            .getBytes(StandardCharsets.UTF_8),
                                    MediaType.parseMediaType(contentType)));
                }
            }
            if (answers.isEmpty()) {
                throw new IllegalStateException("floor.mappings names no file with mappings: '" + files + "'");
            }
            return Map.copyOf(answers);
        }
    }
}
