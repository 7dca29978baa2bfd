package vn.partywork.notification;

import java.util.List;

/** One page of an account's notifications, newest first, with the totals the page shows. */
public record NotificationPage(List<NotificationView> items, int page, int size, long total, long unread) {

    public NotificationPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
