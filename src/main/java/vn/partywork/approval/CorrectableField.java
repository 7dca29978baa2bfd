package vn.partywork.approval;

/** A field a correction request may change: its key in the owning module and its Vietnamese label. */
public record CorrectableField(String field, String label) {}
