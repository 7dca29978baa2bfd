package vn.partywork;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PartyworkTest
class ApplicationStartsTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void searchKeyFoldsVietnameseDiacritics() {
        String key = jdbc.sql("SELECT public.search_key('Đảng bộ Thành phố Hà Nội')")
                .query(String.class)
                .single();
        assertThat(key).isEqualTo("dang bo thanh pho ha noi");
    }
}
