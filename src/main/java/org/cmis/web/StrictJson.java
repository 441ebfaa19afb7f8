package org.cmis.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Every JSON mapper of the application reads strictly (API.md, Conventions; ADR 0011): numbers of
 * at most 100 characters and exponents of at most {@value #MAX_SCALE}, no coercion between numbers,
 * booleans and strings, no {@code null} inside arrays, no NUL character and no lone surrogate in
 * text. Boot's own mapper builder is replaced only to give it a stream factory with these limits;
 * Boot's customizers (and the {@code spring.jackson.*} properties) still apply.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  /** The longest number text read, in characters. */
  static final int MAX_NUMBER_LENGTH = 100;

  /** The largest scale (either sign) of a decimal: {@code 1e200000} costs seconds in arithmetic. */
  static final int MAX_SCALE = 100;

  static final List<LogicalType> SCALARS =
      List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Textual);

  @Bean
  @Scope("prototype")
  JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_LENGTH).build())
            .build();
    JsonMapper.Builder builder = JsonMapper.builder(factory);
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder;
  }

  @Bean
  JsonMapperBuilderCustomizer strictJsonCustomizer() {
    return StrictJson::strict;
  }

  /** The strict reading, also for mappers built outside Spring. */
  static void strict(JsonMapper.Builder builder) {
    builder
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(tools.jackson.databind.cfg.EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .changeDefaultNullHandling(n -> JsonSetter.Value.construct(Nulls.DEFAULT, Nulls.FAIL))
        .addModule(
            new SimpleModule("cmis-strict-json")
                .addDeserializer(String.class, new CheckedText())
                .addDeserializer(BigDecimal.class, new BoundedDecimal())
                .addDeserializer(BigInteger.class, new BoundedInteger()));
    for (LogicalType target : SCALARS) {
      builder.withCoercionConfig(
          target,
          c -> {
            for (CoercionInputShape shape :
                List.of(
                    CoercionInputShape.Integer,
                    CoercionInputShape.Float,
                    CoercionInputShape.Boolean,
                    CoercionInputShape.String,
                    CoercionInputShape.EmptyString)) {
              if (!natural(target, shape)) {
                c.setCoercion(shape, CoercionAction.Fail);
              }
            }
          });
    }
    for (LogicalType target :
        List.of(LogicalType.Enum, LogicalType.DateTime, LogicalType.OtherScalar)) {
      builder.withCoercionConfig(
          target,
          c ->
              c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                  .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                  .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
  }

  private static boolean natural(LogicalType target, CoercionInputShape shape) {
    return switch (target) {
      case Integer -> shape == CoercionInputShape.Integer;
      case Float -> shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer;
      case Boolean -> shape == CoercionInputShape.Boolean;
      case Textual -> shape == CoercionInputShape.String || shape == CoercionInputShape.EmptyString;
      default -> true;
    };
  }

  /**
   * A text with a NUL character or a lone surrogate (PostgreSQL refuses the one and stores the
   * other as {@code ?}): a validation failure of its field (422), not a malformed request.
   */
  static final class InvalidText extends MismatchedInputException {

    InvalidText(JsonParser p) {
      super(p, "text with a NUL character or a lone surrogate", String.class);
    }
  }

  /** Jackson's string reading, then the text check. */
  static final class CheckedText extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      String text = super.deserialize(p, ctxt);
      if (text != null && !TextCheck.acceptable(text)) {
        throw new InvalidText(p);
      }
      return text;
    }
  }

  /** Jackson's decimal reading, then a bound on the exponent. */
  static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {

    BoundedDecimal() {
      super(BigDecimal.class);
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Float;
    }

    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt)
        throws JacksonException {
      BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
      if (value != null && !TextCheck.boundedDecimal(value)) {
        throw MismatchedInputException.from(p, BigDecimal.class, "number out of range");
      }
      return value;
    }
  }

  /** Jackson's integer reading of a bounded decimal. */
  static final class BoundedInteger extends StdScalarDeserializer<BigInteger> {

    BoundedInteger() {
      super(BigInteger.class);
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Integer;
    }

    @Override
    public BigInteger deserialize(JsonParser p, DeserializationContext ctxt)
        throws JacksonException {
      if (!p.hasToken(tools.jackson.core.JsonToken.VALUE_NUMBER_INT)) {
        return (BigInteger) ctxt.handleUnexpectedToken(BigInteger.class, p);
      }
      return p.getBigIntegerValue();
    }
  }
}
