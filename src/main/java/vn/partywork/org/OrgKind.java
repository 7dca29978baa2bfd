package vn.partywork.org;

import java.util.EnumSet;
import java.util.Set;

/** Levels of the party organisation tree (P-ORG-1, GLOSSARY). */
public enum OrgKind {
    CENTRAL("Trung ương"),
    PROVINCE("Đảng bộ tỉnh, thành phố và tương đương"),
    UPPER_GRASSROOTS("Cấp trên trực tiếp của cơ sở"),
    GRASSROOTS_COMMITTEE("Đảng bộ cơ sở"),
    GRASSROOTS_CELL("Chi bộ cơ sở"),
    PARTIAL_COMMITTEE("Đảng bộ bộ phận"),
    CELL("Chi bộ trực thuộc");

    private final String label;

    OrgKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** P-ORG-1: which kinds may stand directly under this one (variable depth, cells are leaves). */
    public Set<OrgKind> allowedChildren() {
        return switch (this) {
            case CENTRAL -> EnumSet.of(PROVINCE);
            case PROVINCE -> EnumSet.of(UPPER_GRASSROOTS, GRASSROOTS_COMMITTEE, GRASSROOTS_CELL);
            case UPPER_GRASSROOTS -> EnumSet.of(GRASSROOTS_COMMITTEE, GRASSROOTS_CELL);
            case GRASSROOTS_COMMITTEE -> EnumSet.of(PARTIAL_COMMITTEE, CELL);
            case PARTIAL_COMMITTEE -> EnumSet.of(CELL);
            case GRASSROOTS_CELL, CELL -> EnumSet.noneOf(OrgKind.class);
        };
    }

    public boolean isCell() {
        return this == CELL || this == GRASSROOTS_CELL;
    }
}
