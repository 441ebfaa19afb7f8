package org.cmis.identity.reset;

import java.util.Map;
import org.cmis.shared.upload.Upload;
import org.jspecify.annotations.Nullable;

/**
 * What an applicant sent, unchecked: the fields of the 密码重置申请表 as typed and the chosen files by
 * kind (a kind without a file is missing).
 */
record ResetApplicationInput(
    @Nullable String applicant,
    @Nullable String account,
    @Nullable String userType,
    @Nullable String mobile,
    @Nullable String applicationDate,
    @Nullable String reason,
    @Nullable String remark,
    Map<ResetFileKind, Upload> files) {}
