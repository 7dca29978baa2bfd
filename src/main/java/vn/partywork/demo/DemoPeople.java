package vn.partywork.demo;

import java.util.random.RandomGenerator;

/**
 * Plausible Vietnamese people for demo and benchmark data: full names with correct diacritics
 * (the common surnames weighted by frequency, middle names by gender) and occupations. Shared by
 * the demo members and the national benchmark's generator.
 */
public final class DemoPeople {

    private static final String[] SURNAMES = {
        "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Phạm", "Hoàng", "Huỳnh",
        "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương", "Trịnh", "Mai", "Tạ",
        "Cao", "Đào", "Hà", "Lưu", "Kiều", "Chu"
    };
    private static final String[] MALE_MIDDLE = {
        "Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Xuân", "Công", "Ngọc", "Đình", "Quốc", "Tiến",
        "Mạnh", "Trọng"
    };
    private static final String[] FEMALE_MIDDLE = {
        "Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Hồng", "Phương", "Thùy", "Diệu", "Bích"
    };
    private static final String[] MALE_GIVEN = {
        "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Huy", "Khánh", "Long", "Nam", "Phong", "Quân", "Sơn",
        "Thắng", "Tuấn", "Việt", "Trung", "Hiếu", "Lâm", "Thành", "Tùng", "Vinh", "Hoàng", "Kiên", "Toàn", "Phúc",
        "Đông", "Giang", "Hưng", "Nghĩa", "Tâm", "Thịnh", "Lộc"
    };
    private static final String[] FEMALE_GIVEN = {
        "Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Nhung", "Phương", "Thảo",
        "Trang", "Yến", "Vân", "Hằng", "Huyền", "Loan", "Nga", "Oanh", "Quỳnh", "Thủy", "Tuyết", "Giang", "Hiền",
        "Liên", "Thoa", "Xuân"
    };
    private static final String[] OCCUPATIONS = {
        "Công chức",
        "Công chức",
        "Viên chức",
        "Giáo viên",
        "Bác sĩ",
        "Kỹ sư",
        "Công nhân",
        "Nông dân",
        "Kinh doanh",
        "Bộ đội",
        "Công an",
        "Sinh viên",
        "Nhân viên văn phòng"
    };

    private DemoPeople() {}

    /** A full name: surname, middle name and given name for the gender. */
    public static String name(RandomGenerator random, boolean female) {
        return pick(random, SURNAMES)
                + " "
                + (female ? pick(random, FEMALE_MIDDLE) : pick(random, MALE_MIDDLE))
                + " "
                + (female ? pick(random, FEMALE_GIVEN) : pick(random, MALE_GIVEN));
    }

    /** An occupation for a person born in {@code birthYear} (retired before 1962). */
    public static String occupation(RandomGenerator random, int birthYear) {
        return birthYear < 1962 ? "Hưu trí" : pick(random, OCCUPATIONS);
    }

    /**
     * An age in whole years as party members are spread: about 12 % up to 30, 20 % in their
     * thirties, 20 % forties, 18 % fifties, 15 % sixties, 10 % seventies and 5 % older.
     */
    public static int age(RandomGenerator random) {
        int band = random.nextInt(100);
        int[] upTo = {12, 32, 52, 70, 85, 95, 100};
        int[] from = {19, 31, 41, 51, 61, 71, 81};
        for (int i = 0; i < upTo.length; i++) {
            if (band < upTo[i]) {
                return from[i] + random.nextInt(i == upTo.length - 1 ? 14 : i == 0 ? 12 : 10);
            }
        }
        throw new IllegalStateException();
    }

    static String pick(RandomGenerator random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
