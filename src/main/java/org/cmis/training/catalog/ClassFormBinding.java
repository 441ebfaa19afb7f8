package org.cmis.training.catalog;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The staff page's class form bound to {@link ClassInput} (constructor binding): which fields it
 * shows, the readable fields of a form whose record could not be constructed, and the text of the
 * firms box.
 */
final class ClassFormBinding {

  /** The form's fields (all of ClassInput but the year, which follows the training start). */
  static final Set<String> FIELDS =
      Arrays.stream(ClassInput.class.getRecordComponents())
          .map(RecordComponent::getName)
          .filter(f -> !f.equals("year"))
          .collect(Collectors.toUnmodifiableSet());

  private static final ConversionService CONVERSIONS = DefaultConversionService.getSharedInstance();

  private ClassFormBinding() {}

  /**
   * The form's fields as bound, those that could not be read (e.g. hours "abc", already a field
   * error) left out: when a value cannot be read the record is not constructed, and the binding
   * keeps every submitted value.
   */
  static ClassInput readable(BindingResult binding) {
    RecordComponent[] components = ClassInput.class.getRecordComponents();
    Constructor<ClassInput> constructor;
    try {
      constructor =
          ClassInput.class.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("ClassInput has its canonical constructor", e);
    }
    Parameter[] parameters = constructor.getParameters();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      String field = components[i].getName();
      Object value = binding.hasFieldErrors(field) ? null : binding.getFieldValue(field);
      try {
        values[i] =
            value == null
                ? null
                : CONVERSIONS.convert(
                    value,
                    TypeDescriptor.forObject(value),
                    new TypeDescriptor(MethodParameter.forParameter(parameters[i])));
      } catch (ConversionException e) {
        values[i] = null;
      }
    }
    try {
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("ClassInput has its canonical constructor", e);
    }
  }

  /**
   * The firms' text box: the stored firms separated by commas, or what was sent (the binding keeps
   * it even when the form could not be constructed).
   */
  static String firmsText(Model model) {
    Object value =
        model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "form") instanceof BindingResult binding
            ? binding.getRawFieldValue("restrictedFirms")
            : model.getAttribute("form") instanceof ClassInput form ? form.restrictedFirms() : null;
    if (value instanceof Collection<?> items) {
      return items.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    if (value instanceof String[] items) {
      return String.join(", ", items);
    }
    return value == null ? "" : value.toString();
  }
}
