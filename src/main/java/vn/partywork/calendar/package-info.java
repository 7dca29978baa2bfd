/**
 * Vietnamese working-day calendar (P-WF-2): weekends, the public holidays of the Labour Code with
 * their compensation days, the Vietnamese lunar calendar, and the yearly days declared by the
 * government; every deadline in working days is counted here (ARCHITECTURE rule 5).
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "org"})
@NullMarked
package vn.partywork.calendar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
