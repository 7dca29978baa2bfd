/** Pages and API of data access requests and the register of data owners. */
@NullMarked
package vn.partywork.dataaccess.web;

import org.jspecify.annotations.NullMarked;
