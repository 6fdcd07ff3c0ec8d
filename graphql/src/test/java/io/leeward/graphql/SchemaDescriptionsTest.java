package io.leeward.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.DescribedNode;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The GraphQL schema")
class SchemaDescriptionsTest {

    static TypeDefinitionRegistry schema() throws IOException {
        try (var in = SchemaDescriptionsTest.class.getResourceAsStream("/graphql/schema.graphqls")) {
            assertThat(in).as("graphql/schema.graphqls on the classpath").isNotNull();
            return new SchemaParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    @Test
    @DisplayName("describes every type, field, argument and enum value")
    void everythingDescribed() throws IOException {
        var registry = schema();
        var missing = new ArrayList<String>();
        for (TypeDefinition<?> type : registry.types().values()) {
            check(missing, type.getName(), (DescribedNode<?>) type);
            switch (type) {
                case ObjectTypeDefinition object -> fields(missing, object.getName(), object.getFieldDefinitions());
                case InterfaceTypeDefinition iface -> fields(missing, iface.getName(), iface.getFieldDefinitions());
                case InputObjectTypeDefinition input ->
                    input.getInputValueDefinitions()
                            .forEach(v -> check(missing, input.getName() + "." + v.getName(), v));
                case EnumTypeDefinition enumType ->
                    enumType.getEnumValueDefinitions()
                            .forEach(v -> check(missing, enumType.getName() + "." + v.getName(), v));
                default -> {}
            }
        }
        for (ScalarTypeDefinition scalar : registry.scalars().values()) {
            if (scalar.getSourceLocation() != null) {
                check(missing, scalar.getName(), scalar);
            }
        }
        registry.schemaDefinition().ifPresent(schema -> {
            if (schema.getDescription() == null) {
                missing.add("schema");
            }
        });

        assertThat(missing).as("schema elements without a description").isEmpty();
        assertThat(registry.types()).containsKeys("Query", "Node", "Workload", "EcsService", "EcsTask", "Stats");
    }

    private static void fields(List<String> missing, String owner, List<FieldDefinition> fields) {
        for (FieldDefinition field : fields) {
            check(missing, owner + "." + field.getName(), field);
            for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                check(missing, owner + "." + field.getName() + "(" + argument.getName() + ")", argument);
            }
        }
    }

    private static void check(List<String> missing, String what, DescribedNode<?> node) {
        if (node.getDescription() == null || node.getDescription().getContent().isBlank()) {
            missing.add(what);
        }
    }
}
