package vn.partywork.member.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partywork.PartyworkTest;
import vn.partywork.member.MemberTestData;
import vn.partywork.web.DemoOrgs;

/**
 * Issue 5 items 10a and 10c: a new member's cell_path (the copy of its cell's path that the scoped
 * search filters on) is checked once per INSERT statement, so that the import can COPY its rows
 * with the path it knows. Whatever path a writer gives — none, another organisation's, the right
 * one — every row of the statement ends with its cell's current path.
 */
@PartyworkTest
class MemberCellPathOnInsertTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void everyRowOfAnInsertEndsWithItsCellsCurrentPathWhateverTheWriterGave() {
        DemoOrgs orgs = new DemoOrgs(jdbc);
        long hangDao = orgs.id("Chi bộ Tổ dân phố Hàng Đào");
        String hangDaoPath = path(hangDao);
        String hcmPath = path(orgs.id(DemoOrgs.HCM));
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO member.member (full_name, gender, birth_date, ethnicity, religion, citizen_id,
                                               admission_date, cell_id, cell_path, status, source_identity,
                                               source_background, source_party, created_at, updated_at)
                    SELECT v.name, 'MALE', DATE '1980-01-01', '01', '00', v.cid, DATE '2010-01-01', :cell,
                           CAST(v.path AS ltree), 'PROBATIONARY', 'DIGITISED_PAPER', 'DIGITISED_PAPER',
                           'DIGITISED_PAPER', now(), now()
                      FROM (VALUES ('Kiều Văn Không Đường', :cid1, NULL),
                                   ('Kiều Văn Sai Đường', :cid2, :wrong),
                                   ('Kiều Văn Đúng Đường', :cid3, :right)) AS v (name, cid, path)
                    """)
                    .param("cell", hangDao)
                    .param("cid1", MemberTestData.citizenId(1980))
                    .param("cid2", MemberTestData.citizenId(1980))
                    .param("cid3", MemberTestData.citizenId(1980))
                    .param("wrong", hcmPath)
                    .param("right", hangDaoPath)
                    .update();

            Map<String, String> paths = jdbc
                    .sql("""
                    SELECT full_name, cell_path::text AS path FROM member.member
                     WHERE full_name LIKE 'Kiều Văn % Đường'
                    """)
                    .query((rs, n) -> Map.entry(rs.getString("full_name"), rs.getString("path")))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(paths)
                    .containsOnly(
                            Map.entry("Kiều Văn Không Đường", hangDaoPath),
                            Map.entry("Kiều Văn Sai Đường", hangDaoPath),
                            Map.entry("Kiều Văn Đúng Đường", hangDaoPath));
            tx.setRollbackOnly(); // the demo data stays as the other tests expect it
        });
    }

    private String path(long org) {
        return jdbc.sql("SELECT path::text FROM org.current_organisation WHERE org_id = :id")
                .param("id", org)
                .query(String.class)
                .single();
    }
}
