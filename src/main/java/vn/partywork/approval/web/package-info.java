/** The approval pages ("Việc cần xử lý", "Đã gửi", "Theo dõi", a request) and the JSON API. */
@NullMarked
package vn.partywork.approval.web;

import org.jspecify.annotations.NullMarked;
