package vn.partywork.identity;

/**
 * The one-time default password of a new, handed-over or reset account (P-ID-3). It is shown once
 * to the administrator and never stored in clear text; the holder must change it at first login.
 */
public record IssuedPassword(AccountView account, String defaultPassword) {

    @Override
    public String toString() {
        return "IssuedPassword[account=" + account.identifier() + "]";
    }
}
