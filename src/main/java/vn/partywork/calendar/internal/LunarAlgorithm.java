package vn.partywork.calendar.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * P-WF-2: the Vietnamese lunisolar calendar by Hồ Ngọc Đức's algorithm ("Âm lịch Việt Nam",
 * after Jean Meeus, "Astronomical Algorithms"): new moons and the sun's longitude are computed
 * astronomically and turned into days at the given time zone; Vietnam has reckoned at UTC+7 since
 * 1968 (before that, and in China, UTC+8 gives a different calendar in some years, e.g. 1985).
 * Month 11 is the month holding the winter solstice; a lunar year with 13 months has as its leap
 * month the first month after month 11 that contains no major solar term (trung khí).
 *
 * <p>Day numbers are Julian day numbers; only Gregorian dates are used (the supported range starts
 * in 1900). Precise enough for 1800–2199; the calendar module limits use to 1900–2100.
 */
public final class LunarAlgorithm {

    /** Vietnam's time zone (hours east of UTC) for the calendar. */
    public static final double VIETNAM = 7.0;

    private static final long JULIAN_DAY_OF_EPOCH = 2440588; // 1970-01-01
    private static final double SYNODIC_MONTH = 29.530588853;
    private static final double NEW_MOON_1900 = 2415021.076998695;

    private final double timeZone;

    public LunarAlgorithm(double timeZone) {
        this.timeZone = timeZone;
    }

    /** A lunar date: year, month (1..12), day (1..30) and whether the month is the leap month. */
    public record Lunar(int year, int month, int day, boolean leap) {}

    public Lunar toLunar(LocalDate date) {
        long dayNumber = julianDay(date);
        long monthStart = newMoonDay(monthIndex(dayNumber));
        int year = date.getYear();
        long a11 = lunarMonth11(year);
        long b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = year;
            a11 = lunarMonth11(year - 1);
        } else {
            lunarYear = year + 1;
            b11 = lunarMonth11(year + 1);
        }
        int lunarDay = (int) (dayNumber - monthStart + 1);
        int diff = (int) floor((monthStart - a11) / 29.0);
        boolean leap = false;
        int lunarMonth = diff + 11;
        if (b11 - a11 > 365) {
            int leapMonthDiff = leapMonthOffset(a11);
            if (diff >= leapMonthDiff) {
                lunarMonth = diff + 10;
                leap = diff == leapMonthDiff;
            }
        }
        if (lunarMonth > 12) {
            lunarMonth -= 12;
        }
        if (lunarMonth >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new Lunar(lunarYear, lunarMonth, lunarDay, leap);
    }

    /**
     * The solar date of a lunar date, or {@code null} when the month is marked leap but is not the
     * leap month of that year, or the day does not exist in the month (day 30 of a 29-day month).
     */
    public @Nullable LocalDate toSolar(int lunarYear, int lunarMonth, int lunarDay, boolean leap) {
        if (lunarMonth < 1 || lunarMonth > 12 || lunarDay < 1 || lunarDay > 30) {
            return null;
        }
        long a11;
        long b11;
        if (lunarMonth < 11) {
            a11 = lunarMonth11(lunarYear - 1);
            b11 = lunarMonth11(lunarYear);
        } else {
            a11 = lunarMonth11(lunarYear);
            b11 = lunarMonth11(lunarYear + 1);
        }
        int off = lunarMonth - 11;
        if (off < 0) {
            off += 12;
        }
        if (b11 - a11 > 365) {
            int leapOff = leapMonthOffset(a11);
            int leapMonth = leapOff - 2;
            if (leapMonth < 0) {
                leapMonth += 12;
            }
            if (leap && lunarMonth != leapMonth) {
                return null;
            } else if (leap || off >= leapOff) {
                off += 1;
            }
        } else if (leap) {
            return null;
        }
        long k = floor(0.5 + (a11 - NEW_MOON_1900) / SYNODIC_MONTH);
        long monthStart = newMoonDay(k + off);
        long nextMonthStart = newMoonDay(k + off + 1);
        if (monthStart + lunarDay - 1 >= nextMonthStart) {
            return null;
        }
        return fromJulianDay(monthStart + lunarDay - 1);
    }

    /** The number of days of the lunar month that starts on or before {@code date} and holds it. */
    public int monthLength(LocalDate date) {
        long k = monthIndex(julianDay(date));
        return (int) (newMoonDay(k + 1) - newMoonDay(k));
    }

    /**
     * The index of the new moon that starts the lunar month holding the day. The mean-motion
     * estimate can be a month off when the true new moon is far from the mean one (the original
     * algorithm then gives "day 0", e.g. on 7/5/2054 and 9/4/2062), so it is corrected both ways.
     */
    private long monthIndex(long dayNumber) {
        long k = floor((dayNumber - NEW_MOON_1900) / SYNODIC_MONTH) + 1;
        while (newMoonDay(k) > dayNumber) {
            k--;
        }
        while (newMoonDay(k + 1) <= dayNumber) {
            k++;
        }
        return k;
    }

    static long julianDay(LocalDate date) {
        return date.toEpochDay() + JULIAN_DAY_OF_EPOCH;
    }

    static LocalDate fromJulianDay(long dayNumber) {
        return LocalDate.ofEpochDay(dayNumber - JULIAN_DAY_OF_EPOCH);
    }

    /** The day (Julian day number at the time zone) of the k-th new moon after 1 January 1900. */
    long newMoonDay(long k) {
        return floor(newMoon(k) + 0.5 + timeZone / 24);
    }

    /** The sun's longitude at the start of the day, as the index (0..11) of the 30° sector it is in. */
    int sunLongitudeSector(long dayNumber) {
        return (int) floor(sunLongitude(dayNumber - 0.5 - timeZone / 24) / Math.PI * 6);
    }

    /** The day lunar month 11 of the given year begins: the month that holds the winter solstice. */
    long lunarMonth11(int year) {
        long off = julianDay(LocalDate.of(year, 12, 31)) - 2415021;
        long k = floor(off / SYNODIC_MONTH);
        long newMoon = newMoonDay(k);
        if (sunLongitudeSector(newMoon) >= 9) {
            newMoon = newMoonDay(k - 1);
        }
        return newMoon;
    }

    /** Months after month 11 (starting at a11) until the first month with no major solar term. */
    int leapMonthOffset(long a11) {
        long k = floor((a11 - NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int arc = sunLongitudeSector(newMoonDay(k + i));
        int last;
        do {
            last = arc;
            i++;
            arc = sunLongitudeSector(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }

    /** The instant (Julian date, UTC) of the k-th new moon after 1 January 1900 (Meeus). */
    static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double dr = Math.PI / 180;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // sun's mean anomaly
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // moon's mean anomaly
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // moon's argument of latitude
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
        c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
        c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
        double deltaT;
        if (t < -11) {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
        }
        return jd1 + c1 - deltaT;
    }

    /** The sun's apparent longitude in radians (0..2π) at a Julian date (Meeus, low precision). */
    static double sunLongitude(double julianDate) {
        double t = (julianDate - 2451545.0) / 36525;
        double t2 = t * t;
        double dr = Math.PI / 180;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
        dl = dl + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
        double l = (l0 + dl) * dr;
        return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
    }

    private static long floor(double value) {
        return (long) Math.floor(value);
    }
}
