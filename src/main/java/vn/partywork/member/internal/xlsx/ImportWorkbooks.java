package vn.partywork.member.internal.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.partywork.catalogue.CatalogueEntry;
import vn.partywork.member.MemberField;
import vn.partywork.org.OrgSummary;

/**
 * The downloadable files of the import: the template (headers in Vietnamese, text format on the
 * number-like columns, instructions with every column's rule and the catalogue codes, the cells
 * the uploader may write) and the error report of a job (row, column, value, reason).
 */
public final class ImportWorkbooks {

    public static final String GUIDE_SHEET = "Hướng dẫn";
    public static final String CELLS_SHEET = "Chi bộ";
    public static final String ERRORS_SHEET = "Lỗi";

    private ImportWorkbooks() {}

    /**
     * @param catalogues catalogue code → (its title, its entries in force), in the order to show
     * @param cells the cells the uploader may write (at most what the caller could list)
     */
    public static void template(
            OutputStream out,
            Map<String, Map.Entry<String, List<CatalogueEntry>>> catalogues,
            List<OrgSummary> cells,
            boolean cellsCut)
            throws IOException {
        Workbook workbook = new Workbook(out, "partywork", "1.0");
        Worksheet data = workbook.newWorksheet(ExportWorkbook.DATA_SHEET);
        List<MemberColumns> columns = MemberColumns.template();
        for (int c = 0; c < columns.size(); c++) {
            MemberColumns column = columns.get(c);
            data.value(0, c, column.header());
            data.style(0, c)
                    .bold()
                    .wrapText(true)
                    .fillColor(column.required() ? "FCE4D6" : "DDEBF7")
                    .set();
            data.comment(0, c, column.hint());
            data.width(c, column.field() == MemberField.FULL_NAME ? 26 : 18);
            MemberField field = column.field();
            if (field != null && field.kind() == MemberField.Kind.DATE) {
                data.style(c).format("dd/mm/yyyy").set();
            } else if (field != null && field.kind() != MemberField.Kind.GENDER) {
                data.style(c).format("@").set(); // text: a CCCD keeps its leading zeros
            }
        }
        data.freezePane(1, 1);
        data.finish();

        Worksheet guide = workbook.newWorksheet(GUIDE_SHEET);
        guide.width(0, 34);
        guide.width(1, 90);
        int r = 0;
        guide.value(r, 0, "Hướng dẫn nhập hồ sơ đảng viên từ tệp Excel");
        guide.style(r, 0).bold().fontSize(13).set();
        r += 2;
        for (String line : List.of(
                "Mỗi dòng của trang tính \"Đảng viên\" là một đảng viên mà tổ chức đã có hồ sơ (số hóa hồ sơ giấy hoặc từ phần mềm nghiệp vụ).",
                "Giữ nguyên dòng tiêu đề; không gộp ô, không dùng công thức (dán giá trị), không thêm cột khác.",
                "Cột tô màu cam là bắt buộc. Ngày nhập theo dạng ngày/tháng/năm, ví dụ 02/09/1978.",
                "Số CCCD, số thẻ đảng viên, số điện thoại nhập dạng văn bản để giữ số 0 ở đầu.",
                "Mã chi bộ: số hiệu của chi bộ trong hệ thống, xem trang tính \"Chi bộ\".",
                "Khi tải lên, chọn nguồn dữ liệu và chọn \"tất cả hoặc không nhập\" hoặc \"chỉ nhập các dòng hợp lệ\";"
                        + " các dòng lỗi được liệt kê kèm lý do và tải về được.")) {
            guide.value(r++, 0, "•  " + line);
        }
        r++;
        guide.value(r, 0, "Cột");
        guide.value(r, 1, "Cách nhập");
        guide.style(r, 0).bold().set();
        guide.style(r, 1).bold().set();
        r++;
        for (MemberColumns column : columns) {
            guide.value(r, 0, column.header());
            guide.value(r, 1, column.hint());
            r++;
        }
        for (Map.Entry<String, Map.Entry<String, List<CatalogueEntry>>> catalogue : catalogues.entrySet()) {
            r++;
            guide.value(r, 0, "Danh mục " + catalogue.getValue().getKey() + " (" + catalogue.getKey() + ")");
            guide.style(r, 0).bold().set();
            r++;
            guide.value(r, 0, "Mã");
            guide.value(r, 1, "Tên");
            guide.style(r, 0).italic().set();
            guide.style(r, 1).italic().set();
            r++;
            for (CatalogueEntry entry : catalogue.getValue().getValue()) {
                guide.value(r, 0, entry.code());
                guide.style(r, 0).format("@").set();
                guide.value(r, 1, entry.name());
                r++;
            }
        }
        guide.finish();

        Worksheet cellSheet = workbook.newWorksheet(CELLS_SHEET);
        cellSheet.width(0, 14);
        cellSheet.width(1, 50);
        cellSheet.width(2, 16);
        cellSheet.value(0, 0, "Mã chi bộ");
        cellSheet.value(0, 1, "Tên chi bộ");
        cellSheet.value(0, 2, "Ký hiệu");
        for (int c = 0; c < 3; c++) {
            cellSheet.style(0, c).bold().set();
        }
        int row = 1;
        for (OrgSummary cell : cells) {
            cellSheet.value(row, 0, cell.id());
            cellSheet.value(row, 1, cell.name());
            cellSheet.value(row, 2, cell.code());
            row++;
        }
        if (cellsCut) {
            cellSheet.value(
                    row + 1,
                    0,
                    "Danh sách chỉ gồm các chi bộ đầu tiên trong phạm vi của bạn; mã của chi bộ khác xem trên trang Tổ chức đảng.");
        }
        cellSheet.finish();
        workbook.finish();
    }

    /** The error report of a job: one line per reason, sorted by row. */
    public static void errors(OutputStream out, ImportJob job, List<RowError> errors, boolean cut) throws IOException {
        Workbook workbook = new Workbook(out, "partywork", "1.0");
        Worksheet sheet = workbook.newWorksheet(ERRORS_SHEET);
        String[] headers = {"Dòng", "Cột", "Giá trị", "Lý do", "Mã lỗi"};
        double[] widths = {8, 30, 30, 90, 34};
        for (int c = 0; c < headers.length; c++) {
            sheet.value(0, c, headers[c]);
            sheet.style(0, c).bold().fillColor("FCE4D6").set();
            sheet.width(c, widths[c]);
        }
        int r = 1;
        for (RowError e : errors) {
            sheet.value(r, 0, e.row());
            if (e.column() != null) {
                sheet.inlineString(r, 1, e.column());
            }
            if (e.value() != null) {
                sheet.inlineString(r, 2, e.value());
            }
            sheet.inlineString(r, 3, e.message());
            sheet.inlineString(r, 4, e.code());
            r++;
        }
        sheet.freezePane(0, 1);
        sheet.finish();
        Worksheet info = workbook.newWorksheet(ExportWorkbook.INFO_SHEET);
        info.width(0, 28);
        info.width(1, 80);
        String[][] lines = {
            {"Tệp đã tải lên", job.fileName()},
            {"Lần nhập số", String.valueOf(job.id())},
            {"Kết quả", job.status().label() + (job.errorMessage() == null ? "" : ": " + job.errorMessage())},
            {"Số dòng đã đọc", String.valueOf(job.rowsRead())},
            {"Số dòng lỗi", String.valueOf(job.rowsInvalid())},
            {"Số đảng viên đã nhập", String.valueOf(job.rowsImported())},
            {"Ghi chú", cut ? "Báo cáo chỉ liệt kê các lỗi đầu tiên." : ""}
        };
        for (int i = 0; i < lines.length; i++) {
            info.value(i, 0, lines[i][0]);
            info.style(i, 0).bold().set();
            info.value(i, 1, lines[i][1]);
        }
        info.finish();
        workbook.properties().setTitle("Báo cáo lỗi nhập hồ sơ đảng viên").setSubject(job.fileName());
        workbook.finish();
    }
}
