package vn.partywork.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.partywork.member.DataSource;
import vn.partywork.member.MemberRecord;
import vn.partywork.member.MemberRegistry;
import vn.partywork.member.MemberStatus;
import vn.partywork.member.NewMember;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;

/**
 * About three hundred plausible members spread over the demo cells, generated from a fixed seed so
 * every demo database is the same: Vietnamese names with diacritics, birth dates 1945–2004,
 * admission at 18–40, official twelve months or a little more later (or still probationary),
 * CCCDs that fit the province, gender and birth year, unique party card numbers. Plus named
 * members the README and the tests refer to: Vũ Văn Nam ({@code dangvien.demo}, Chi bộ Tổ dân phố
 * Hàng Bạc) and Nguyễn Văn An (Hàng Đào) in Hà Nội, Trần Thị Bích Ngọc in TP. Hồ Chí Minh.
 */
@Component
class DemoMembers {

    static final int PER_CELL = 10;

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

    private static final String[] SURNAMES = {
        "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
        "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"
    };
    private static final String[] MALE_MIDDLE = {"Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Xuân", "Công"};
    private static final String[] FEMALE_MIDDLE = {"Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim"};
    private static final String[] MALE_GIVEN = {
        "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Huy", "Khánh", "Long", "Nam", "Phong", "Quân", "Sơn",
        "Thắng", "Tuấn", "Việt", "Trung", "Hiếu", "Lâm"
    };
    private static final String[] FEMALE_GIVEN = {
        "Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Nhung", "Phương", "Thảo",
        "Trang", "Yến", "Vân", "Hằng"
    };
    private static final String[] OCCUPATIONS = {
        "Công chức",
        "Viên chức",
        "Giáo viên",
        "Bác sĩ",
        "Kỹ sư",
        "Công nhân",
        "Nông dân",
        "Kinh doanh",
        "Hưu trí",
        "Hưu trí",
        "Bộ đội xuất ngũ",
        "Sinh viên"
    };

    private final MemberRegistry registry;

    DemoMembers(MemberRegistry registry) {
        this.registry = registry;
    }

    /** Loads the members; returns the record id of Vũ Văn Nam (linked to {@code dangvien.demo}). */
    long load(AccessScope system, Map<String, OrgSummary> orgs, long namAccountId, LocalDate today) {
        Random random = new Random(2026);
        int serial = 0;
        MemberRecord nam = registry.register(
                system,
                named(
                        orgs.get("HN.HOANKIEM.1").id(),
                        "Vũ Văn Nam",
                        "MALE",
                        LocalDate.of(1985, 4, 12),
                        "001085004417",
                        LocalDate.of(2010, 5, 19),
                        LocalDate.of(2011, 5, 19),
                        "01004417",
                        "Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội",
                        namAccountId));
        registry.register(
                system,
                named(
                        orgs.get("HN.HOANKIEM.2").id(),
                        "Nguyễn Văn An",
                        "MALE",
                        LocalDate.of(1978, 9, 2),
                        "001078001945",
                        LocalDate.of(2004, 3, 26),
                        LocalDate.of(2005, 3, 26),
                        "01001945",
                        "Số 30 phố Hàng Đào, phường Hoàn Kiếm, Hà Nội",
                        null));
        registry.register(
                system,
                named(
                        orgs.get("HCM.BENTHANH.1").id(),
                        "Trần Thị Bích Ngọc",
                        "FEMALE",
                        LocalDate.of(1990, 11, 20),
                        "079190002030",
                        LocalDate.of(2015, 2, 3),
                        LocalDate.of(2016, 2, 3),
                        "79002030",
                        "Số 5 đường Lê Lợi, phường Bến Thành, TP. Hồ Chí Minh",
                        null));
        for (Cell cell : CELLS) {
            long cellId = orgs.get(cell.key()).id();
            for (int i = 0; i < PER_CELL; i++) {
                serial++;
                registry.register(system, generated(random, cell, cellId, serial, today));
            }
        }
        return nam.id();
    }

    private static NewMember named(
            long cellId,
            String name,
            String gender,
            LocalDate birth,
            String citizenId,
            LocalDate admission,
            LocalDate official,
            String card,
            String address,
            @Nullable Long accountId) {
        Map<String, @Nullable String> v = new LinkedHashMap<>();
        v.put("fullName", name);
        v.put("gender", gender);
        v.put("birthDate", birth.toString());
        String city = address.substring(address.lastIndexOf(',') + 2);
        v.put("birthPlace", city);
        v.put("hometown", city);
        v.put("permanentAddress", address);
        v.put("currentAddress", address);
        v.put("ethnicity", "01");
        v.put("religion", "00");
        v.put("citizenId", citizenId);
        v.put("phone", name.startsWith("Vũ") ? "0912 345 678" : "0903 111 222");
        v.put("occupation", "Công chức");
        v.put("generalEducation", "12-12");
        v.put("professionalDegree", "DH");
        v.put("professionalField", "Luật");
        v.put("politicalTheory", "TC");
        v.put("foreignLanguages", "Tiếng Anh B1");
        v.put("admissionDate", admission.toString());
        v.put("admissionPlace", "Chi bộ nơi sinh hoạt");
        v.put("officialDate", official.toString());
        v.put("partyCardNumber", card);
        v.put("partyCardIssuedOn", official.plusMonths(6).toString());
        v.put("partyPosition", "DV");
        return new NewMember(v, cellId, MemberStatus.OFFICIAL, DataSource.DIGITISED_PAPER, accountId);
    }

    private static NewMember generated(Random random, Cell cell, long cellId, int serial, LocalDate today) {
        boolean female = random.nextInt(100) < 38;
        LocalDate birth = LocalDate.of(1945 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
        int admissionAge = 18 + random.nextInt(Math.max(1, Math.min(23, today.getYear() - birth.getYear() - 18)));
        LocalDate admission = birth.plusYears(admissionAge).plusDays(random.nextInt(300));
        if (admission.isAfter(today.minusDays(30))) {
            admission = today.minusDays(30 + random.nextInt(200));
        }
        LocalDate official = admission.plusYears(1).plusDays(random.nextInt(45));
        boolean isOfficial = !official.isAfter(today);
        String given = female ? pick(random, FEMALE_GIVEN) : pick(random, MALE_GIVEN);
        String name = pick(random, SURNAMES) + " " + (female ? pick(random, FEMALE_MIDDLE) : pick(random, MALE_MIDDLE))
                + " " + given;
        int century = birth.getYear() / 100 - 19;
        String citizenId = cell.province()
                + (century * 2 + (female ? 1 : 0))
                + String.format("%02d", birth.getYear() % 100)
                + String.format("%06d", 100_000 + serial * 37);
        boolean ethnicMinority = cell.province().equals("040") && random.nextInt(100) < 15;
        Map<String, @Nullable String> v = new HashMap<>();
        v.put("fullName", name);
        v.put("gender", female ? "FEMALE" : "MALE");
        v.put("birthDate", birth.toString());
        v.put("birthPlace", cell.place().substring(cell.place().lastIndexOf(',') + 2));
        v.put("hometown", cell.place().substring(cell.place().lastIndexOf(',') + 2));
        String address = "Số " + (1 + random.nextInt(120)) + ", " + cell.place();
        v.put("permanentAddress", address);
        v.put("currentAddress", address);
        v.put("ethnicity", ethnicMinority ? (random.nextBoolean() ? "03" : "06") : "01");
        v.put("religion", random.nextInt(100) < 8 ? (random.nextBoolean() ? "01" : "02") : "00");
        v.put("citizenId", citizenId);
        v.put("phone", "09" + (10 + random.nextInt(89)) + " " + (100 + random.nextInt(899)) + " " + (100 + serial));
        v.put("occupation", birth.getYear() < 1965 ? "Hưu trí" : pick(random, OCCUPATIONS));
        v.put("generalEducation", birth.getYear() < 1960 && random.nextBoolean() ? "10-10" : "12-12");
        int degree = random.nextInt(100);
        v.put(
                "professionalDegree",
                degree < 15 ? null : degree < 25 ? "CD" : degree < 80 ? "DH" : degree < 95 ? "THS" : "TS");
        int theory = random.nextInt(100);
        v.put("politicalTheory", theory < 55 ? "SC" : theory < 85 ? "TC" : theory < 97 ? "CC" : "CN");
        v.put("admissionDate", admission.toString());
        v.put("admissionPlace", "Chi bộ nơi sinh hoạt");
        if (isOfficial) {
            v.put("officialDate", official.toString());
            LocalDate issued = official.plusMonths(3 + random.nextInt(9));
            if (!issued.isAfter(today)) {
                v.put("partyCardNumber", cell.province().substring(1) + String.format("%06d", 200_000 + serial));
                v.put("partyCardIssuedOn", issued.toString());
            }
        }
        v.put("partyPosition", serial % PER_CELL == 1 ? "BT" : serial % PER_CELL == 2 ? "PBT" : "DV");
        if (birth.getYear() < 1960 && admission.isBefore(today.minusYears(30))) {
            v.put("partyBadge", "Huy hiệu 30 năm tuổi Đảng");
        }
        return new NewMember(
                v,
                cellId,
                isOfficial ? MemberStatus.OFFICIAL : MemberStatus.PROBATIONARY,
                random.nextInt(100) < 80 ? DataSource.DIGITISED_PAPER : DataSource.OPERATIONAL_SOFTWARE,
                null);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
