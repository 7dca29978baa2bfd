package vn.partywork.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** An account with what its page shows: home organisation, position, manager and issuance history. */
public record AccountDetails(
        AccountView account,
        @Nullable String homeOrgName,
        @Nullable String position,
        @Nullable String managerIdentifier,
        List<IssuanceRecord> issuances) {}
