/** Shared kernel: value types every module speaks (classification, decisions, scope, errors); no stateful beans. */
@NullMarked
package vn.partywork.shared;

import org.jspecify.annotations.NullMarked;
