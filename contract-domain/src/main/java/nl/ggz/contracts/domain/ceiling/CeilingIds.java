package nl.ggz.contracts.domain.ceiling;

/** A contract has one ceiling per calendar year of its term; its id is derived so that routing needs no lookup. */
public final class CeilingIds {
    private CeilingIds() {
    }

    public static String of(String contractId, int year) {
        return contractId + "-" + year;
    }

    public static String contractIdOf(String ceilingId) {
        return ceilingId.substring(0, ceilingId.lastIndexOf('-'));
    }

    public static int yearOf(String ceilingId) {
        return Integer.parseInt(ceilingId.substring(ceilingId.lastIndexOf('-') + 1));
    }
}
