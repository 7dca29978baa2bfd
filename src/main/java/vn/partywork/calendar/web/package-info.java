/** The calendar page, its override form, and the calendar API under /api/v1/calendar. */
@NullMarked
package vn.partywork.calendar.web;

import org.jspecify.annotations.NullMarked;
