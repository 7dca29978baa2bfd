package vn.partywork.member.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.partywork.member.Gender;
import vn.partywork.member.MemberField;
import vn.partywork.shared.DomainException;

/** The CCCD and the field syntax, without a database (M-1). */
class MemberRulesTests {

    @Test
    void aCitizenIdFitsTheProvinceTheGenderTheCenturyAndTheBirthYear() {
        LocalDate born1985 = LocalDate.of(1985, 4, 12);
        assertThatCode(() -> MemberRules.checkCitizenId("001085004417", Gender.MALE, born1985))
                .doesNotThrowAnyException();
        assertThatCode(() -> MemberRules.checkCitizenId("079185004417", Gender.FEMALE, born1985))
                .doesNotThrowAnyException();
        assertThatCode(() -> MemberRules.checkCitizenId("040303004417", Gender.FEMALE, LocalDate.of(2003, 1, 1)))
                .doesNotThrowAnyException();
        assertCode(() -> MemberRules.checkCitizenId("003085004417", Gender.MALE, born1985), "member.citizenId.invalid");
        assertCode(
                () -> MemberRules.checkCitizenId("001185004417", Gender.MALE, born1985), "member.citizenId.mismatch");
        assertCode(
                () -> MemberRules.checkCitizenId("001086004417", Gender.MALE, born1985), "member.citizenId.mismatch");
        assertCode(
                () -> MemberRules.checkCitizenId("001085004417", Gender.MALE, LocalDate.of(2085, 1, 1)),
                "member.citizenId.mismatch");
    }

    @Test
    void fieldsReadWhatPeopleTypeAndRefuseTheRest() {
        org.assertj.core.api.Assertions.assertThat(MemberField.BIRTH_DATE.parse("02/09/1978"))
                .isEqualTo("1978-09-02");
        org.assertj.core.api.Assertions.assertThat(MemberField.GENDER.parse("Nữ"))
                .isEqualTo("FEMALE");
        org.assertj.core.api.Assertions.assertThat(MemberField.CITIZEN_ID.parse(" 001 078 001945 "))
                .isEqualTo("001078001945");
        org.assertj.core.api.Assertions.assertThat(MemberField.USUAL_NAME.parse("   "))
                .isNull();
        assertCode(() -> MemberField.BIRTH_DATE.parse("31/02/1978"), "member.date.invalid");
        assertCode(() -> MemberField.CITIZEN_ID.parse("00107800194A"), "member.citizenId.invalid");
        assertCode(() -> MemberField.PARTY_CARD_NUMBER.parse("12-34"), "member.partyCard.invalid");
        assertCode(() -> MemberField.FULL_NAME.parse("x".repeat(201)), "member.field.tooLong");
        assertCode(() -> MemberField.PHONE.parse("gọi tôi"), "member.phone.invalid");
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(code);
    }
}
