package org.cmis.training.confirmation;

import java.util.Collection;
import java.util.Map;
import org.cmis.membership.FirmDirectory;
import org.springframework.stereotype.Component;

/**
 * The names of firms by certificate number, for lists and exports (read only), looked up in bulk by
 * membership's {@link FirmDirectory}.
 */
@Component
class FirmNames {

  private final FirmDirectory firms;

  FirmNames(FirmDirectory firms) {
    this.firms = firms;
  }

  /** The names of those of the given firm numbers that exist. */
  Map<String, String> of(Collection<String> firmNos) {
    return firms.names(firmNos);
  }
}
