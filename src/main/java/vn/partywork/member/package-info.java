/**
 * Party member database (M-1..M-6): the member record (phiếu đảng viên điện tử) with the source of
 * each field group, membership in a cell as valid-time history, scoped search, field ownership
 * (self-declared data goes through MEMBER_UPDATE, party data is entered by the organisation that
 * decided it) and admission through MEMBER_ADMISSION. {@link vn.partywork.member.MemberRegistry} is
 * the API.
 */
@ApplicationModule(allowedDependencies = {"shared", "org", "catalogue", "audit", "approval", "identity", "document"})
@NullMarked
package vn.partywork.member;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
