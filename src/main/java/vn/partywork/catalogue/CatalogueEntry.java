package vn.partywork.catalogue;

/** One value of a catalogue version, e.g. {@code 01 Kinh} in the ethnic groups. */
public record CatalogueEntry(String code, String name, int sortOrder) {}
