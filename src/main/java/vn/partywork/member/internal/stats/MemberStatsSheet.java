package vn.partywork.member.internal.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;
import vn.partywork.member.MemberStats;

/**
 * The statistics as an .xlsx workbook (issue 5 item 7): a heading that names the organisation, the
 * day, the period, who exported it and when; then one table per breakdown with counts and shares,
 * and the movements of the period. Hidden (suppressed) counts are written as "&lt;n".
 */
@Component
public class MemberStatsSheet {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy", Locale.ROOT);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public byte[] write(MemberStats stats, String exportedBy, Instant exportedAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "partywork", "1.0");
            Worksheet ws = workbook.newWorksheet("Thống kê đảng viên");
            ws.width(0, 44);
            ws.width(1, 16);
            ws.width(2, 12);
            int r = 0;
            ws.value(r, 0, "THỐNG KÊ ĐẢNG VIÊN");
            ws.style(r, 0).bold().fontSize(14).set();
            r++;
            ws.value(r, 0, "Tổ chức đảng");
            ws.value(r++, 1, stats.orgName());
            ws.value(r, 0, "Số liệu tính đến ngày");
            ws.value(r++, 1, DAY.format(stats.asOf()));
            if (stats.period() != null) {
                ws.value(r, 0, "Biến động trong kỳ");
                ws.value(
                        r++,
                        1,
                        "từ " + DAY.format(stats.period().from()) + " đến "
                                + DAY.format(stats.period().to()));
            }
            ws.value(r, 0, "Người xuất");
            ws.value(r++, 1, exportedBy);
            ws.value(r, 0, "Thời điểm xuất");
            ws.value(r++, 1, MOMENT.format(exportedAt.atZone(VIETNAM)));
            if (stats.minCell() > 1) {
                ws.value(
                        r, 0, "Ô có dưới " + stats.minCell() + " đảng viên được ẩn (ghi \"<" + stats.minCell() + "\")");
                r++;
            }
            r++;
            ws.value(r, 0, "Tổng số đảng viên");
            ws.style(r, 0).bold().set();
            count(ws, r, 1, stats.total(), stats.minCell());
            ws.style(r, 1).bold().set();
            r += 2;
            for (MemberStats.Breakdown b : stats.breakdowns()) {
                r = table(ws, r, b.title(), "Số đảng viên", b.rows(), stats.total(), stats.minCell());
            }
            if (stats.period() != null) {
                table(
                        ws,
                        r,
                        "Biến động từ " + DAY.format(stats.period().from()) + " đến "
                                + DAY.format(stats.period().to()),
                        "Số lượt",
                        stats.period().movements(),
                        null,
                        stats.minCell());
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int table(
            Worksheet ws,
            int r,
            String title,
            String countHeading,
            java.util.List<MemberStats.Row> rows,
            @org.jspecify.annotations.Nullable Long total,
            int minCell) {
        ws.value(r, 0, title);
        ws.value(r, 1, countHeading);
        if (total != null) {
            ws.value(r, 2, "Tỷ lệ (%)");
        }
        ws.range(r, 0, r, 2).style().bold().fillColor("E9ECEF").set();
        r++;
        for (MemberStats.Row row : rows) {
            ws.value(r, 0, row.label());
            count(ws, r, 1, row.count(), minCell);
            if (total != null && total > 0 && row.count() != null) {
                ws.value(r, 2, Math.round(row.count() * 1000.0 / total) / 10.0);
            }
            r++;
        }
        return r + 1;
    }

    private static void count(Worksheet ws, int r, int c, @org.jspecify.annotations.Nullable Long n, int minCell) {
        if (n == null) {
            ws.value(r, c, "<" + minCell);
        } else {
            ws.value(r, c, n);
        }
    }
}
