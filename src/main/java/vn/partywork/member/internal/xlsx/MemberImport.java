package vn.partywork.member.internal.xlsx;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partywork.audit.AuditAction;
import vn.partywork.audit.AuditEvent;
import vn.partywork.audit.AuditLog;
import vn.partywork.identity.AccountType;
import vn.partywork.identity.AccountView;
import vn.partywork.identity.Accounts;
import vn.partywork.member.DataSource;
import vn.partywork.member.MemberField;
import vn.partywork.member.MemberStatus;
import vn.partywork.member.internal.MemberRules;
import vn.partywork.org.OrgDirectory;
import vn.partywork.org.OrgSummary;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Database;
import vn.partywork.shared.DomainException;

/**
 * Issue 5 item 6: import of member records from a filled template (decisions in
 * {@code package-info}). An upload becomes a job: the file is inspected ({@link XlsxInspection}),
 * its rows read as a stream on a reader thread and each checked with the form's rules, duplicates
 * looked up in the database chunk by chunk, and — in one transaction — the valid rows are written
 * with {@code COPY}, one CREATE event each (P-AU-1, in bulk) and one IMPORT event for the file.
 * In mode ALL the writing overlaps the reading (a bad row rolls it all back), in mode VALID it
 * follows it.
 * The page runs jobs in the background and polls their counts; the API runs them in its request.
 */
@Service
public class MemberImport {

    /** The largest upload (the request filter lets 21 MB through on the import paths). */
    public static final long MAX_FILE = 20L * 1024 * 1024;
    /** Rows with data in one file. */
    public static final int MAX_ROWS = 100_000;
    /** Error rows kept for the report; the counts stay exact beyond. */
    public static final int MAX_REPORTED = 20_000;

    static final String TARGET = "member";
    private static final int WRITE_CHUNK = 2000;
    private static final int PROGRESS_EVERY = 2000;
    private static final Database DB = Database.ORGANISATION_MEMBER;
    private static final Logger log = LoggerFactory.getLogger(MemberImport.class);
    private static final String MEMBER_COLUMNS = "id, "
            + String.join(
                    ", ",
                    java.util.Arrays.stream(MemberField.values())
                            .map(MemberField::column)
                            .toList())
            + ", cell_id, cell_path, status, source_identity, source_background, source_party, created_at,"
            + " created_by, updated_at";

    private final ImportJobs jobs;
    private final MemberRules rules;
    private final OrgDirectory orgs;
    private final Accounts accounts;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate writeTx;
    /** Two imports at a time, four waiting: a server is not a spreadsheet farm. */
    private final ThreadPoolExecutor background =
            new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(4), r -> {
                Thread t = new Thread(r, "member-import");
                t.setDaemon(true);
                return t;
            });

    MemberImport(
            ImportJobs jobs,
            MemberRules rules,
            OrgDirectory orgs,
            Accounts accounts,
            AuditLog audit,
            MessageSource messages,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.rules = rules;
        this.orgs = orgs;
        this.accounts = accounts;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.writeTx = new TransactionTemplate(transactions);
        this.writeTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** An upload as the controllers hand it over: the file already on disk (a temporary copy the job deletes). */
    public record Upload(
            Path file, String fileName, long size, @Nullable String contentType, ImportMode mode, DataSource source) {}

    /**
     * Checks what can be checked without reading the file (who, size, name, type, source) and
     * creates the job. Refusals are {@link DomainException}s with their codes.
     */
    public long accept(AccessScope scope, Upload upload) {
        if (accounts.byId(scope.accountId())
                .map(AccountView::type)
                .filter(t -> t == AccountType.MEMBER)
                .isPresent()) {
            throw DomainException.forbidden("member.forbidden");
        }
        if (scope.paths(vn.partywork.shared.Permission.WRITE, DB).isEmpty()) {
            throw DomainException.forbidden("member.forbidden");
        }
        if (upload.source() == DataSource.SELF_DECLARED) {
            throw DomainException.invalid("member.import.source");
        }
        if (upload.size() > MAX_FILE) {
            throw DomainException.invalid("member.import.tooLarge", MAX_FILE / 1024 / 1024);
        }
        if (upload.size() == 0) {
            throw DomainException.invalid("member.import.empty");
        }
        String name = upload.fileName().strip();
        String type = upload.contentType() == null
                ? ""
                : upload.contentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
        boolean typeOk = type.isEmpty()
                || type.equals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                || type.equals("application/octet-stream")
                || type.equals("application/zip");
        if (!name.toLowerCase(Locale.ROOT).endsWith(".xlsx") || !typeOk) {
            throw DomainException.invalid("member.import.notXlsx");
        }
        String shortName = name.length() > 300 ? name.substring(name.length() - 300) : name;
        return jobs.create(
                scope.accountId(),
                shortName,
                upload.size(),
                upload.mode(),
                upload.source().name(),
                now());
    }

    /** Runs the job in the background (the page); {@code member.import.busy} when too many are running. */
    public void start(AccessScope scope, long jobId, Upload upload) {
        try {
            background.execute(new DelegatingSecurityContextRunnable(() -> run(scope, jobId, upload)));
        } catch (RejectedExecutionException e) {
            jobs.finish(jobId, "REFUSED", 0, 0, 0, "member.import.busy", text("member.import.busy"), now());
            delete(upload.file());
            throw DomainException.conflict("member.import.busy");
        }
    }

    /** Runs the job in the caller's thread (the API) and returns how it ended. */
    public ImportJob runNow(AccessScope scope, long jobId, Upload upload) {
        run(scope, jobId, upload);
        return jobs.byId(jobId).orElseThrow();
    }

    /** The job if it is the caller's. */
    public Optional<ImportJob> job(AccessScope scope, long jobId) {
        return jobs.byId(jobId).filter(j -> j.accountId() == scope.accountId());
    }

    public List<RowError> errors(AccessScope scope, long jobId, int limit) {
        return job(scope, jobId).map(j -> jobs.errors(jobId, limit)).orElse(List.of());
    }

    // --- the job

    /** A row that passed every check, kept until the write (values by field ordinal). */
    private record Valid(int row, long cellId, String cellPath, MemberStatus status, String[] values) {}

    /**
     * One chunk ready for the database: its rows in COPY's text format and their CREATE events. In
     * mode ALL the reader builds it while the writer's connection is busy with the chunk before.
     */
    private record Prepared(int size, String members, String memberships, List<AuditEvent> events) {}

    /** What a job's write transaction ended with. */
    private enum Outcome {
        DONE,
        NO_ROWS,
        ROWS_INVALID
    }

    /** Where an import's time went, for the log (the reader's and the writer's threads overlap). */
    private static final class Timing {
        long inspection;
        volatile long reading;
        volatile long lookups;
        volatile long preparing;
        long copyMembers;
        long copyMemberships;
        long audit;
        long waiting;
    }

    private void run(AccessScope scope, long jobId, Upload upload) {
        ImportJob job = jobs.byId(jobId).orElseThrow();
        Counts counts = new Counts();
        Timing timing = new Timing();
        List<RowError> errors = new ArrayList<>();
        Reader reader = new Reader(scope, job, upload.file(), errors, counts, timing);
        try {
            jobs.progress(jobId, "VALIDATING", 0, 0, 0);
            long started = System.nanoTime();
            XlsxInspection.check(upload.file());
            timing.inspection = System.nanoTime() - started;
            DataSource source = DataSource.valueOf(job.source());
            Outcome outcome = writeTx.execute(status -> {
                Outcome o = readAndWrite(scope, job, reader, source, counts, errors, timing);
                if (o != Outcome.DONE) {
                    status.setRollbackOnly(); // mode ALL may have written rows before the first bad one
                }
                return o;
            });
            if (outcome == Outcome.NO_ROWS) {
                refuse(scope, job, counts, "member.import.noRows");
                return;
            }
            if (outcome == Outcome.ROWS_INVALID) {
                jobs.addErrors(jobId, reported(errors));
                refuse(scope, job, counts, "member.import.rowsInvalid", counts.invalid);
                return;
            }
            log.info(
                    "Import job {}: {} rows, {} imported in {} ms; inspection {} ms, reading and rules {} ms,"
                            + " duplicate look-ups {} ms, preparing chunks {} ms (reader thread); COPY members {} ms,"
                            + " memberships {} ms,"
                            + " audit {} ms, waiting for rows {} ms (writer)",
                    jobId,
                    counts.read,
                    counts.imported,
                    (System.nanoTime() - started) / 1_000_000,
                    timing.inspection / 1_000_000,
                    timing.reading / 1_000_000,
                    timing.lookups / 1_000_000,
                    timing.preparing / 1_000_000,
                    timing.copyMembers / 1_000_000,
                    timing.copyMemberships / 1_000_000,
                    timing.audit / 1_000_000,
                    timing.waiting / 1_000_000);
        } catch (DomainException e) {
            refuse(scope, job, counts, e.code(), e.args());
        } catch (RuntimeException e) {
            log.error("Import job {} failed", jobId, e);
            counts.imported = 0;
            String code = e instanceof org.springframework.dao.DataIntegrityViolationException
                    ? "member.import.conflict"
                    : "member.import.failed";
            if (reader.ended()) {
                jobs.addErrors(jobId, reported(errors));
            }
            jobs.finish(jobId, "FAILED", counts.read, counts.invalid, 0, code, text(code), now());
            audit.record(importEvent(scope, job, counts, code));
        } finally {
            delete(upload.file());
        }
    }

    /**
     * Inside the write transaction: starts the reader on its own thread and writes what it hands
     * over. Mode ALL writes each chunk as soon as it arrives while no row so far was bad, so that
     * reading (this JVM) and writing (the database) overlap; the first bad row stops the writing and
     * the caller rolls everything back. Mode VALID must wait for the last row (a duplicate further
     * down the file makes an earlier row bad too) and writes the good rows at the end.
     */
    private Outcome readAndWrite(
            AccessScope scope,
            ImportJob job,
            Reader reader,
            DataSource source,
            Counts counts,
            List<RowError> errors,
            Timing timing) {
        Thread thread =
                new Thread(new DelegatingSecurityContextRunnable(reader), "member-import-" + job.id() + "-reader");
        thread.setDaemon(true);
        thread.start();
        List<Valid> held = new ArrayList<>();
        boolean writing = job.mode() == ImportMode.ALL;
        try {
            while (true) {
                long waitFrom = System.nanoTime();
                Batch batch = reader.next();
                timing.waiting += System.nanoTime() - waitFrom;
                if (batch instanceof Failure failure) {
                    throw failure.error();
                }
                if (batch instanceof End) {
                    break;
                }
                Rows rows = (Rows) batch;
                if (job.mode() == ImportMode.VALID) {
                    held.addAll(rows.rows());
                } else if (writing && rows.clean()) {
                    Prepared prepared =
                            rows.prepared() != null ? rows.prepared() : prepare(scope, job.id(), rows.rows(), source);
                    store(prepared, timing);
                    counts.imported += prepared.size();
                } else {
                    writing = false;
                }
            }
        } finally {
            reader.cancel();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // The reader has ended: its counts and errors are complete and visible here (the queue).
        counts.invalid =
                (int) errors.stream().mapToInt(RowError::row).distinct().count();
        errors.sort(java.util.Comparator.comparingInt(RowError::row));
        if (counts.read == 0) {
            counts.imported = 0;
            return Outcome.NO_ROWS;
        }
        if (job.mode() == ImportMode.ALL && counts.invalid > 0) {
            counts.imported = 0;
            return Outcome.ROWS_INVALID;
        }
        if (job.mode() == ImportMode.VALID) {
            Set<Integer> bad = new java.util.HashSet<>();
            errors.forEach(e -> bad.add(e.row()));
            List<Valid> good = held.stream().filter(v -> !bad.contains(v.row())).toList();
            held.clear();
            write(scope, job.id(), good, source, timing);
            counts.imported = good.size();
        }
        jobs.addErrors(job.id(), reported(errors));
        audit.record(importEvent(scope, job, counts, null));
        jobs.finish(job.id(), "DONE", counts.read, counts.invalid, counts.imported, null, null, now());
        return Outcome.DONE;
    }

    private static List<RowError> reported(List<RowError> errors) {
        return errors.size() > MAX_REPORTED ? errors.subList(0, MAX_REPORTED) : errors;
    }

    private static final class Counts {
        int read;
        int invalid;
        int imported;
    }

    private void refuse(AccessScope scope, ImportJob job, Counts counts, String code, Object... args) {
        counts.imported = 0;
        jobs.finish(job.id(), "REFUSED", counts.read, counts.invalid, 0, code, text(code, args), now());
        audit.record(importEvent(scope, job, counts, code));
    }

    private AuditEvent importEvent(AccessScope scope, ImportJob job, Counts counts, @Nullable String refusal) {
        return AuditEvent.of(AuditAction.IMPORT, "member_import", job.id())
                .actorIdentifier(scope.identifier())
                .basis(DataSource.valueOf(job.source()).label())
                .detail("fileName", job.fileName())
                .detail("fileSize", job.fileSize())
                .detail("mode", job.mode().name())
                .detail("source", job.source())
                .detail("rowsRead", counts.read)
                .detail("rowsInvalid", counts.invalid)
                .detail("rowsImported", counts.imported)
                .detail("refused", refusal)
                .build();
    }

    // --- reading and checking

    /** What the reader hands to the writer: checked rows, the end of the file, or why it stopped. */
    private sealed interface Batch permits Rows, End, Failure {}

    /** Rows that passed every check so far; {@code clean} when no row up to here was bad. */
    private record Rows(
            List<Valid> rows, boolean clean, @Nullable Prepared prepared) implements Batch {}

    private record End() implements Batch {}

    private record Failure(RuntimeException error) implements Batch {}

    /** Thrown inside the reader when the writer has given up; ends the reader quietly. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads the rows as a stream on its own thread, checks each (the form's rules, duplicates
     * within the file), looks up each chunk's duplicates in the database (on connections of its
     * own, so it sees what is committed, as before any write of this job) and hands the chunks to
     * the writer through a short queue, which also bounds the rows held in memory. Owns the job's
     * progress row until it ends (the writer's transaction does not touch it meanwhile).
     */
    private final class Reader implements Runnable {
        private final AccessScope scope;
        private final long jobId;
        private final ImportMode mode;
        private final DataSource source;
        private final Path file;
        private final List<RowError> errors;
        private final Counts counts;
        private final Timing timing;
        private final Locale locale = LocaleContextHolder.getLocale();
        private final java.util.concurrent.BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
        private volatile boolean cancelled;
        private volatile boolean ended;

        Reader(AccessScope scope, ImportJob job, Path file, List<RowError> errors, Counts counts, Timing timing) {
            this.scope = scope;
            this.jobId = job.id();
            this.mode = job.mode();
            this.source = DataSource.valueOf(job.source());
            this.file = file;
            this.errors = errors;
            this.counts = counts;
            this.timing = timing;
        }

        @Override
        public void run() {
            LocaleContextHolder.setLocale(locale);
            try {
                read();
                ended = true;
                hand(new End());
            } catch (Cancelled e) {
                // the writer stopped first and is not waiting for rows
            } catch (RuntimeException e) {
                hand(new Failure(e));
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        }

        /** The next batch; blocks until the reader has one. */
        Batch next() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("member import interrupted", e);
            }
        }

        void cancel() {
            cancelled = true;
        }

        /** Every row was read and checked (the counts and errors are final). */
        boolean ended() {
            return ended;
        }

        private void hand(Batch batch) {
            try {
                while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    if (cancelled) {
                        throw new Cancelled();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
        }

        private void read() {
            long started = System.nanoTime();
            long lookups = 0;
            Checker checker = new Checker(scope, errors);
            List<String> readable = isMember(scope) ? List.of() : scope.readablePaths(DB);
            List<Valid> chunk = new ArrayList<>(WRITE_CHUNK);
            try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
                Sheet sheet = workbook.findSheet(ExportWorkbook.DATA_SHEET).orElseGet(workbook::getFirstSheet);
                try (Stream<Row> rows = sheet.openStream()) {
                    Iterator<Row> it = rows.iterator();
                    @Nullable MemberColumns[] columns = null;
                    while (it.hasNext()) {
                        if (cancelled) {
                            throw new Cancelled();
                        }
                        Row row = it.next();
                        if (blank(row)) {
                            continue; // blank rows (50,000 formatted ones too) cost a look each
                        }
                        if (columns == null) {
                            columns = header(row);
                            continue;
                        }
                        counts.read++;
                        if (counts.read > MAX_ROWS) {
                            throw DomainException.invalid("member.import.tooManyRows", MAX_ROWS);
                        }
                        checker.check(row, columns).ifPresent(chunk::add);
                        if (counts.read % PROGRESS_EVERY == 0) {
                            jobs.progress(jobId, "VALIDATING", counts.read, checker.badRows(), 0);
                        }
                        if (chunk.size() == WRITE_CHUNK) {
                            long from = System.nanoTime();
                            duplicatesInDatabase(chunk, readable, errors);
                            lookups += System.nanoTime() - from;
                            hand(rows(chunk));
                            chunk = new ArrayList<>(WRITE_CHUNK);
                        }
                    }
                    if (columns == null) {
                        throw DomainException.invalid("member.import.noHeader");
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                throw DomainException.invalid("member.import.notXlsx");
            } catch (org.dhatim.fastexcel.reader.ExcelReaderException e) {
                throw DomainException.invalid("member.import.notXlsx");
            }
            if (!chunk.isEmpty()) {
                long from = System.nanoTime();
                duplicatesInDatabase(chunk, readable, errors);
                lookups += System.nanoTime() - from;
                hand(rows(chunk));
            }
            jobs.progress(jobId, "WRITING", counts.read, checker.badRows(), 0);
            timing.lookups = lookups;
            timing.reading = System.nanoTime() - started - lookups - timing.preparing;
        }

        /**
         * A checked chunk for the writer. In mode ALL, while no row so far was bad, it goes ready
         * for the database: built here, it no longer leaves the writer's connection idle between
         * two chunks (mode VALID writes only at the end, what is left after the last row).
         */
        private Rows rows(List<Valid> chunk) {
            boolean clean = errors.isEmpty();
            if (!clean || mode != ImportMode.ALL) {
                return new Rows(chunk, clean, null);
            }
            long from = System.nanoTime();
            Prepared prepared = prepare(scope, jobId, chunk, source);
            timing.preparing += System.nanoTime() - from;
            return new Rows(List.of(), true, prepared);
        }
    }

    private static boolean blank(Row row) {
        for (Cell cell : row) {
            if (cell != null
                    && cell.getType() != CellType.EMPTY
                    && !cell.getText().isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Columns by position from the header row; unknown, repeated or missing required headers refuse the file. */
    private @Nullable MemberColumns[] header(Row row) {
        @Nullable MemberColumns[] columns = new MemberColumns[row.getCellCount()];
        Set<MemberColumns> seen = new java.util.HashSet<>();
        for (int c = 0; c < row.getCellCount(); c++) {
            Cell cell = row.getCell(c);
            String text = cell == null ? "" : cell.getText().strip();
            if (text.isEmpty()) {
                continue;
            }
            MemberColumns column = MemberColumns.byHeader(text)
                    .orElseThrow(() -> DomainException.invalid("member.import.unknownColumn", text));
            if (!seen.add(column)) {
                throw DomainException.invalid("member.import.duplicateColumn", text);
            }
            columns[c] = column;
        }
        for (MemberColumns required : MemberColumns.template()) {
            if (required.required() && !seen.contains(required)) {
                throw DomainException.invalid("member.import.missingColumn", required.header());
            }
        }
        return columns;
    }

    /** Checks rows one by one and finds duplicates within the file as it goes. */
    private final class Checker {
        private final AccessScope scope;
        private final List<RowError> errors;
        private final Map<Long, Optional<OrgSummary>> cells = new HashMap<>();
        private final Map<String, Integer> citizenIds = new HashMap<>();
        private final Map<String, Integer> cards = new HashMap<>();
        private final Map<String, Integer> persons = new HashMap<>();
        private final Set<String> reportedFirst = new java.util.HashSet<>();
        private final Set<Integer> badRows = new java.util.HashSet<>();

        Checker(AccessScope scope, List<RowError> errors) {
            this.scope = scope;
            this.errors = errors;
        }

        int badRows() {
            return badRows.size();
        }

        Optional<Valid> check(Row row, @Nullable MemberColumns[] columns) {
            int number = row.getRowNum(); // Excel's own numbering (1-based)
            int before = errors.size();
            Map<MemberField, String> values = new EnumMap<>(MemberField.class);
            String cellText = null;
            String statusText = null;
            for (int c = 0; c < columns.length; c++) {
                MemberColumns column = columns[c];
                if (column == null) {
                    continue;
                }
                Cell cell = row.hasCell(c) ? row.getCell(c) : null;
                String raw;
                try {
                    raw = value(cell, column.field());
                } catch (DomainException e) {
                    error(number, column.header(), cell == null ? null : cell.getText(), e);
                    continue;
                }
                switch (column.kind()) {
                    case CELL_ID -> cellText = raw;
                    case STATUS -> statusText = raw;
                    case FIELD -> {
                        MemberField field = column.field();
                        try {
                            String parsed = rules.parse(field, raw);
                            if (parsed != null) {
                                values.put(field, parsed);
                            }
                        } catch (DomainException e) {
                            error(number, column.header(), raw, e);
                        }
                    }
                    default -> {} // the export's id and cell name are not read back
                }
            }
            OrgSummary cell = cell(number, cellText);
            MemberStatus status = status(number, statusText, values);
            if (errors.size() == before && status != null) {
                try {
                    rules.check(values, status);
                } catch (DomainException e) {
                    error(number, columnOf(e), null, e);
                }
            }
            duplicates(number, values);
            if (errors.size() > before || cell == null || status == null) {
                badRows.add(number);
                return Optional.empty();
            }
            String[] stored = new String[MemberField.values().length];
            values.forEach((f, v) -> stored[f.ordinal()] = v);
            return Optional.of(new Valid(number, cell.id(), cell.path(), status, stored));
        }

        private @Nullable OrgSummary cell(int number, @Nullable String text) {
            if (text == null) {
                error(number, MemberColumns.CELL_ID_HEADER, null, "member.import.cellRequired");
                return null;
            }
            long id;
            try {
                id = Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                error(number, MemberColumns.CELL_ID_HEADER, text, "member.import.cellNotWritable", text);
                return null;
            }
            Optional<OrgSummary> org =
                    cells.computeIfAbsent(id, k -> orgs.current(k).filter(o -> scope.canWrite(DB, o.path())));
            if (org.isEmpty()) {
                error(number, MemberColumns.CELL_ID_HEADER, text, "member.import.cellNotWritable", text);
                return null;
            }
            if (!org.get().kind().isCell()) {
                error(
                        number,
                        MemberColumns.CELL_ID_HEADER,
                        text,
                        "member.cell.notCell",
                        org.get().name());
                return null;
            }
            return org.get();
        }

        private @Nullable MemberStatus status(int number, @Nullable String text, Map<MemberField, String> values) {
            if (text == null) {
                return values.containsKey(MemberField.OFFICIAL_DATE)
                        ? MemberStatus.OFFICIAL
                        : MemberStatus.PROBATIONARY;
            }
            for (MemberStatus s : List.of(MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL)) {
                if (s.label().equalsIgnoreCase(text.strip()) || s.name().equalsIgnoreCase(text.strip())) {
                    return s;
                }
            }
            error(number, MemberColumns.STATUS_HEADER, text, "member.import.statusInvalid");
            return null;
        }

        private void duplicates(int number, Map<MemberField, String> values) {
            inFile(number, citizenIds, "cid:", values.get(MemberField.CITIZEN_ID), MemberField.CITIZEN_ID.label());
            inFile(
                    number,
                    cards,
                    "card:",
                    values.get(MemberField.PARTY_CARD_NUMBER),
                    MemberField.PARTY_CARD_NUMBER.label());
            String name = values.get(MemberField.FULL_NAME);
            String birth = values.get(MemberField.BIRTH_DATE);
            if (name != null && birth != null) {
                inFile(
                        number,
                        persons,
                        "person:",
                        name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + "|" + birth,
                        MemberField.FULL_NAME.label() + ", " + MemberField.BIRTH_DATE.label());
            }
        }

        private void inFile(int number, Map<String, Integer> seen, String kind, @Nullable String key, String column) {
            if (key == null) {
                return;
            }
            Integer first = seen.putIfAbsent(key, number);
            if (first == null) {
                return;
            }
            String shown = kind.equals("person:") ? null : key;
            error(number, column, shown, "member.import.duplicateInFile", column, first);
            if (reportedFirst.add(kind + key)) {
                error(first, column, shown, "member.import.duplicateInFile", column, number);
                badRows.add(first);
            }
        }

        private void error(int row, @Nullable String column, @Nullable String value, DomainException e) {
            errors.add(new RowError(row, column, value, e.code(), text(e.code(), e.args())));
        }

        private void error(int row, @Nullable String column, @Nullable String value, String code, Object... args) {
            errors.add(new RowError(row, column, value, code, text(code, args)));
        }
    }

    /** The column a record-level rule is about, when its message names it. */
    private static @Nullable String columnOf(DomainException e) {
        return switch (e.code()) {
            case "member.field.required", "member.date.inFuture" -> String.valueOf(e.args()[0]);
            case "member.citizenId.invalid", "member.citizenId.mismatch" -> MemberField.CITIZEN_ID.label();
            case "member.birthDate.invalid" -> MemberField.BIRTH_DATE.label();
            case "member.admission.underAge" -> MemberField.ADMISSION_DATE.label();
            case "member.official.beforeProbationEnd", "member.official.required", "member.official.notYet" ->
                MemberField.OFFICIAL_DATE.label();
            case "member.partyCard.issuedBeforeAdmission", "member.partyCard.numberRequired" ->
                MemberField.PARTY_CARD_ISSUED_ON.label();
            default -> null;
        };
    }

    /**
     * A cell's value as a person typed it. Dates may be real date cells (Excel serial numbers);
     * numbers come back without a trailing ".0"; a CCCD typed as a number gets back its leading
     * zeros (every province code starts with 0); errors refuse the cell.
     */
    private static @Nullable String value(@Nullable Cell cell, @Nullable MemberField field) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getType()) {
            case EMPTY -> null;
            case STRING -> cell.getText().isBlank() ? null : cell.getText().strip();
            case BOOLEAN -> cell.getText();
            case ERROR -> throw DomainException.invalid("member.import.cellError");
            case FORMULA -> throw DomainException.invalid("member.import.formula");
            case NUMBER -> {
                BigDecimal number = cell.asNumber();
                if (field != null && field.kind() == MemberField.Kind.DATE) {
                    double serial = number.doubleValue();
                    if (serial < 1 || serial > 2_958_465) {
                        throw DomainException.invalid("member.date.invalid", field.label());
                    }
                    yield cell.asDate().toLocalDate().toString();
                }
                String plain = number.stripTrailingZeros().toPlainString();
                if (field == MemberField.CITIZEN_ID && plain.matches("\\d{1,11}")) {
                    plain = "0".repeat(12 - plain.length()) + plain;
                }
                yield plain;
            }
        };
    }

    /** Duplicates of these checked rows among the stored records (committed ones: the reader's own connections). */
    private void duplicatesInDatabase(List<Valid> valid, List<String> readable, List<RowError> errors) {
        Map<String, Integer> byCitizenId = new HashMap<>();
        Map<String, Integer> byCard = new HashMap<>();
        Map<ImportJobs.Person, Integer> byPerson = new LinkedHashMap<>();
        for (Valid v : valid) {
            byCitizenId.put(v.values()[MemberField.CITIZEN_ID.ordinal()], v.row());
            String card = v.values()[MemberField.PARTY_CARD_NUMBER.ordinal()];
            if (card != null) {
                byCard.put(card, v.row());
            }
            byPerson.put(
                    new ImportJobs.Person(
                            v.values()[MemberField.FULL_NAME.ordinal()],
                            LocalDate.parse(v.values()[MemberField.BIRTH_DATE.ordinal()])),
                    v.row());
        }
        for (String taken : jobs.takenCitizenIds(byCitizenId.keySet())) {
            errors.add(
                    error(byCitizenId.get(taken), MemberField.CITIZEN_ID.label(), taken, "member.citizenId.duplicate"));
        }
        for (String taken : jobs.takenPartyCards(byCard.keySet())) {
            errors.add(error(
                    byCard.get(taken), MemberField.PARTY_CARD_NUMBER.label(), taken, "member.partyCard.duplicate"));
        }
        List<ImportJobs.Person> persons = new ArrayList<>(byPerson.keySet());
        for (ImportJobs.Person same : jobs.sameNameAndBirth(persons, readable)) {
            Integer row = byPerson.get(same);
            if (row == null) { // the database compares names ignoring case
                row = byPerson.entrySet().stream()
                        .filter(e -> e.getKey().birth().equals(same.birth())
                                && e.getKey().name().equalsIgnoreCase(same.name()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
            }
            if (row != null) {
                errors.add(error(
                        row,
                        MemberField.FULL_NAME.label() + ", " + MemberField.BIRTH_DATE.label(),
                        same.name() + ", "
                                + MemberField.BIRTH_DATE.display(same.birth().toString()),
                        "member.import.sameNameAndBirth"));
            }
        }
    }

    private boolean isMember(AccessScope scope) {
        return accounts.byId(scope.accountId())
                .map(AccountView::type)
                .filter(t -> t == AccountType.MEMBER)
                .isPresent();
    }

    private RowError error(int row, @Nullable String column, @Nullable String value, String code, Object... args) {
        return new RowError(row, column, value, code, text(code, args));
    }

    // --- writing (inside the write transaction)

    /** Mode VALID: the rows left after the last one was checked, chunk by chunk. */
    private void write(AccessScope scope, long jobId, List<Valid> rows, DataSource source, Timing timing) {
        for (int from = 0; from < rows.size(); from += WRITE_CHUNK) {
            List<Valid> chunk = rows.subList(from, Math.min(rows.size(), from + WRITE_CHUNK));
            store(prepare(scope, jobId, chunk, source), timing);
        }
    }

    /**
     * At most {@link #WRITE_CHUNK} rows in COPY's text format with their ids (drawn from the
     * sequence on the caller's connection; a rolled-back import only leaves a gap) and events. The
     * cell's path goes with each row; the statement trigger of member.member corrects it should the
     * cell have moved since the row was checked.
     */
    private Prepared prepare(AccessScope scope, long jobId, List<Valid> chunk, DataSource source) {
        Instant now = now();
        String basis = source.label() + " (nhập từ tệp, lần nhập số " + jobId + ")";
        long[] ids = jobs.allocateIds(chunk.size());
        StringBuilder members = new StringBuilder(chunk.size() * 420);
        StringBuilder memberships = new StringBuilder(chunk.size() * 120);
        List<AuditEvent> events = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            Valid v = chunk.get(i);
            long id = ids[i];
            members.append(id);
            for (MemberField f : MemberField.values()) {
                members.append('\t').append(ImportJobs.text(v.values()[f.ordinal()]));
            }
            members.append('\t')
                    .append(v.cellId())
                    .append('\t')
                    .append(v.cellPath())
                    .append('\t')
                    .append(v.status().name())
                    .append('\t')
                    .append(source.name())
                    .append('\t')
                    .append(source.name())
                    .append('\t')
                    .append(source.name())
                    .append('\t')
                    .append(now)
                    .append('\t')
                    .append(scope.accountId())
                    .append('\t')
                    .append(now)
                    .append('\n');
            String admission = v.values()[MemberField.ADMISSION_DATE.ordinal()];
            String official = v.values()[MemberField.OFFICIAL_DATE.ordinal()];
            memberships
                    .append(id)
                    .append('\t')
                    .append(v.cellId())
                    .append("\tPROBATIONARY\t")
                    .append(admission)
                    .append('\t')
                    .append(official == null ? "infinity" : official)
                    .append("\tKết nạp\n");
            if (official != null) {
                memberships
                        .append(id)
                        .append('\t')
                        .append(v.cellId())
                        .append("\tOFFICIAL\t")
                        .append(official)
                        .append("\tinfinity\tCông nhận đảng viên chính thức\n");
            }
            // P-AU-1, P-AU-2: as MemberRegistry.register records one created record.
            AuditEvent.Builder event = AuditEvent.of(AuditAction.CREATE, TARGET, id)
                    .actorIdentifier(scope.identifier())
                    .basis(basis)
                    .detail("source", source.name())
                    .detail("importJob", jobId)
                    .detail("row", v.row());
            for (MemberField f : MemberField.values()) {
                String value = v.values()[f.ordinal()];
                if (value != null) {
                    event.change(f.key(), null, value);
                }
            }
            event.change("cellId", null, v.cellId());
            event.change("status", null, v.status().name());
            events.add(event.build());
        }
        return new Prepared(chunk.size(), members.toString(), memberships.toString(), events);
    }

    /** One chunk into the write transaction: members, their history, their CREATE events. */
    private void store(Prepared chunk, Timing timing) {
        long t0 = System.nanoTime();
        jobs.copyMembers(MEMBER_COLUMNS, chunk.members());
        long t1 = System.nanoTime();
        jobs.copyMemberships(chunk.memberships());
        long t2 = System.nanoTime();
        audit.recordAll(chunk.events());
        long t3 = System.nanoTime();
        timing.copyMembers += t1 - t0;
        timing.copyMemberships += t2 - t1;
        timing.audit += t3 - t2;
    }

    // --- helpers

    private String text(String code, Object... args) {
        return messages.getMessage("error." + code, args, code, LocaleContextHolder.getLocale());
    }

    private Instant now() {
        return clock.instant();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the uploaded file {}", file, e);
        }
    }
}
