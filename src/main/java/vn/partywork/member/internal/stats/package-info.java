/** Member statistics (issue 5 item 7): the aggregate queries and the .xlsx export. */
@NullMarked
package vn.partywork.member.internal.stats;

import org.jspecify.annotations.NullMarked;
