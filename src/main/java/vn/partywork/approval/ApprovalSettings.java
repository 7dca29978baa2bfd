package vn.partywork.approval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the approval module.
 *
 * @param dueSoonWorkingDays an open step is "due soon" this many working days before its due date
 *        (default 1) and on the due date itself
 */
@ConfigurationProperties("partywork.approval")
record ApprovalSettings(@DefaultValue("1") int dueSoonWorkingDays) {}
