package vn.partywork.security;

/**
 * The callers of the access matrix (issue 6 item 10): the demo accounts for the account types and
 * roles, plus fixture accounts for the grant states a role alone does not show. Every business
 * principal's scope covers the in-scope sample records (Chi bộ Tổ dân phố Hàng Bạc, Hà Nội);
 * none covers the out-of-scope ones (TP. Hồ Chí Minh). Two exceptions: {@code AGGREGATE_VIEWER}
 * covers Hà Nội's members for statistics only (P-AZ-3), and {@code SHARE_GRANTEE} is staff of
 * TP. Hồ Chí Minh that reaches the in-scope sample file only through a READ share (P-AZ-2).
 */
enum Principal {
    ANONYMOUS(null, "không đăng nhập"),
    SYSTEM_ADMIN("admin", "SYSTEM_ADMIN"),
    ORG_ADMIN("hn.quantri", "ORG_ADMIN của Hà Nội"),
    CENTRAL_STAFF("tw.tochuc", "ORG_STAFF Trung ương (cả cây)"),
    ORG_STAFF("hn.tochuc", "ORG_STAFF tỉnh A (Hà Nội)"),
    COMMITTEE_LEADER("hn.lanhdao", "COMMITTEE_LEADER của Hà Nội"),
    CELL_SECRETARY("bithu.demo", "CELL_SECRETARY của Chi bộ Hàng Bạc"),
    VIEWER(null, "VIEWER của Hà Nội"),
    AUDITOR("kiemtoan", "AUDITOR"),
    MEMBER("dangvien.demo", "MEMBER (đảng viên Chi bộ Hàng Bạc)"),
    LOW_CEILING(null, "ORG_STAFF Hà Nội, trần độ mật Thường"),
    EXPIRED_GRANT(null, "ORG_STAFF Hà Nội, quyền đã hết hạn"),
    REVOKED_GRANT(null, "ORG_STAFF Hà Nội, quyền đã thu hồi"),
    NO_GRANT(null, "USER Hà Nội không có quyền nào"),
    AGGREGATE_VIEWER(null, "VIEWER chỉ số liệu tổng hợp (aggregate-only) đảng viên Hà Nội"),
    SHARE_GRANTEE(null, "ORG_STAFF TP. Hồ Chí Minh, được chia sẻ mức Đọc một tệp của đảng viên Hà Nội");

    /** The demo account, or null for a fixture account (created once per run) or nobody. */
    final String demoIdentifier;

    final String label;

    Principal(String demoIdentifier, String label) {
        this.demoIdentifier = demoIdentifier;
        this.label = label;
    }
}
