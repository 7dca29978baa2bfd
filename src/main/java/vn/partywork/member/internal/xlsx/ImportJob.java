package vn.partywork.member.internal.xlsx;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An upload and where it stands: counts while it runs, the outcome when it ends. */
public record ImportJob(
        long id,
        long accountId,
        String fileName,
        long fileSize,
        ImportMode mode,
        String source,
        Status status,
        int rowsRead,
        int rowsInvalid,
        int rowsImported,
        @Nullable String errorCode,
        @Nullable String errorMessage,
        Instant createdAt,
        @Nullable Instant finishedAt) {

    public enum Status {
        QUEUED("Đang chờ"),
        VALIDATING("Đang kiểm tra"),
        WRITING("Đang ghi dữ liệu"),
        DONE("Đã nhập xong"),
        REFUSED("Không nhập"),
        FAILED("Lỗi khi nhập");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean finished() {
            return this == DONE || this == REFUSED || this == FAILED;
        }
    }

    public boolean finished() {
        return status.finished();
    }
}
