package vn.partywork.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.calendar.internal.OverrideDays;
import vn.partywork.calendar.internal.StatutoryHolidays;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Database;
import vn.partywork.shared.Decision;
import vn.partywork.shared.DomainException;

/**
 * The working days of Vietnamese state bodies (P-WF-2), through which every deadline is counted
 * (ARCHITECTURE rule 5). A day is a working day unless it is a Saturday or Sunday, a public
 * holiday, a compensation day, or a day declared off by a decision; a decision may also make a day
 * working (a make-up Saturday, a Tết day swapped for another). A stored override is the final word
 * for its date. Reads are reference data, the same for every signed-in user, and take no scope;
 * overrides are declared by the central organisation staff.
 *
 * <p>Supported days: 1900-01-01..2100-12-31 (the range of the lunar calendar); anything outside,
 * also a count that walks out of it, is refused with {@code calendar.outOfRange}.
 */
@Service
public class WorkingDayCalendar {

    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);
    public static final int MAX_DAYS_PER_DECLARATION = 60;
    public static final int MAX_NAME = 200;

    /** Another node's override change shows here after at most this long. */
    private static final long CACHE_NANOS = TimeUnit.MINUTES.toNanos(5);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final String TARGET = "calendar_override";

    private final OverrideDays overrides;
    private final OrgDirectory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final StatutoryHolidays statutory = new StatutoryHolidays(true);
    private final Map<Integer, Map<LocalDate, CalendarDay>> statutoryYears = new ConcurrentHashMap<>();
    private final Map<Integer, Year> years = new ConcurrentHashMap<>();

    /** A computed year: its special days (statutory and overrides), and when it was computed. */
    private record Year(Map<LocalDate, CalendarDay> days, long computedAt) {}

    WorkingDayCalendar(OverrideDays overrides, OrgDirectory directory, AuditLog audit, Clock clock) {
        this.overrides = overrides;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    // --- reading

    public boolean isWorkingDay(LocalDate day) {
        CalendarDay special = days(checkRange(day).getYear()).get(day);
        return special == null ? !StatutoryHolidays.isWeekend(day) : !special.isDayOff();
    }

    /** The holiday, compensation day or override on this day, if any (not a plain weekend). */
    public Optional<CalendarDay> day(LocalDate day) {
        return Optional.ofNullable(days(checkRange(day).getYear()).get(day));
    }

    /**
     * P-WF-2: the deadline "within {@code days} working days of {@code from}": counting starts the
     * day after {@code from}, and the result is the {@code days}-th working day. Zero gives
     * {@code from} itself (whatever kind of day it is). A negative count goes back: -3 is the third
     * working day before {@code from} (for "remind three working days before the deadline").
     */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate day = checkRange(from);
        int step = days < 0 ? -1 : 1;
        long remaining = Math.abs((long) days);
        while (remaining > 0) {
            day = checkRange(day.plusDays(step));
            if (isWorkingDay(day)) {
                remaining--;
            }
        }
        return day;
    }

    /**
     * The working days after {@code from} up to and including {@code to}, so that
     * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}; negative when {@code to} is before
     * {@code from}, zero when they are the same day.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        checkRange(from);
        checkRange(to);
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The days of the year that differ from the plain week: holidays, compensation days, days
     * declared off, and days declared working, in date order.
     */
    public List<CalendarDay> holidays(int year) {
        return List.copyOf(days(checkYear(year)).values());
    }

    /** The stored overrides of the year with their decisions, in date order. */
    public List<CalendarOverride> overrides(int year) {
        checkYear(year);
        return overrides.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    // --- declaring

    /** P-WF-2: only the central organisation staff enter the government's decisions on days off. */
    public boolean canDeclare(AccessScope scope) {
        return directory
                .root()
                .map(OrgSummary::path)
                .filter(root -> scope.canWrite(Database.ORGANISATION_MEMBER, root))
                .isPresent();
    }

    /**
     * Stores the days of one decision, all or none, and audits each. Refused: a caller other than
     * the central staff ({@code calendar.forbidden}); no days or too many; a date outside the
     * supported range; the same date twice ({@code calendar.override.contradictory} when once off
     * and once working, {@code calendar.override.duplicate} otherwise); a day declared off that is
     * already off by law (a weekend, holiday or compensation day: {@code calendar.override.alreadyOff})
     * or declared working that already is one ({@code calendar.override.alreadyWorking}), since such
     * an entry changes nothing and is most likely a wrong date; a date that already has an override
     * ({@code calendar.override.exists}: withdraw that one first).
     */
    @Transactional
    public List<CalendarOverride> declare(AccessScope scope, DeclareOverrides command) {
        checkCanDeclare(scope);
        Decision decision = command.decision();
        if (decision.date().isAfter(LocalDate.now(clock))) {
            throw DomainException.invalid("calendar.override.decisionInFuture");
        }
        if (command.days().isEmpty()) {
            throw DomainException.invalid("calendar.override.empty");
        }
        if (command.days().size() > MAX_DAYS_PER_DECLARATION) {
            throw DomainException.invalid("calendar.override.tooMany", MAX_DAYS_PER_DECLARATION);
        }
        Map<LocalDate, DeclareOverrides.Day> byDate = new HashMap<>();
        for (DeclareOverrides.Day day : command.days()) {
            checkRange(day.date());
            DeclareOverrides.Day other = byDate.putIfAbsent(day.date(), day);
            if (other != null) {
                throw DomainException.invalid(
                        other.kind() == day.kind() ? "calendar.override.duplicate" : "calendar.override.contradictory",
                        DAY.format(day.date()));
            }
        }
        // The set is checked as a whole first, so a contradiction is named as such whatever its order.
        for (DeclareOverrides.Day day : command.days()) {
            if (name(day).length() > MAX_NAME) {
                throw DomainException.invalid("calendar.override.nameTooLong", MAX_NAME);
            }
            boolean offByLaw = isOffByLaw(day.date());
            if (day.kind() == OverrideKind.OFF && offByLaw) {
                throw DomainException.invalid("calendar.override.alreadyOff", DAY.format(day.date()));
            }
            if (day.kind() == OverrideKind.WORKING && !offByLaw) {
                throw DomainException.invalid("calendar.override.alreadyWorking", DAY.format(day.date()));
            }
        }
        overrides.lock();
        for (LocalDate date : new TreeSet<>(byDate.keySet())) {
            if (overrides.on(date).isPresent()) {
                throw DomainException.conflict("calendar.override.exists", DAY.format(date));
            }
        }
        long decisionId = overrides.saveDecision(decision, scope.identifier());
        Set<Integer> changedYears = new TreeSet<>();
        for (DeclareOverrides.Day day : command.days().stream()
                .sorted((a, b) -> a.date().compareTo(b.date()))
                .toList()) {
            overrides.save(decisionId, day.date(), day.kind(), name(day));
            changedYears.add(day.date().getYear());
            audit.record(AuditEvent.of(AuditAction.CREATE, TARGET, day.date())
                    .basis(basis(decision))
                    .change("kind", null, day.kind().name())
                    .change("name", null, name(day))
                    .build());
        }
        forgetAfterCommit(changedYears);
        List<CalendarOverride> stored = new ArrayList<>();
        byDate.keySet().stream().sorted().forEach(date -> overrides.on(date).ifPresent(stored::add));
        return stored;
    }

    /** Removes the override of a day (entered by mistake, or revoked), audited with what it was. */
    @Transactional
    public void withdraw(AccessScope scope, LocalDate day) {
        checkCanDeclare(scope);
        checkRange(day);
        overrides.lock();
        CalendarOverride existing = overrides
                .on(day)
                .orElseThrow(() -> DomainException.notFound("calendar.override.notFound", DAY.format(day)));
        overrides.delete(day);
        audit.record(AuditEvent.of(AuditAction.DELETE, TARGET, day)
                .basis(basis(existing.decision()))
                .change("kind", existing.kind().name(), null)
                .change("name", existing.name(), null)
                .build());
        forgetAfterCommit(Set.of(day.getYear()));
    }

    // --- range

    /** The day itself, or {@code calendar.outOfRange} outside 1900–2100. */
    public static LocalDate checkRange(LocalDate day) {
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            throw outOfRange();
        }
        return day;
    }

    public static int checkYear(int year) {
        if (year < FIRST_DAY.getYear() || year > LAST_DAY.getYear()) {
            throw outOfRange();
        }
        return year;
    }

    /** Years as text: a message format would print 1900 as "1.900". */
    static DomainException outOfRange() {
        return DomainException.invalid(
                "calendar.outOfRange", String.valueOf(FIRST_DAY.getYear()), String.valueOf(LAST_DAY.getYear()));
    }

    // --- internals

    private Map<LocalDate, CalendarDay> days(int year) {
        Year seen = years.get(year);
        if (seen != null && fresh(seen)) {
            return seen.days();
        }
        // compute() runs atomically per year, so a removal after an override commits cannot be
        // overtaken by a computation that read the overrides before the commit.
        return years.compute(year, (y, old) -> old != null && old != seen && fresh(old) ? old : compute(y))
                .days();
    }

    private static boolean fresh(Year year) {
        return System.nanoTime() - year.computedAt() < CACHE_NANOS;
    }

    private Year compute(int year) {
        Map<LocalDate, CalendarDay> days = new TreeMap<>(statutory(year));
        for (CalendarOverride o : overrides.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
            days.put(o.date(), new CalendarDay(o.date(), o.name(), o.kind().dayKind()));
        }
        return new Year(Collections.unmodifiableMap(days), System.nanoTime());
    }

    private Map<LocalDate, CalendarDay> statutory(int year) {
        return statutoryYears.computeIfAbsent(year, statutory::of);
    }

    private boolean isOffByLaw(LocalDate day) {
        return StatutoryHolidays.isWeekend(day) || statutory(day.getYear()).containsKey(day);
    }

    private void forgetAfterCommit(Set<Integer> changed) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    changed.forEach(years::remove);
                }
            });
        } else {
            changed.forEach(years::remove);
        }
    }

    private void checkCanDeclare(AccessScope scope) {
        if (!canDeclare(scope)) {
            throw DomainException.forbidden("calendar.forbidden");
        }
    }

    private static String name(DeclareOverrides.Day day) {
        String name = day.name() == null ? "" : day.name().strip();
        return name.isEmpty() ? day.kind().defaultName() : name;
    }

    private static String basis(Decision decision) {
        return "Quyết định số " + decision.number() + " ngày " + DAY.format(decision.date()) + " của "
                + decision.issuer();
    }
}
