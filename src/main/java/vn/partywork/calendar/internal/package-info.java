/** The lunar calendar algorithm, the statutory holiday rules and the stored overrides. */
@NullMarked
package vn.partywork.calendar.internal;

import org.jspecify.annotations.NullMarked;
