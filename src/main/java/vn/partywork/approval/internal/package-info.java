/** Persistence of chains, requests, steps and the trail. */
@NullMarked
package vn.partywork.approval.internal;

import org.jspecify.annotations.NullMarked;
