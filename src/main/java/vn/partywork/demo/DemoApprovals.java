package vn.partywork.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.partywork.access.AccessScopes;
import vn.partywork.approval.ApprovalRequests;
import vn.partywork.member.DataSource;
import vn.partywork.member.MemberRegistry;
import vn.partywork.member.MemberStatus;
import vn.partywork.member.NewMember;
import vn.partywork.shared.AccessScope;

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

    /**
     * Issue 5 item 8: more requests waiting in TP. Hồ Chí Minh and Nghệ An, filed by the central
     * organisation staff ({@code tw.tochuc}): two admission forms of new probationary members
     * (MEMBER_ADMISSION) and two changes proposed on members' behalf (MEMBER_UPDATE).
     */
    void loadPending(long centralStaffAccountId, Map<String, Long> cells, List<Long> proposedFor) {
        LocalDate today = LocalDate.now(clock);
        AccessScope staff = scopes.forAccount(centralStaffAccountId, today);
        members.admit(
                staff,
                admission(
                        cells.get("HCM.DHQG.KHOA.1"),
                        "Lâm Thị Hồng Nhung|FEMALE|2003-08-14|079303114208|01|Sinh viên",
                        today.minusDays(12)));
        members.admit(
                staff,
                admission(
                        cells.get("NA.NAMDAN.1"),
                        "Lô Văn Thắng|MALE|1998-01-09|040098116730|03|Giáo viên",
                        today.minusDays(20)));
        for (long memberId : proposedFor) {
            Map<String, @Nullable String> change = new LinkedHashMap<>();
            change.put("foreignLanguages", "Tiếng Anh B2");
            change.put("phone", "0911 " + (100_000 + memberId % 900_000));
            members.proposeUpdate(staff, memberId, change);
        }
    }

    /** A new member's form from "name|gender|birth|CCCD|ethnicity|occupation". */
    private static NewMember admission(long cellId, String person, LocalDate admitted) {
        String[] p = person.split("\\|");
        Map<String, @Nullable String> v = new LinkedHashMap<>();
        v.put("fullName", p[0]);
        v.put("gender", p[1]);
        v.put("birthDate", p[2]);
        v.put("citizenId", p[3]);
        v.put("ethnicity", p[4]);
        v.put("religion", "00");
        v.put("occupation", p[5]);
        v.put("generalEducation", "12-12");
        v.put("admissionDate", admitted.toString());
        v.put("admissionPlace", "Chi bộ nơi sinh hoạt");
        return new NewMember(v, cellId, MemberStatus.PENDING_ADMISSION, DataSource.OPERATIONAL_SOFTWARE, null);
    }
}
