package vn.partywork.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partywork.member.MemberStatistics;
import vn.partywork.member.MemberStats;
import vn.partywork.shared.AccessScope;

/** The member statistics over JSON (issue 5 item 9). */
@RestController
@Tag(name = "Đảng viên")
class MemberStatsApiController {

    private final MemberStatistics statistics;

    MemberStatsApiController(MemberStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/members/stats")
    @Operation(
            summary = "Thống kê đảng viên của một tổ chức đảng (và các tổ chức trực thuộc) tại một ngày;"
                    + " from/to: biến động trong kỳ (kết nạp, chính thức, chuyển đến, chuyển đi, ra khỏi danh sách)")
    MemberStats statistics(
            AccessScope scope,
            @RequestParam(required = false) @Nullable Long org,
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        return statistics.statistics(scope, new MemberStatistics.Criteria(org, asOf, from, to));
    }
}
