package org.cmis.membership;

/**
 * Who or what made a change, as the member's history shows it (F2.3): the member itself, a firm,
 * staff, an import by staff, or one event of the supervision sync.
 */
public record ChangedBy(String label) {

  public static ChangedBy member(String memberNo) {
    return new ChangedBy("本人（" + memberNo + "）");
  }

  public static ChangedBy firm(String firmNo) {
    return new ChangedBy("事务所（" + firmNo + "）");
  }

  public static ChangedBy staff(String account) {
    return new ChangedBy("协会工作人员（" + account + "）");
  }

  public static ChangedBy importBy(String account) {
    return new ChangedBy("导入（" + account + "）");
  }

  public static ChangedBy syncEvent(String eventId) {
    return new ChangedBy("监管平台同步（事件 " + eventId + "）");
  }
}
