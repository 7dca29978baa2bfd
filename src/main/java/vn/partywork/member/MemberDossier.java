package vn.partywork.member;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.partywork.document.DocumentInfo;

/**
 * What the record page shows beside the form (M-4, M-1): life events, transfers, the exemption in
 * force, attached documents, and what the reader may do (record which events, issue a transfer,
 * attach files).
 */
public record MemberDossier(
        List<MemberLifeEvent> events,
        List<MemberTransfer> transfers,
        @Nullable MemberTransfer openTransfer,
        @Nullable MemberLifeEvent exemption,
        List<DocumentInfo> documents,
        Set<LifeEventKind> decidable,
        boolean mayIssueTransfer,
        boolean mayAttach) {}
