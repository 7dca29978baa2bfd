package vn.partywork.dataaccess;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.partywork.shared.Classification;

/**
 * What the data owner approves (PL2 part 4): each value may only narrow the request; a null keeps
 * what was asked.
 */
public record ApprovedScope(
        @Nullable Long orgId,
        @Nullable Classification ceiling,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable String opinion) {}
