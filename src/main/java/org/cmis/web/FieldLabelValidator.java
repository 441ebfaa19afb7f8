package org.cmis.web;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * The validator whose messages name the field: a constraint's first argument is the field's label,
 * {@code field.<form>.<name>} or {@code field.<name>} from the bundles, so a page says "请输入账号"
 * rather than a default text (ADR 0037).
 */
class FieldLabelValidator extends LocalValidatorFactoryBean {

  @Override
  protected MessageSourceResolvable getResolvableField(String objectName, String field) {
    return new DefaultMessageSourceResolvable(
        new String[] {"field." + objectName + "." + field, "field." + field}, field);
  }
}
