package io.deskbridge.desk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.deskbridge.archfixture.MapBuildingJson;
import io.deskbridge.archfixture.MapController;
import io.deskbridge.archfixture.SqlInAService;
import io.deskbridge.archfixture.TypedController;
import io.deskbridge.desk.pagination.PageQuery;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

/**
 * The product rules of issue 16 that the compiler does not keep: wire shapes are records, not maps,
 * and SQL lives in repositories. Written over desk's main classes as they are when the build runs, so
 * a new package that breaks a rule fails here; each rule is also shown failing on a small fixture.
 */
class ArchitectureRulesTests {

    /**
     * Classes that talk to the database without being named {@code *Repository}, and why.
     *
     * <ul>
     *   <li>{@code cluster.ChangeEpoch}: reads and bumps the one cluster-epoch row on a 200 ms poll, from
     *       a transaction synchronisation; it is the row's whole owner, not a capability's data access.
     * </ul>
     */
    static final Set<String> JDBC_ALLOWED = Set.of("io.deskbridge.desk.cluster.ChangeEpoch");

    static final Set<String> JDBC_TYPES = Set.of(
            "org.springframework.jdbc.core.simple.JdbcClient",
            "org.springframework.jdbc.core.JdbcTemplate",
            "org.springframework.jdbc.core.JdbcOperations",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations");

    private final JavaClasses desk = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.deskbridge.desk");

    /** Controllers (REST or not) and every {@code *Json}/{@code *Response} type. */
    static final DescribedPredicate<JavaClass> WIRE_TYPES = DescribedPredicate.describe(
            "controllers and *Json/*Response classes",
            c -> c.isMetaAnnotatedWith(Controller.class)
                    || c.getSimpleName().endsWith("Json")
                    || c.getSimpleName().endsWith("Response"));

    static ArchRule noMapsOnTheWire() {
        return classes().that(WIRE_TYPES).should(notMentionStringObjectMaps()).allowEmptyShould(true);
    }

    static ArchRule jdbcOnlyInRepositories() {
        return noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Repository")
                .and(DescribedPredicate.describe(
                        "are not in the documented allow-list", c -> !JDBC_ALLOWED.contains(c.getName())))
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "are JdbcClient, JdbcTemplate or NamedParameterJdbcTemplate",
                        c -> JDBC_TYPES.contains(c.getName())))
                .allowEmptyShould(true);
    }

    /**
     * The SQL-fragment helpers shared by repositories in different packages (so they cannot be
     * package-private): only repositories call them.
     */
    static ArchRule sqlHelpersOnlyInRepositories() {
        return noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Repository")
                .and()
                .doNotHaveFullyQualifiedName(PageQuery.class.getName())
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "the target is a SQL helper of PageQuery or SearchIndex",
                        call -> SQL_HELPERS.contains(call.getTarget().getOwner().getSimpleName() + "."
                                + call.getTarget().getName())))
                .allowEmptyShould(true);
    }

    static final Set<String> SQL_HELPERS = Set.of(
            "PageQuery.orderBySql",
            "PageQuery.boundarySql",
            "PageQuery.boundaryParams",
            "PageQuery.orderAndWindowSql",
            "SearchIndex.matching");

    @Test
    void shouldLetOnlyRepositoriesUseTheSqlFragmentHelpers() {
        sqlHelpersOnlyInRepositories().check(desk);
    }

    @Test
    void shouldKeepMapsOfStringToObjectOutOfControllersAndWireTypes() {
        noMapsOnTheWire().check(desk);
    }

    @Test
    void shouldLetOnlyRepositoriesTalkToTheDatabase() {
        jdbcOnlyInRepositories().check(desk);
    }

    @Nested
    class TheRulesCanFail {

        @Test
        void shouldRefuseAControllerReturningAMapInsideAResponseEntity() {
            JavaClasses fixture = new ClassFileImporter().importClasses(MapController.class);
            assertThatThrownBy(() -> noMapsOnTheWire().check(fixture))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("MapController.list()")
                    .hasMessageContaining("ResponseEntity<java.util.Map<java.lang.String, java.lang.Object>>")
                    .hasMessageContaining("MapController.update(java.util.Map)");
        }

        @Test
        void shouldRefuseAJsonBuilderReturningAListOfMaps() {
            JavaClasses fixture = new ClassFileImporter().importClasses(MapBuildingJson.class);
            assertThatThrownBy(() -> noMapsOnTheWire().check(fixture))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("MapBuildingJson.rows()");
        }

        @Test
        void shouldAcceptAControllerWithRecordsAndStringMaps() {
            noMapsOnTheWire().check(new ClassFileImporter().importClasses(TypedController.class));
        }

        @Test
        void shouldRefuseASqlHelperCalledOutsideARepository() {
            JavaClasses fixture = new ClassFileImporter().importClasses(SqlInAService.class, PageQuery.class);
            assertThatThrownBy(() -> sqlHelpersOnlyInRepositories().check(fixture))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("SqlInAService.orderOf(")
                    .hasMessageContaining("PageQuery.orderBySql()");
        }

        @Test
        void shouldRefuseJdbcOutsideARepository() {
            JavaClasses fixture = new ClassFileImporter().importClasses(SqlInAService.class);
            assertThatThrownBy(() -> jdbcOnlyInRepositories().check(fixture))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("SqlInAService");
        }
    }

    private static ArchCondition<JavaClass> notMentionStringObjectMaps() {
        return new ArchCondition<>("not take or return Map<String, Object>") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                List<JavaCodeUnit> units = new ArrayList<>(type.getMethods());
                units.addAll(type.getConstructors());
                for (JavaCodeUnit unit : units) {
                    if (unit.getModifiers().contains(JavaModifier.SYNTHETIC)
                            || unit.getModifiers().contains(JavaModifier.BRIDGE)) {
                        continue;
                    }
                    List<Type> types = new ArrayList<>();
                    if (unit instanceof JavaMethod method) {
                        types.add(method.reflect().getGenericReturnType());
                        types.addAll(List.of(method.reflect().getGenericParameterTypes()));
                    } else if (unit instanceof JavaConstructor constructor) {
                        types.addAll(List.of(constructor.reflect().getGenericParameterTypes()));
                    }
                    for (Type t : types) {
                        if (mentionsStringObjectMap(t)) {
                            events.add(SimpleConditionEvent.violated(
                                    unit,
                                    unit.getFullName() + " takes or returns " + t.getTypeName()
                                            + ": answer and bind records (open-ended values may be JsonNode)"));
                        }
                    }
                }
            }
        };
    }

    /** True for {@code Map<String, Object>} (or {@code Map<String, ?>}) anywhere inside {@code type}. */
    static boolean mentionsStringObjectMap(Type type) {
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            if (p.getRawType() instanceof Class<?> raw
                    && Map.class.isAssignableFrom(raw)
                    && args.length == 2
                    && args[0] == String.class
                    && (args[1] == Object.class || isUnbounded(args[1]))) {
                return true;
            }
            for (Type arg : args) {
                if (mentionsStringObjectMap(arg)) {
                    return true;
                }
            }
            return false;
        }
        if (type instanceof GenericArrayType array) {
            return mentionsStringObjectMap(array.getGenericComponentType());
        }
        if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                if (mentionsStringObjectMap(bound)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isUnbounded(Type type) {
        return type instanceof WildcardType w
                && w.getLowerBounds().length == 0
                && (w.getUpperBounds().length == 0 || w.getUpperBounds()[0] == Object.class);
    }
}
