package vn.partywork.access;

import java.util.EnumSet;
import java.util.Set;
import vn.partywork.shared.Permission;

/** Roles a grant gives inside its subtree (P-AZ-1); the databases and ceiling come from the grant. */
public enum Role {
    /** Cán bộ ban tổ chức: keeps organisation and member data of the subtree. */
    ORG_STAFF("Cán bộ ban tổ chức", EnumSet.of(Permission.READ, Permission.WRITE)),
    /** Lãnh đạo cấp ủy: reads and approves. */
    COMMITTEE_LEADER("Lãnh đạo cấp ủy", EnumSet.of(Permission.READ, Permission.APPROVE)),
    /** Bí thư chi bộ: reads and writes the data of one cell. */
    CELL_SECRETARY("Bí thư chi bộ", EnumSet.of(Permission.READ, Permission.WRITE)),
    VIEWER("Người xem", EnumSet.of(Permission.READ)),
    /** Kiểm tra nhật ký: reads the audit log of the subtree, sees no business data. */
    AUDITOR("Người kiểm tra nhật ký", EnumSet.of(Permission.AUDIT));

    private final String label;
    private final Set<Permission> permissions;

    Role(String label, Set<Permission> permissions) {
        this.label = label;
        this.permissions = permissions;
    }

    public String label() {
        return label;
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }

    /** A cell secretary's subtree is a cell (chi bộ or chi bộ cơ sở), nothing larger. */
    public boolean requiresCell() {
        return this == CELL_SECRETARY;
    }
}
