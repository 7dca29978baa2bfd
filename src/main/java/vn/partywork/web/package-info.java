/** Layout, navigation, home page, error pages and the mapping of error codes to Vietnamese messages. */
@NullMarked
package vn.partywork.web;

import org.jspecify.annotations.NullMarked;
