package vn.partywork.org;

/**
 * An organisation's current version as a correction request sees it: its recorded name and code,
 * and whether the caller keeps its data (may write there, so may ask for a correction).
 */
public record CorrectableOrganisation(OrgSummary org, boolean writable) {}
