package vn.partywork.member.internal.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.partywork.member.MemberField;
import vn.partywork.member.MemberRecord;

/**
 * The .xlsx of an export (issue 5 item 5), written as the records come: sheet "Đảng viên" with a
 * header row and one row per record (dates as dates, CCCD and card numbers as text, catalogue
 * entries by name), flushed every {@link #FLUSH_EVERY} rows so memory stays flat; then sheet
 * "Thông tin" saying who exported what and when, also in the document properties.
 */
public final class ExportWorkbook {

    public static final String DATA_SHEET = "Đảng viên";
    public static final String INFO_SHEET = "Thông tin";
    private static final int FLUSH_EVERY = 1000;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.ROOT).withZone(VIETNAM);

    private final Workbook workbook;
    private final Worksheet data;
    private final List<MemberColumns> columns = MemberColumns.export();
    private int row = 1;

    public ExportWorkbook(OutputStream out) {
        workbook = new Workbook(out, "partywork", "1.0");
        data = workbook.newWorksheet(DATA_SHEET);
        for (int c = 0; c < columns.size(); c++) {
            data.value(0, c, columns.get(c).header());
            data.style(0, c).bold().fillColor("DDEBF7").wrapText(true).set();
            data.width(c, width(columns.get(c)));
        }
        data.freezePane(3, 1);
    }

    private static double width(MemberColumns column) {
        if (column.field() == null) {
            return column.kind() == MemberColumns.Kind.CELL_NAME ? 30 : 12;
        }
        return switch (column.field().kind()) {
            case DATE, GENDER, CATALOGUE -> 14;
            case CITIZEN_ID, PARTY_CARD, PHONE -> 16;
            case TEXT -> column.field() == MemberField.FULL_NAME ? 26 : 22;
        };
    }

    public void add(MemberRecord record) {
        for (int c = 0; c < columns.size(); c++) {
            MemberColumns column = columns.get(c);
            switch (column.kind()) {
                case RECORD_ID -> data.value(row, c, record.id());
                case CELL_ID -> data.value(row, c, record.cellId());
                case CELL_NAME -> data.inlineString(row, c, record.cellName());
                case STATUS -> data.inlineString(row, c, record.status().label());
                case FIELD -> field(c, record, column.field());
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            try {
                data.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void field(int c, MemberRecord record, MemberField field) {
        String value = record.value(field);
        if (value == null) {
            return;
        }
        switch (field.kind()) {
            case DATE -> {
                data.value(row, c, LocalDate.parse(value));
                data.style(row, c).format("dd/mm/yyyy").set();
            }
            case CATALOGUE -> data.inlineString(row, c, record.catalogueNames().getOrDefault(field, value));
            default -> data.inlineString(row, c, field.display(value));
        }
    }

    /**
     * Ends the data sheet and writes "Thông tin" and the document properties: who exported, when,
     * with which criteria, how many records, whether the cap cut the list.
     */
    public void finish(String exporter, Instant when, Map<String, String> criteria, long rows, boolean truncated) {
        try {
            data.finish();
            Worksheet info = workbook.newWorksheet(INFO_SHEET);
            info.width(0, 28);
            info.width(1, 80);
            int r = 0;
            info.value(r, 0, "Danh sách đảng viên xuất từ Hệ thống thông tin công tác Đảng");
            info.style(r, 0).bold().fontSize(13).set();
            r += 2;
            r = line(info, r, "Người xuất", exporter);
            r = line(info, r, "Thời điểm xuất", MOMENT.format(when) + " (giờ Việt Nam)");
            r = line(info, r, "Số đảng viên trong tệp", String.valueOf(rows));
            if (truncated) {
                r = line(
                        info,
                        r,
                        "Lưu ý",
                        "Kết quả nhiều hơn " + rows + " đảng viên: tệp chỉ gồm " + rows
                                + " đảng viên đầu tiên; hãy thu hẹp điều kiện tìm kiếm.");
            }
            r = line(info, r, "Điều kiện tìm kiếm", criteria.isEmpty() ? "(không có: toàn bộ phạm vi được xem)" : "");
            for (Map.Entry<String, String> e : criteria.entrySet()) {
                r = line(info, r, "  " + e.getKey(), e.getValue());
            }
            r++;
            info.value(
                    r,
                    0,
                    "Tệp chứa dữ liệu cá nhân của đảng viên: chỉ sử dụng đúng mục đích, không chia sẻ ra ngoài;"
                            + " việc xuất tệp đã được ghi vào nhật ký hệ thống.");
            info.finish();
            workbook.properties()
                    .setTitle("Danh sách đảng viên")
                    .setSubject("Kết quả tìm kiếm đảng viên")
                    .setCompany("Hệ thống thông tin công tác Đảng")
                    .setDescription("Xuất bởi " + exporter + " lúc " + MOMENT.format(when))
                    .setTextProperty("Người xuất", exporter)
                    .setDateProperty("Thời điểm xuất", when)
                    .setNumberProperty("Số đảng viên", java.math.BigDecimal.valueOf(rows));
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int line(Worksheet sheet, int r, String label, String value) {
        sheet.value(r, 0, label);
        sheet.style(r, 0).bold().set();
        sheet.value(r, 1, value);
        return r + 1;
    }
}
