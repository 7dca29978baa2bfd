package vn.partywork.dataaccess;

import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Database;

/**
 * P-DG-1: who answers for a database (seed 002 Đ8, PL1).
 *
 * @param ownerOrgId the organisation whose staff and leaders decide data access requests; null is the
 *     root of the organisation tree (the central level)
 */
public record DataOwner(
        Database database,
        @Nullable Long ownerOrgId,
        String ownerName,
        String businessUnit,
        String dataSteward,
        String technicalContact) {}
