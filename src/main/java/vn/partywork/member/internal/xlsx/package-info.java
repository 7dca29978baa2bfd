/**
 * Member spreadsheets (issue 5 items 5, 6): the columns of the import template, the export of
 * search results and the import of a filled template, all streamed (FastExcel writer and reader).
 *
 * <p>Decisions written down here (issue 5 item 6):
 *
 * <ul>
 * <li><b>What an imported row is.</b> Each row is a member the organisation already has on paper
 * or in other software: it is recorded directly as the organisation's own data, exactly as
 * {@code MemberRegistry.register} records one form (M-6: staff with WRITE over the row's cell),
 * in status PROBATIONARY or OFFICIAL per row (column "Trạng thái", or OFFICIAL when the row has an
 * official date), with the membership history opened from the admission date (and the official
 * date). It never enters MEMBER_ADMISSION: an admission is a new member's form, not a file.</li>
 * <li><b>Source (M-5).</b> The uploader chooses DIGITISED_PAPER, OPERATIONAL_SOFTWARE or
 * CONNECTED_DATABASE for the whole file; it labels all three field groups of every row.</li>
 * <li><b>Cells</b> are named by their id in the system ("Mã chi bộ"), listed in the template's
 * sheet "Chi bộ" for the uploader's write scope: codes repeat under different parents.</li>
 * <li><b>Rules</b> are the form's ({@code MemberRules}), plus duplicates: CCCD and party card
 * against the whole database (they are unique), name and birth date against the members the
 * uploader can read, and all three within the file (every row of a duplicate group is reported).</li>
 * <li><b>All or nothing.</b> The write phase is one transaction: mode ALL writes nothing when a row
 * is bad, mode VALID writes the good rows; a failure while writing (a CCCD taken meanwhile) rolls
 * everything back.</li>
 * <li><b>Throughput</b> (issue 5 item 10c). The rows are read and checked on a reader thread and
 * handed over in chunks of 2,000 (a short queue, so only a few chunks are in memory); the duplicate
 * look-ups against the database run per chunk on the reader's own connections (committed records,
 * as before the write). In mode ALL the request's thread writes each chunk as it comes, inside the
 * one write transaction, while the reader goes on: the JVM parses while the database maintains its
 * indexes. A bad row stops the writing and the transaction is rolled back, so a bad file still
 * leaves nothing. Mode VALID cannot write early (a duplicate further down makes an earlier row bad
 * as well) and writes the good rows after the last one. Measured, the database's own work
 * dominates the write: the membership history's exclusion constraint (GiST) and foreign key, the
 * member table's eight indexes (trigram GIN included), then the audit events.</li>
 * <li><b>Audit of an import</b>: one CREATE event per imported member, as
 * {@code MemberRegistry.register} records one (the auditor's viewer and the member's own history
 * find it by target), plus one IMPORT event for the file. A single bulk event listing the ids would
 * be cheaper but would hide the creation from the record's history; instead the events are
 * appended 2,000 at a time by one INSERT ({@code audit.append_all}).</li>
 * </ul>
 */
@NullMarked
package vn.partywork.member.internal.xlsx;

import org.jspecify.annotations.NullMarked;
