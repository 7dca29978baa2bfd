package vn.partywork.identity;

/**
 * P-ID-4: whether an account's rights reach sensitive or classified data, which makes multi-factor
 * authentication mandatory for it. Identity owns this question and the module that knows the rights
 * (access) answers it, so that identity never depends on access.
 */
public interface SensitiveAccess {

    boolean reachesSensitiveData(long accountId);
}
