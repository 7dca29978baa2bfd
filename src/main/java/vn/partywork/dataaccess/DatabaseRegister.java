package vn.partywork.dataaccess;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.partywork.dataaccess.internal.DataAccessRows;
import vn.partywork.shared.Database;

/** P-DG-1: the register of databases and who answers for each (seed 002 Đ8, PL1). Not personal data. */
@Service
public class DatabaseRegister {

    private final DataAccessRows rows;

    DatabaseRegister(DataAccessRows rows) {
        this.rows = rows;
    }

    @Transactional(readOnly = true)
    public List<DataOwner> owners() {
        return rows.owners();
    }

    @Transactional(readOnly = true)
    public Optional<DataOwner> owner(Database database) {
        return rows.owners().stream().filter(o -> o.database() == database).findFirst();
    }
}
