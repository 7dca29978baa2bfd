/** Central, versioned catalogues (danh mục chuẩn): ethnicities, religions, education levels, positions (P-ORG-3). */
@ApplicationModule(allowedDependencies = {"shared", "audit"})
@NullMarked
package vn.partywork.catalogue;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
