package vn.partywork.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.partywork.access.AccessScopes;
import vn.partywork.approval.ApprovalRequests;
import vn.partywork.member.MemberRegistry;

/**
 * One demo request in the approval chain (P-WF-1, M-3): the member Vũ Văn Nam ({@code dangvien.demo})
 * proposes a new phone number and address for his own record (MEMBER_UPDATE); it waits at the cell
 * step for {@code bithu.demo}, then goes to the grassroots committee ({@code danguy.hoankiem},
 * committee leader of Đảng bộ phường Hoàn Kiếm) and the upper level ({@code hn.tochuc}, organisation
 * staff of Hà Nội) under the rule of {@link ApprovalRequests}; when the last step approves, the new
 * values enter his record.
 */
@Component
class DemoApprovals {

    private final MemberRegistry members;
    private final AccessScopes scopes;
    private final Clock clock;

    DemoApprovals(MemberRegistry members, AccessScopes scopes, Clock clock) {
        this.members = members;
        this.scopes = scopes;
        this.clock = clock;
    }

    void load(long namRecordId, long memberAccountId) {
        Map<String, @Nullable String> changes = new LinkedHashMap<>();
        changes.put("phone", "0987 654 321");
        changes.put("currentAddress", "Số 8 phố Hàng Đào, phường Hoàn Kiếm, Hà Nội");
        members.proposeUpdate(scopes.forAccount(memberAccountId, LocalDate.now(clock)), namRecordId, changes);
    }
}
