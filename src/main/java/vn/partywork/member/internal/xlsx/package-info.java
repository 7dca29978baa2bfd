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
 * </ul>
 */
@NullMarked
package vn.partywork.member.internal.xlsx;

import org.jspecify.annotations.NullMarked;
