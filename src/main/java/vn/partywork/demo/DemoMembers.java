package vn.partywork.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.partywork.member.DataSource;
import vn.partywork.member.MemberSeeding;
import vn.partywork.member.MemberStatus;
import vn.partywork.member.NewMember;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;

/**
 * About two thousand plausible members spread over the demo cells (issue 5 item 8), generated
 * from a fixed seed so every demo database is the same: Vietnamese names with diacritics; ages
 * from 18 to past 90 in the proportions of a real party organisation; mostly Kinh, with the
 * minorities and religions of each province (Mường, Tày, Thái in Hà Nội and Nghệ An, Hoa and
 * Khmer in TP. Hồ Chí Minh; Catholics in Nghệ An); education, degrees and political theory by
 * age; mostly official, some still in their probation year; CCCDs that fit the province, gender
 * and birth year; unique party card numbers; 30- to 60-year badges. Written in batches through
 * {@link MemberSeeding}. Plus the named members the README and the tests refer to: Vũ Văn Nam
 * ({@code dangvien.demo}, Chi bộ Tổ dân phố Hàng Bạc) and Nguyễn Văn An (Hàng Đào) in Hà Nội,
 * Trần Thị Bích Ngọc in TP. Hồ Chí Minh.
 */
@Component
class DemoMembers {

    /** Members per demo cell: from {@value #MIN_PER_CELL} to {@value #MAX_PER_CELL}. */
    static final int MIN_PER_CELL = 70;

    static final int MAX_PER_CELL = 110;

    /** Demo cells with the CCCD province code of their city and a street for addresses. */
    private record Cell(String key, String province, String place) {}

    private static final List<Cell> CELLS = List.of(
            new Cell("HN.DIENBIEN.1", "001", "phường Ba Đình, Hà Nội"),
            new Cell("HN.DIENBIEN.2", "001", "phường Ba Đình, Hà Nội"),
            new Cell("HN.DOICAN.1", "001", "phường Ba Đình, Hà Nội"),
            new Cell("HN.DOICAN.2", "001", "phường Ba Đình, Hà Nội"),
            new Cell("HN.HOANKIEM.1", "001", "phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội"),
            new Cell("HN.HOANKIEM.2", "001", "phố Hàng Đào, phường Hoàn Kiếm, Hà Nội"),
            new Cell("HN.BTC.1", "001", "phường Cầu Giấy, Hà Nội"),
            new Cell("HN.BTC.2", "001", "phường Đống Đa, Hà Nội"),
            new Cell("HN.VP", "001", "phường Tây Hồ, Hà Nội"),
            new Cell("HN.SOCSON.1", "001", "thôn Đông Xuân, xã Sóc Sơn, Hà Nội"),
            new Cell("HN.SOCSON.2", "001", "thôn Xuân Dục, xã Sóc Sơn, Hà Nội"),
            new Cell("HCM.BENTHANH.1", "079", "khu phố 1, phường Bến Thành, TP. Hồ Chí Minh"),
            new Cell("HCM.BENTHANH.2", "079", "khu phố 2, phường Bến Thành, TP. Hồ Chí Minh"),
            new Cell("HCM.SAIGON.1", "079", "đường Nguyễn Huệ, phường Sài Gòn, TP. Hồ Chí Minh"),
            new Cell("HCM.VP", "079", "phường Sài Gòn, TP. Hồ Chí Minh"),
            new Cell("HCM.DHQG.KHOA.1", "079", "phường Thủ Đức, TP. Hồ Chí Minh"),
            new Cell("HCM.DHQG.KHOA.2", "079", "phường Thủ Đức, TP. Hồ Chí Minh"),
            new Cell("NA.VINHPHU.1", "040", "khối 1, phường Vinh Phú, Nghệ An"),
            new Cell("NA.VINHPHU.2", "040", "khối 2, phường Vinh Phú, Nghệ An"),
            new Cell("NA.NAMDAN.1", "040", "xóm Kim Liên, xã Nam Đàn, Nghệ An"),
            new Cell("NA.NAMDAN.2", "040", "xóm Hoàng Trù, xã Nam Đàn, Nghệ An"),
            new Cell("NA.THPT", "040", "phường Trường Vinh, Nghệ An"));

    /** Minorities by CCCD province (catalogue codes: 02 Tày, 03 Thái, 04 Hoa, 05 Khmer, 06 Mường, 08 H'Mông, 17 Chăm). */
    private static final Map<String, String[]> MINORITIES = Map.of(
            "001", new String[] {"06", "06", "02", "03"},
            "079", new String[] {"04", "04", "04", "05", "17"},
            "040", new String[] {"03", "03", "03", "06", "08"});
    /** Share of minorities in the members of each province, in per cent. */
    private static final Map<String, Integer> MINORITY_SHARE = Map.of("001", 3, "079", 6, "040", 10);
    /** Religions by province (01 Phật giáo, 02 Công giáo, 04 Cao Đài, 05 Phật giáo Hòa Hảo). */
    private static final Map<String, String[]> RELIGIONS = Map.of(
            "001", new String[] {"01", "01", "02"},
            "079", new String[] {"01", "01", "02", "02", "04", "05"},
            "040", new String[] {"02", "02", "02", "01"});

    /**
     * The named members, one per line: cell | name | gender | birth | CCCD | admission | card | phone |
     * address. The first is the record of the {@code dangvien.demo} account.
     */
    private static final List<String> NAMED = """
            HN.HOANKIEM.1|Vũ Văn Nam|MALE|1985-04-12|001085004417|2010-05-19|01004417|0912 345 678|Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội
            HN.HOANKIEM.2|Nguyễn Văn An|MALE|1978-09-02|001078001945|2004-03-26|01001945|0903 111 222|Số 30 phố Hàng Đào, phường Hoàn Kiếm, Hà Nội
            HCM.BENTHANH.1|Trần Thị Bích Ngọc|FEMALE|1990-11-20|079190002030|2015-02-03|79002030|0903 111 222|Số 5 đường Lê Lợi, phường Bến Thành, TP. Hồ Chí Minh
            """.lines().toList();

    private static final Set<String> NAMED_NAMES = Set.of("Vũ Văn Nam", "Nguyễn Văn An", "Trần Thị Bích Ngọc");

    private final MemberSeeding seeding;

    DemoMembers(MemberSeeding seeding) {
        this.seeding = seeding;
    }

    /** Loads the members; returns the record id of Vũ Văn Nam (linked to {@code dangvien.demo}) and the count. */
    Loaded load(AccessScope system, Map<String, OrgSummary> orgs, long namAccountId, LocalDate today) {
        List<NewMember> all = new ArrayList<>();
        for (String line : NAMED) {
            String[] n = line.split("\\|");
            all.add(named(orgs.get(n[0]), n, all.isEmpty() ? namAccountId : null));
        }
        Random random = new Random(2026);
        int serial = 0;
        Map<String, Integer> first = new HashMap<>();
        for (Cell cell : CELLS) {
            long cellId = orgs.get(cell.key()).id();
            first.put(cell.key(), all.size());
            int count = MIN_PER_CELL + random.nextInt(MAX_PER_CELL - MIN_PER_CELL + 1);
            for (int i = 0; i < count; i++) {
                serial++;
                all.add(generated(random, cell, cellId, orgs.get(cell.key()).name(), serial, i, today));
            }
        }
        List<Long> ids = seeding.registerAll(system, all);
        // The first generated members of a Hồ Chí Minh and a Nghệ An cell get a change proposed on their behalf.
        List<Long> proposedFor = List.of(ids.get(first.get("HCM.SAIGON.1")), ids.get(first.get("NA.VINHPHU.1")));
        return new Loaded(ids.get(0), ids.size(), proposedFor);
    }

    record Loaded(long namRecordId, int members, List<Long> proposedFor) {}

    private static NewMember named(OrgSummary cell, String[] n, @Nullable Long accountId) {
        long cellId = cell.id();
        LocalDate admission = LocalDate.parse(n[5]);
        LocalDate official = admission.plusYears(1);
        String address = n[8];
        String city = address.substring(address.lastIndexOf(',') + 2);
        Map<String, @Nullable String> v = new LinkedHashMap<>();
        v.put("fullName", n[1]);
        v.put("gender", n[2]);
        v.put("birthDate", n[3]);
        v.put("birthPlace", city);
        v.put("hometown", city);
        v.put("permanentAddress", address);
        v.put("currentAddress", address);
        v.put("ethnicity", "01");
        v.put("religion", "00");
        v.put("citizenId", n[4]);
        v.put("phone", n[7]);
        v.put("occupation", "Công chức");
        v.put("generalEducation", "12-12");
        v.put("professionalDegree", "DH");
        v.put("professionalField", "Luật");
        v.put("politicalTheory", "TC");
        v.put("foreignLanguages", "Tiếng Anh B1");
        v.put("admissionDate", admission.toString());
        v.put("admissionPlace", cell.name()); // admitted in the cell they belong to
        v.put("officialDate", official.toString());
        v.put("partyCardNumber", n[6]);
        v.put("partyCardIssuedOn", official.plusMonths(6).toString());
        v.put("partyPosition", "DV");
        return new NewMember(v, cellId, MemberStatus.OFFICIAL, DataSource.DIGITISED_PAPER, accountId);
    }

    private static NewMember generated(
            Random random, Cell cell, long cellId, String cellName, int serial, int index, LocalDate today) {
        boolean female = random.nextInt(100) < 38;
        int age = DemoPeople.age(random);
        LocalDate birth = today.minusYears(age).minusDays(1 + random.nextInt(360));
        LocalDate admission;
        if (random.nextInt(100) < 6 || age < 20) {
            // In the probation year: admitted during the last eleven months.
            admission = today.minusDays(20 + random.nextInt(320));
        } else {
            int admissionAge = 18 + random.nextInt(Math.max(1, Math.min(22, age - 19)));
            admission = birth.plusYears(admissionAge).plusDays(random.nextInt(300));
            if (admission.isAfter(today.minusYears(1).minusDays(60))) {
                admission = today.minusYears(1).minusDays(60 + random.nextInt(300));
            }
        }
        if (admission.isBefore(birth.plusYears(18))) {
            admission = birth.plusYears(18).plusDays(random.nextInt(30));
        }
        LocalDate official = admission.plusYears(1).plusDays(random.nextInt(45));
        boolean isOfficial = official.isBefore(today);
        String name = DemoPeople.name(random, female);
        while (NAMED_NAMES.contains(name)) {
            name = DemoPeople.name(random, female);
        }
        int century = birth.getYear() / 100 - 19;
        String citizenId = cell.province()
                + (century * 2 + (female ? 1 : 0))
                + String.format("%02d", birth.getYear() % 100)
                + String.format("%06d", 100_000 + serial * 37);
        String place = cell.place().substring(cell.place().lastIndexOf(',') + 2);
        Map<String, @Nullable String> v = new HashMap<>();
        v.put("fullName", name);
        v.put("gender", female ? "FEMALE" : "MALE");
        v.put("birthDate", birth.toString());
        v.put("birthPlace", place);
        v.put("hometown", random.nextInt(4) == 0 ? "Nam Định" : place);
        String address = "Số " + (1 + random.nextInt(120)) + ", " + cell.place();
        v.put("permanentAddress", address);
        v.put("currentAddress", address);
        v.put(
                "ethnicity",
                random.nextInt(100) < MINORITY_SHARE.get(cell.province())
                        ? DemoPeople.pick(random, MINORITIES.get(cell.province()))
                        : "01");
        v.put("religion", random.nextInt(100) < 8 ? DemoPeople.pick(random, RELIGIONS.get(cell.province())) : "00");
        v.put("citizenId", citizenId);
        v.put(
                "phone",
                "09" + (10 + random.nextInt(89)) + " " + (100 + random.nextInt(899)) + " " + (100 + serial % 900));
        v.put("occupation", DemoPeople.occupation(random, birth.getYear()));
        v.put(
                "generalEducation",
                birth.getYear() < 1965 && random.nextInt(3) > 0
                        ? (random.nextInt(4) == 0 ? "7-10" : "10-10")
                        : "12-12");
        int degree = random.nextInt(100);
        v.put(
                "professionalDegree",
                degree < 15
                        ? null
                        : degree < 25 ? "TC" : degree < 33 ? "CD" : degree < 83 ? "DH" : degree < 97 ? "THS" : "TS");
        int theory = random.nextInt(100);
        v.put(
                "politicalTheory",
                !isOfficial && theory < 60 || theory < 8
                        ? null
                        : theory < 55 ? "SC" : theory < 85 ? "TC" : theory < 97 ? "CC" : "CN");
        v.put("admissionDate", admission.toString());
        v.put("admissionPlace", cellName);
        if (isOfficial) {
            v.put("officialDate", official.toString());
            LocalDate issued = official.plusMonths(3 + random.nextInt(9));
            if (!issued.isAfter(today)) {
                v.put("partyCardNumber", cell.province().substring(1) + String.format("%06d", 200_000 + serial));
                v.put("partyCardIssuedOn", issued.toString());
            }
        }
        v.put("partyPosition", index == 0 ? "BT" : index == 1 ? "PBT" : "DV");
        int years = today.getYear() - admission.getYear();
        if (years >= 30) {
            // Badges are awarded for 30, 40, 45, 50, … years.
            v.put("partyBadge", "Huy hiệu " + (years < 40 ? 30 : Math.min(90, years / 5 * 5)) + " năm tuổi Đảng");
        }
        return new NewMember(
                v,
                cellId,
                isOfficial ? MemberStatus.OFFICIAL : MemberStatus.PROBATIONARY,
                random.nextInt(100) < 80 ? DataSource.DIGITISED_PAPER : DataSource.OPERATIONAL_SOFTWARE,
                null);
    }
}
