package vn.partywork.org;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;
import vn.partywork.shared.Database;
import vn.partywork.shared.Decision;
import vn.partywork.shared.Permission;

/**
 * For the demo loader and the benchmark only: establishes the root (Trung ương), which no user can
 * do, and hands out the "system" scope with which they then call {@link OrgRestructuring} like any
 * user. Both methods refuse to run while a web request is being handled, so no controller can
 * reach them by accident. Changes made this way are recorded as made by account 0, {@code system}.
 */
@Service
public class OrgSeeding {

    public static final long SYSTEM_ACCOUNT = 0;
    public static final String SYSTEM_IDENTIFIER = "system";

    private final OrgRestructuring restructuring;

    OrgSeeding(OrgRestructuring restructuring) {
        this.restructuring = restructuring;
    }

    /** Establishes the root of the tree; refused ({@code org.root.exists}) when there already is one. */
    @Transactional
    public OrgSummary establishRoot(String code, String name, Decision decision, LocalDate effectiveOn) {
        notInWebRequest();
        return restructuring.establishRoot(systemScope(), code, name, decision, effectiveOn);
    }

    /** Read and write on the whole subtree of {@code rootPath} (normally the root's path), for seeding. */
    public AccessScope seedingScope(String rootPath) {
        notInWebRequest();
        return new AccessScope(
                SYSTEM_ACCOUNT,
                SYSTEM_IDENTIFIER,
                List.of(new AccessScope.Entry(
                        0,
                        rootPath,
                        Set.of(Database.ORGANISATION_MEMBER),
                        Classification.UNCLASSIFIED,
                        EnumSet.of(Permission.READ, Permission.WRITE))));
    }

    private AccessScope systemScope() {
        return AccessScope.none(SYSTEM_ACCOUNT, SYSTEM_IDENTIFIER);
    }

    private static void notInWebRequest() {
        if (RequestContextHolder.getRequestAttributes() != null) {
            throw new IllegalStateException("OrgSeeding serves the demo loader and the benchmark, not web requests");
        }
    }
}
