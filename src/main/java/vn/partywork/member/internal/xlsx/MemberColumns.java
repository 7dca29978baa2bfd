package vn.partywork.member.internal.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.partywork.member.MemberField;

/**
 * The columns of the member sheets, by their Vietnamese header: the cell, the status and every field
 * of the form in the form's order. The export adds the record's id and the cell's name in front;
 * the import recognises those and ignores them, so an exported file reads back.
 */
public record MemberColumns(
        String header, Kind kind, @Nullable MemberField field) {

    public enum Kind {
        /** Export only: the record's id in the system. */
        RECORD_ID,
        CELL_ID,
        /** Export only: the cell's name. */
        CELL_NAME,
        STATUS,
        FIELD
    }

    public static final String RECORD_ID_HEADER = "Mã hồ sơ";
    public static final String CELL_ID_HEADER = "Mã chi bộ";
    public static final String CELL_NAME_HEADER = "Chi bộ";
    public static final String STATUS_HEADER = "Trạng thái";

    /** The template's columns (what an import needs), in order. */
    public static List<MemberColumns> template() {
        List<MemberColumns> columns = new ArrayList<>();
        columns.add(new MemberColumns(CELL_ID_HEADER, Kind.CELL_ID, null));
        columns.add(new MemberColumns(STATUS_HEADER, Kind.STATUS, null));
        for (MemberField f : MemberField.values()) {
            columns.add(new MemberColumns(f.label(), Kind.FIELD, f));
        }
        return columns;
    }

    /** The export's columns: the record's id and the cell's name, then the template's. */
    public static List<MemberColumns> export() {
        List<MemberColumns> columns = new ArrayList<>();
        columns.add(new MemberColumns(RECORD_ID_HEADER, Kind.RECORD_ID, null));
        List<MemberColumns> template = template();
        columns.add(template.get(0));
        columns.add(new MemberColumns(CELL_NAME_HEADER, Kind.CELL_NAME, null));
        columns.addAll(template.subList(1, template.size()));
        return columns;
    }

    /** A column by its header as typed (case and surrounding blanks ignored). */
    public static Optional<MemberColumns> byHeader(String header) {
        String h = header.strip();
        return export().stream().filter(c -> c.header.equalsIgnoreCase(h)).findFirst();
    }

    public boolean required() {
        return kind == Kind.CELL_ID || field != null && field.required();
    }

    /** How the template explains the column. */
    public String hint() {
        if (kind == Kind.CELL_ID) {
            return "Bắt buộc. Số hiệu chi bộ trong hệ thống (xem trang tính \"Chi bộ\").";
        }
        if (kind == Kind.STATUS) {
            return "\"Dự bị\" hoặc \"Chính thức\"; để trống: Chính thức nếu có ngày chính thức, Dự bị nếu không.";
        }
        if (field == null) {
            return "";
        }
        String need = field.required() ? "Bắt buộc. " : "";
        return need
                + switch (field.kind()) {
                    case DATE -> "Ngày theo dạng ngày/tháng/năm (02/09/1978) hoặc ô kiểu ngày.";
                    case GENDER -> "\"Nam\" hoặc \"Nữ\".";
                    case CATALOGUE ->
                        "Mã hoặc tên trong danh mục \"" + field.catalogue() + "\" (xem trang tính \"Hướng dẫn\").";
                    case CITIZEN_ID -> "12 chữ số; nhập dạng văn bản để giữ số 0 ở đầu.";
                    case PARTY_CARD -> "Từ 6 đến 12 chữ số; nhập dạng văn bản.";
                    case PHONE -> "Chữ số, có thể có dấu +, dấu cách, dấu chấm; nhập dạng văn bản.";
                    case TEXT -> "Tối đa " + field.maxLength() + " ký tự.";
                };
    }
}
