/**
 * Party member database (M-1..M-6): the member record (phiếu đảng viên điện tử) with the source of
 * each field group, membership in a cell as valid-time history, scoped search, field ownership
 * (self-declared data goes through MEMBER_UPDATE, party data is entered by the organisation that
 * decided it) and admission through MEMBER_ADMISSION. {@link vn.partywork.member.MemberRegistry} is
 * the API; {@link vn.partywork.member.MemberLifeEvents} records life events and transfers (M-4);
 * {@link vn.partywork.member.MemberDocuments} keeps the dossier's files (M-1).
 *
 * <h2>Who decides what (M-6, seed 002 Đ13.1c)</h2>
 * Staff act at a {@link vn.partywork.member.DecidingLevel} when they hold WRITE on the member
 * database over the deciding organisation of the member's cell (a grant there or above):
 * <table>
 * <caption>Deciding level of party data and life events</caption>
 * <tr><th>level</th><th>party fields</th><th>life events</th></tr>
 * <tr><td>CELL (chi bộ)</td><td>awards</td><td>exemption from activity, death; accepting an official
 * or temporary transfer into the cell within its province; return from a temporary transfer (either cell)</td></tr>
 * <tr><td>GRASSROOTS (cấp ủy cơ sở)</td><td>party position, discipline</td><td>issuing a transfer
 * within the province</td></tr>
 * <tr><td>UPPER (cấp trên trực tiếp của cơ sở; the province where wards report to it)</td><td>admission
 * date and place, introducers, official date and the confirmation as official, party card number and
 * date</td><td>removal, expulsion, leaving</td></tr>
 * <tr><td>PROVINCE (cấp ủy tỉnh)</td><td>party badge</td><td>party badge award; issuing a transfer to
 * another province; accepting one from another province</td></tr>
 * </table>
 * Self-declared groups (identity, background) are decided by nobody but the member and change only
 * through MEMBER_UPDATE. A change of cell by party-data edit needs WRITE over both cells.
 */
@ApplicationModule(allowedDependencies = {"shared", "org", "catalogue", "audit", "approval", "identity", "document"})
@NullMarked
package vn.partywork.member;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
