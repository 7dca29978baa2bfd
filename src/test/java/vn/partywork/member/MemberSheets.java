package vn.partywork.member;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import vn.partywork.web.ApiClient;
import vn.partywork.web.Multipart;

/**
 * Spreadsheets for the member import and export tests: files written as a person would fill the
 * template (FastExcel writer), files read back as text by sheet, and the binary API calls.
 */
public final class MemberSheets {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private MemberSheets() {}

    /** A workbook with one sheet "Đảng viên": the header row, then the rows (null = empty cell). */
    public static byte[] sheet(List<String> headers, List<List<String>> rows) {
        return sheet(headers, rows, ws -> {});
    }

    public static byte[] sheet(List<String> headers, List<List<String>> rows, Consumer<Worksheet> more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet ws = workbook.newWorksheet("Đảng viên");
            for (int c = 0; c < headers.size(); c++) {
                ws.value(0, c, headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    if (row.get(c) != null) {
                        ws.value(r + 1, c, row.get(c));
                    }
                }
            }
            more.accept(ws);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A row of the template's columns from header → value. */
    public static List<String> row(List<String> headers, Map<String, String> values) {
        List<String> row = new ArrayList<>();
        for (String h : headers) {
            row.add(values.get(h));
        }
        return row;
    }

    /** A valid member as the template's columns take it. */
    public static Map<String, String> member(long cellId, String name, String citizenId) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("Mã chi bộ", String.valueOf(cellId));
        v.put("Trạng thái", "Chính thức");
        v.put("Họ và tên khai sinh", name);
        v.put("Giới tính", "Nam");
        v.put("Ngày sinh", "05/05/1980");
        v.put("Dân tộc", "Kinh");
        v.put("Tôn giáo", "00");
        v.put("Số căn cước công dân", citizenId);
        v.put("Nơi ở hiện nay", "Số 5 phố Hàng Bạc, Hà Nội");
        v.put("Ngày vào Đảng", "05/05/2005");
        v.put("Ngày chính thức", "05/05/2006");
        return v;
    }

    /** Every sheet as rows of cell texts. */
    public static Map<String, List<List<String>>> read(byte[] xlsx) {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (org.dhatim.fastexcel.reader.Sheet sheet : workbook.getSheets().collect(Collectors.toList())) {
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet.read()) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : cell.getText());
                    }
                    rows.add(cells);
                }
                sheets.put(sheet.getName(), rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sheets;
    }

    /** A GET of the API whose body is a file. */
    public static HttpResponse<byte[]> download(int port, ApiClient api, String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .timeout(Duration.ofSeconds(120))
                            .header("Authorization", "Bearer " + api.token())
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /api/v1/members/import} with the file and the options. */
    public static ApiClient.Reply upload(ApiClient api, String fileName, String type, byte[] file, String mode) {
        return api.postMultipart(
                "/api/v1/members/import",
                new Multipart()
                        .field("mode", mode)
                        .field("source", "OPERATIONAL_SOFTWARE")
                        .file("file", fileName, type, file));
    }
}
