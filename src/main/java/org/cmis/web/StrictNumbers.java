package org.cmis.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How path variables, query parameters and form fields become numbers, for every controller: plain
 * decimal digits with an optional minus sign (and a fraction for decimals), nothing else. Spring's
 * default also takes {@code 0x1}, {@code +1}, {@code #1} and {@code 1e200000}; the last costs
 * seconds of arithmetic later (ADR 0011). A refused value is a type mismatch: 400 for a path or
 * parameter, a field error on a form. Blank stays "no value" for the boxed types, as before.
 *
 * <p>Property editors, not converters: a binder falls back to Spring's lenient editors when a
 * converter refuses, but not when an editor of the binder's own refuses.
 */
@ControllerAdvice
class StrictNumbers {

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?");

  @InitBinder
  void strictNumbers(WebDataBinder binder) {
    register(binder, Long.class, long.class, INTEGER, Long::valueOf);
    register(binder, Integer.class, int.class, INTEGER, Integer::valueOf);
    register(binder, Short.class, short.class, INTEGER, Short::valueOf);
    register(binder, Byte.class, byte.class, INTEGER, Byte::valueOf);
    register(binder, Double.class, double.class, DECIMAL, Double::valueOf);
    register(binder, Float.class, float.class, DECIMAL, Float::valueOf);
    binder.registerCustomEditor(BigInteger.class, new Strict(INTEGER, BigInteger::new, true));
    binder.registerCustomEditor(BigDecimal.class, new Strict(DECIMAL, BigDecimal::new, true));
  }

  private static <T> void register(
      WebDataBinder binder,
      Class<T> boxed,
      Class<?> primitive,
      Pattern pattern,
      Function<String, T> parse) {
    binder.registerCustomEditor(boxed, new Strict(pattern, parse::apply, true));
    binder.registerCustomEditor(primitive, new Strict(pattern, parse::apply, false));
  }

  /** Parses plain decimal text only; anything else is an IllegalArgumentException. */
  private static final class Strict extends PropertyEditorSupport {

    private final Pattern pattern;
    private final Function<String, Object> parse;
    private final boolean allowEmpty;

    Strict(Pattern pattern, Function<String, Object> parse, boolean allowEmpty) {
      this.pattern = pattern;
      this.parse = parse;
      this.allowEmpty = allowEmpty;
    }

    @Override
    public void setAsText(@Nullable String source) {
      String text = source == null ? "" : source.strip();
      if (text.isEmpty()) {
        if (!allowEmpty) {
          throw new IllegalArgumentException("a number is required");
        }
        setValue(null);
        return;
      }
      if (!pattern.matcher(text).matches()) {
        throw new IllegalArgumentException("not a plain decimal number");
      }
      setValue(parse.apply(text));
    }

    @Override
    public String getAsText() {
      Object value = getValue();
      return value instanceof BigDecimal d
          ? d.toPlainString()
          : value == null ? "" : value.toString();
    }
  }
}
