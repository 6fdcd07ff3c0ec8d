package io.leeward.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** The {@code DateTime} scalar: graph temporals out as ISO-8601 text, ISO-8601 text in as {@link OffsetDateTime}. */
final class DateTimeScalar {
    private DateTimeScalar() {}

    static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An ISO-8601 date and time with offset, for example 2026-11-30T08:00:00Z.")
            .coercing(new DateTimeCoercing())
            .build();

    private static final class DateTimeCoercing implements Coercing<OffsetDateTime, String> {
        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof TemporalAccessor time) {
                return PropertyText.iso(time);
            }
            if (value instanceof String text) {
                return text;
            }
            throw new CoercingSerializeException(
                    "expected a date-time, got a " + value.getClass().getSimpleName());
        }

        @Override
        public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                try {
                    return OffsetDateTime.parse(text);
                } catch (DateTimeParseException e) {
                    throw new CoercingParseValueException("expected an ISO-8601 date-time with offset, got " + text);
                }
            }
            throw new CoercingParseValueException("expected an ISO-8601 date-time string");
        }

        @Override
        public OffsetDateTime parseLiteral(
                Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                try {
                    return OffsetDateTime.parse(text.getValue());
                } catch (DateTimeParseException e) {
                    throw new CoercingParseLiteralException(
                            "expected an ISO-8601 date-time with offset, got " + text.getValue());
                }
            }
            throw new CoercingParseLiteralException("expected an ISO-8601 date-time string");
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(serialize(input, context, locale));
        }
    }
}
