package vn.partywork.identity;

import org.jspecify.annotations.Nullable;

/**
 * Command to create an account.
 *
 * @param identifier the login name (mã định danh, P-ID-1): 3–64 of a–z, 0–9, dot, underscore, hyphen; immutable
 * @param homeOrgId required for every type except {@link AccountType#SYSTEM_ADMIN}
 * @param managerId a {@link AccountType#USER_MANAGER} managing this {@link AccountType#USER} account, if any
 * @param issuedTo the person who receives the account (recorded in the issuance history)
 * @param documentNumber the document of the issuance (số văn bản), if any
 */
public record NewAccount(
        String identifier,
        String displayName,
        AccountType type,
        @Nullable Long homeOrgId,
        @Nullable Long managerId,
        @Nullable String issuedTo,
        @Nullable String documentNumber) {}
