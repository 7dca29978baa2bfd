package vn.partywork.member.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.partywork.PartyworkTest;

/**
 * The search key folded in Java equals the database's ({@code public.search_key}, which folded the
 * stored names) for every character the Java side accepts, so "nguyen van an" finds the same members
 * whichever computes it (issue 5 item 5); everything else is left to the database.
 */
@PartyworkTest
class SearchKeysTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Members members;

    @Test
    void everyCharacterFoldedInJavaFoldsTheSameInTheDatabase() {
        List<String> accepted = new ArrayList<>();
        for (char c = 1; c < 0xFFFF; c++) {
            if (!Character.isSurrogate(c) && SearchKeys.folded(String.valueOf(c)) != null) {
                accepted.add(String.valueOf(c).strip());
            }
        }
        // ASCII and the Vietnamese alphabet at least: 95 printable, 134 toned vowels, đ and Đ, and more.
        assertThat(accepted).hasSizeGreaterThan(95 + 134 + 2).contains("ệ", "Ư", "ỹ", "đ", "Đ", "ằ");
        List<String> database = jdbc.sql(
                        "SELECT regexp_replace(public.search_key(c), '\\s+', ' ', 'g') FROM unnest(CAST(:chars AS text[])) WITH ORDINALITY u (c, i) ORDER BY i")
                .param("chars", accepted.toArray(String[]::new))
                .query(String.class)
                .list();
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            String java = SearchKeys.folded(accepted.get(i));
            if (!java.equals(database.get(i))) {
                differ.add(accepted.get(i) + " U+"
                        + Integer.toHexString(accepted.get(i).charAt(0)) + " java «" + java + "» database «"
                        + database.get(i) + "»");
            }
        }
        assertThat(differ).isEmpty();
    }

    @Test
    void namesAsTypedFoldAsInTheDatabaseAndTheRestIsLeftToIt() {
        for (String typed : List.of(
                "Nguyễn   Văn An",
                "NGUYỄN THỊ MINH KHAI",
                "đỗ\tquốc hoàng",
                "Hồ Chí Minh",
                "Lê Thị Thu Hà (Hà Nội) 1978")) {
            assertThat(SearchKeys.folded(typed.strip())).isEqualTo(databaseKey(typed));
        }
        // Another script, a decomposed accent, a control character: the database decides.
        for (String other : List.of("Müller ß", "Nguye\u0302\u0303n", "阮文安", "a\u0001b")) {
            assertThat(SearchKeys.folded(other)).isNull();
            assertThat(members.searchKey(other)).isEqualTo(databaseKey(other));
        }
        assertThat(members.searchKey("  Trần   Đức Lương ")).isEqualTo("tran duc luong");
    }

    private String databaseKey(String text) {
        return jdbc.sql("SELECT regexp_replace(public.search_key(:text), '\\s+', ' ', 'g')")
                .param("text", text.strip())
                .query(String.class)
                .single();
    }
}
