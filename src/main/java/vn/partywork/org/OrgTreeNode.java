package vn.partywork.org;

/** One organisation in the tree browser, with the number of its children on the same date (for lazy expansion). */
public record OrgTreeNode(OrgSummary org, int childCount) {

    public boolean hasChildren() {
        return childCount > 0;
    }
}
