package vn.partywork.identity;

import org.jspecify.annotations.Nullable;
import vn.partywork.org.OrgSummary;

/**
 * An organisation an administrator may choose in a form (home organisation of an account, scope of
 * a grant), with its parent so that two organisations of the same name can be told apart.
 */
public record OrgChoice(OrgSummary org, @Nullable OrgSummary parent) {}
