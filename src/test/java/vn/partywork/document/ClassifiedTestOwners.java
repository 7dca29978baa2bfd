package vn.partywork.document;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partywork.shared.AccessScope;
import vn.partywork.shared.Classification;

/**
 * Two owners of files with the ceilings P-CL-1 gives the letter and inspection modules (which do not
 * exist yet), so that the document store's ceiling, encryption and device rules are tested through
 * the real service. Picked up by component scanning like the test clock, so the suite keeps one
 * context. Their records are visible to any account holding a grant.
 */
@Configuration(proxyBeanMethods = false)
public class ClassifiedTestOwners {

    public static final String LETTER = "test_letter";
    public static final String INSPECTION = "test_inspection";

    @Bean
    DocumentOwners testLetterOwner() {
        return owner(LETTER, ModuleCeilings.LETTER);
    }

    @Bean
    DocumentOwners testInspectionOwner() {
        return owner(INSPECTION, ModuleCeilings.INSPECTION);
    }

    private static DocumentOwners owner(String type, Classification ceiling) {
        return new DocumentOwners() {
            @Override
            public String ownerType() {
                return type;
            }

            @Override
            public boolean canRead(AccessScope scope, String ownerId) {
                return !scope.isEmpty();
            }

            @Override
            public Classification ceiling() {
                return ceiling;
            }
        };
    }
}
