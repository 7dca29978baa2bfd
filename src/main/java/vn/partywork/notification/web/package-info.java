/** The notification pages ("Thông báo", "Cài đặt thông báo") and the JSON API. */
@NullMarked
package vn.partywork.notification.web;

import org.jspecify.annotations.NullMarked;
