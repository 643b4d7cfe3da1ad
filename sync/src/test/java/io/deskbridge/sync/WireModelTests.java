package io.deskbridge.sync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The wire model is typed: no controller, controller advice or JSON shape ({@code *Json}) takes or
 * returns {@code Map<String, Object>}, however deep in a generic type ({@code ResponseEntity<Map<..>>},
 * {@code List<Map<..>>}). Records give springdoc the schemas and the compiler the field names.
 */
class WireModelTests {

    static final DescribedPredicate<JavaClass> WIRE_CLASSES = DescribedPredicate.describe(
            "controllers and *Json shapes",
            c -> c.isAnnotatedWith(RestController.class)
                    || c.isAnnotatedWith(Controller.class)
                    || c.isAnnotatedWith(RestControllerAdvice.class)
                    || c.getSimpleName().endsWith("Json"));

    static final ArchRule NO_UNTYPED_MAPS = noClasses()
            .that(WIRE_CLASSES)
            .should(new ArchCondition<JavaClass>("take or return Map<String, Object>") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    for (JavaMethod method : c.getMethods()) {
                        boolean untyped = isUntypedMap(method.getReturnType())
                                || method.getParameterTypes().stream().anyMatch(WireModelTests::isUntypedMap);
                        if (untyped) {
                            events.add(SimpleConditionEvent.satisfied(
                                    method, method.getFullName() + " takes or returns Map<String, Object>"));
                        }
                    }
                }
            })
            .because("wire shapes are records (STYLE.md: \"Wire shapes are records, not maps\")");

    static boolean isUntypedMap(JavaType type) {
        if (!(type instanceof JavaParameterizedType parameterized)) {
            return false;
        }
        List<JavaType> arguments = parameterized.getActualTypeArguments();
        if (type.toErasure().isAssignableTo(Map.class)
                && arguments.size() == 2
                && arguments.get(0).toErasure().isEquivalentTo(String.class)
                && arguments.get(1).toErasure().isEquivalentTo(Object.class)) {
            return true;
        }
        return arguments.stream().anyMatch(WireModelTests::isUntypedMap);
    }

    @Test
    void shouldKeepMapsOfObjectsOffTheWire() {
        JavaClasses sync = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.deskbridge.sync");

        NO_UNTYPED_MAPS.check(sync);
    }

    @Nested
    class TheRule {

        @RestController
        static class MapController {
            ResponseEntity<Map<String, Object>> show() {
                return ResponseEntity.ok(Map.of());
            }
        }

        static final class TicketJson {
            static List<Map<String, Object>> of(Map<String, Object> ticket) {
                return List.of(ticket);
            }
        }

        record TypedJson(long id, Map<String, List<String>> details) {}

        @Test
        void shouldCatchAMapInsideAResponseEntity() {
            assertThatThrownBy(() -> NO_UNTYPED_MAPS.check(new ClassFileImporter().importClasses(MapController.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("MapController.show()")
                    .hasMessageContaining("takes or returns Map<String, Object>");
        }

        @Test
        void shouldCatchAJsonBuilderTakingAndReturningMaps() {
            assertThatThrownBy(() -> NO_UNTYPED_MAPS.check(new ClassFileImporter().importClasses(TicketJson.class)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("TicketJson.of(java.util.Map)");
        }

        @Test
        void shouldAllowTypedMaps() {
            NO_UNTYPED_MAPS.check(new ClassFileImporter().importClasses(TypedJson.class));

            assertThat(isUntypedMap(new ClassFileImporter()
                            .importClass(TypedJson.class)
                            .getMethod("details")
                            .getReturnType()))
                    .isFalse();
        }
    }
}
