package vn.partywork.member;

import java.util.List;

/** Open transfers as a caller's organisations see them: coming in to their cells, going out of them. */
public record TransferLists(List<MemberTransfer> incoming, List<MemberTransfer> outgoing) {

    public TransferLists {
        incoming = List.copyOf(incoming);
        outgoing = List.copyOf(outgoing);
    }
}
