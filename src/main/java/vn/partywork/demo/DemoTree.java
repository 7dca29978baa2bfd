package vn.partywork.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.partywork.org.EstablishOrganisation;
import vn.partywork.org.MergeOrganisations;
import vn.partywork.org.OrgKind;
import vn.partywork.org.OrgRestructuring;
import vn.partywork.org.OrgSeeding;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Decision;

/**
 * The demo organisation tree: Trung ương, Hà Nội, TP. Hồ Chí Minh and Nghệ An, built through the
 * same restructuring API users call (the root on 03/02/1930, everything else on 01/08/2008), with one piece of real history: two Hà Nội wards merged into
 * Đảng bộ phường Ba Đình on 01/07/2025 (the 2025 reorganisation of administrative units), so the
 * as-of-date view has something to show.
 */
@Component
class DemoTree {

    static final LocalDate FOUNDED = LocalDate.of(1930, 2, 3);
    static final LocalDate PROVINCES = LocalDate.of(2008, 8, 1);
    static final LocalDate REORGANISED = LocalDate.of(2025, 7, 1);

    private final OrgSeeding seeding;
    private final OrgRestructuring restructuring;

    DemoTree(OrgSeeding seeding, OrgRestructuring restructuring) {
        this.seeding = seeding;
        this.restructuring = restructuring;
    }

    /** Organisations by demo key, for the accounts and grants that refer to them. */
    Map<String, OrgSummary> build() {
        Map<String, OrgSummary> orgs = new HashMap<>();
        Decision central = new Decision("01-QĐ/TW", FOUNDED, "Ban Chấp hành Trung ương");
        OrgSummary root = seeding.establishRoot("TW", "Ban Chấp hành Trung ương", central, FOUNDED);
        orgs.put("TW", root);
        AccessScope system = seeding.seedingScope(root.path());

        // Hà Nội
        Decision hnDecision = new Decision("15-QĐ/TW", PROVINCES, "Ban Bí thư Trung ương Đảng");
        OrgSummary hn = add(system, orgs, "HN", root, "HN", "Đảng bộ Thành phố Hà Nội", OrgKind.PROVINCE, hnDecision);
        Decision hnLocal = new Decision("102-QĐ/TU", PROVINCES, "Ban Thường vụ Thành ủy Hà Nội");
        OrgSummary dienBien = add(
                system,
                orgs,
                "HN.DIENBIEN",
                hn,
                "P-DB",
                "Đảng bộ phường Điện Biên",
                OrgKind.GRASSROOTS_COMMITTEE,
                hnLocal);
        add(system, orgs, "HN.DIENBIEN.1", dienBien, "CB01", "Chi bộ Khu dân cư số 1", OrgKind.CELL, hnLocal);
        add(system, orgs, "HN.DIENBIEN.2", dienBien, "CB02", "Chi bộ Khu dân cư số 2", OrgKind.CELL, hnLocal);
        OrgSummary doiCan = add(
                system, orgs, "HN.DOICAN", hn, "P-DC", "Đảng bộ phường Đội Cấn", OrgKind.GRASSROOTS_COMMITTEE, hnLocal);
        add(system, orgs, "HN.DOICAN.1", doiCan, "CB03", "Chi bộ Khu dân cư số 3", OrgKind.CELL, hnLocal);
        add(system, orgs, "HN.DOICAN.2", doiCan, "CB04", "Chi bộ Khu dân cư số 4", OrgKind.CELL, hnLocal);
        OrgSummary hoanKiem = add(
                system,
                orgs,
                "HN.HOANKIEM",
                hn,
                "P-HK",
                "Đảng bộ phường Hoàn Kiếm",
                OrgKind.GRASSROOTS_COMMITTEE,
                hnLocal);
        add(system, orgs, "HN.HOANKIEM.1", hoanKiem, "CB01", "Chi bộ Tổ dân phố Hàng Bạc", OrgKind.CELL, hnLocal);
        add(system, orgs, "HN.HOANKIEM.2", hoanKiem, "CB02", "Chi bộ Tổ dân phố Hàng Đào", OrgKind.CELL, hnLocal);
        OrgSummary hnAgencies = add(
                system,
                orgs,
                "HN.COQUAN",
                hn,
                "DBCQ",
                "Đảng bộ các cơ quan Đảng Thành phố Hà Nội",
                OrgKind.UPPER_GRASSROOTS,
                hnLocal);
        OrgSummary hnOrgDept = add(
                system,
                orgs,
                "HN.BTC",
                hnAgencies,
                "BTC",
                "Đảng bộ Ban Tổ chức Thành ủy",
                OrgKind.GRASSROOTS_COMMITTEE,
                hnLocal);
        add(
                system,
                orgs,
                "HN.BTC.1",
                hnOrgDept,
                "CB-TCDV",
                "Chi bộ Phòng Tổ chức đảng, đảng viên",
                OrgKind.CELL,
                hnLocal);
        add(system, orgs, "HN.BTC.2", hnOrgDept, "CB-CB", "Chi bộ Phòng Cán bộ", OrgKind.CELL, hnLocal);
        add(
                system,
                orgs,
                "HN.VP",
                hnAgencies,
                "CB-VPTU",
                "Chi bộ Văn phòng Thành ủy",
                OrgKind.GRASSROOTS_CELL,
                hnLocal);
        OrgSummary socSon =
                add(system, orgs, "HN.SOCSON", hn, "X-SS", "Đảng bộ xã Sóc Sơn", OrgKind.GRASSROOTS_COMMITTEE, hnLocal);
        add(system, orgs, "HN.SOCSON.1", socSon, "CB01", "Chi bộ thôn Đông Xuân", OrgKind.CELL, hnLocal);
        add(system, orgs, "HN.SOCSON.2", socSon, "CB02", "Chi bộ thôn Xuân Dục", OrgKind.CELL, hnLocal);

        // TP. Hồ Chí Minh
        OrgSummary hcm =
                add(system, orgs, "HCM", root, "HCM", "Đảng bộ Thành phố Hồ Chí Minh", OrgKind.PROVINCE, hnDecision);
        Decision hcmLocal = new Decision("215-QĐ/TU", PROVINCES, "Ban Thường vụ Thành ủy Thành phố Hồ Chí Minh");
        OrgSummary benThanh = add(
                system,
                orgs,
                "HCM.BENTHANH",
                hcm,
                "P-BT",
                "Đảng bộ phường Bến Thành",
                OrgKind.GRASSROOTS_COMMITTEE,
                hcmLocal);
        add(system, orgs, "HCM.BENTHANH.1", benThanh, "CB01", "Chi bộ Khu phố 1", OrgKind.CELL, hcmLocal);
        add(system, orgs, "HCM.BENTHANH.2", benThanh, "CB02", "Chi bộ Khu phố 2", OrgKind.CELL, hcmLocal);
        OrgSummary saiGon = add(
                system,
                orgs,
                "HCM.SAIGON",
                hcm,
                "P-SG",
                "Đảng bộ phường Sài Gòn",
                OrgKind.GRASSROOTS_COMMITTEE,
                hcmLocal);
        add(system, orgs, "HCM.SAIGON.1", saiGon, "CB01", "Chi bộ Khu phố Nguyễn Huệ", OrgKind.CELL, hcmLocal);
        OrgSummary hcmAgencies = add(
                system,
                orgs,
                "HCM.COQUAN",
                hcm,
                "DBCQ",
                "Đảng bộ các cơ quan Đảng Thành phố Hồ Chí Minh",
                OrgKind.UPPER_GRASSROOTS,
                hcmLocal);
        add(
                system,
                orgs,
                "HCM.VP",
                hcmAgencies,
                "CB-VPTU",
                "Chi bộ Văn phòng Thành ủy",
                OrgKind.GRASSROOTS_CELL,
                hcmLocal);
        OrgSummary hcmUni = add(
                system,
                orgs,
                "HCM.DHQG",
                hcmAgencies,
                "DHQG",
                "Đảng bộ Trường Đại học Khoa học Xã hội và Nhân văn",
                OrgKind.GRASSROOTS_COMMITTEE,
                hcmLocal);
        OrgSummary hcmFaculties = add(
                system,
                orgs,
                "HCM.DHQG.KHOA",
                hcmUni,
                "DBBP-K",
                "Đảng bộ bộ phận các khoa",
                OrgKind.PARTIAL_COMMITTEE,
                hcmLocal);
        add(system, orgs, "HCM.DHQG.KHOA.1", hcmFaculties, "CB-LS", "Chi bộ Khoa Lịch sử", OrgKind.CELL, hcmLocal);
        add(system, orgs, "HCM.DHQG.KHOA.2", hcmFaculties, "CB-VH", "Chi bộ Khoa Văn học", OrgKind.CELL, hcmLocal);

        // Nghệ An
        OrgSummary na = add(system, orgs, "NA", root, "NA", "Đảng bộ tỉnh Nghệ An", OrgKind.PROVINCE, hnDecision);
        Decision naLocal = new Decision("88-QĐ/TU", PROVINCES, "Ban Thường vụ Tỉnh ủy Nghệ An");
        OrgSummary vinhPhu = add(
                system,
                orgs,
                "NA.VINHPHU",
                na,
                "P-VP",
                "Đảng bộ phường Vinh Phú",
                OrgKind.GRASSROOTS_COMMITTEE,
                naLocal);
        add(system, orgs, "NA.VINHPHU.1", vinhPhu, "CB01", "Chi bộ Khối 1", OrgKind.CELL, naLocal);
        add(system, orgs, "NA.VINHPHU.2", vinhPhu, "CB02", "Chi bộ Khối 2", OrgKind.CELL, naLocal);
        OrgSummary namDan =
                add(system, orgs, "NA.NAMDAN", na, "X-ND", "Đảng bộ xã Nam Đàn", OrgKind.GRASSROOTS_COMMITTEE, naLocal);
        add(system, orgs, "NA.NAMDAN.1", namDan, "CB01", "Chi bộ xóm Kim Liên", OrgKind.CELL, naLocal);
        add(system, orgs, "NA.NAMDAN.2", namDan, "CB02", "Chi bộ xóm Hoàng Trù", OrgKind.CELL, naLocal);
        add(
                system,
                orgs,
                "NA.THPT",
                na,
                "CB-THPT",
                "Chi bộ Trường THPT chuyên Phan Bội Châu",
                OrgKind.GRASSROOTS_CELL,
                naLocal);

        // 01/07/2025: Điện Biên and Đội Cấn merge into Đảng bộ phường Ba Đình.
        Decision merger = new Decision("1350-QĐ/TU", LocalDate.of(2025, 6, 26), "Ban Thường vụ Thành ủy Hà Nội");
        OrgSummary baDinh = restructuring.merge(
                system,
                new MergeOrganisations(
                        List.of(dienBien.id(), doiCan.id()),
                        hn.id(),
                        "P-BD",
                        "Đảng bộ phường Ba Đình",
                        OrgKind.GRASSROOTS_COMMITTEE,
                        merger,
                        REORGANISED,
                        "Sắp xếp đơn vị hành chính cấp xã năm 2025"));
        orgs.put("HN.BADINH", baDinh);
        return orgs;
    }

    private OrgSummary add(
            AccessScope system,
            Map<String, OrgSummary> orgs,
            String key,
            OrgSummary parent,
            String code,
            String name,
            OrgKind kind,
            Decision decision) {
        OrgSummary org = restructuring.establish(
                system, new EstablishOrganisation(parent.id(), code, name, kind, decision, PROVINCES, null));
        orgs.put(key, org);
        return org;
    }
}
