package nl.ggz.contracts.api.web.audit;

/** A client's value quoted back in an error detail: cut short, so a detail never becomes a megabyte of input. */
final class Echo {

    private static final int MAX = 80;

    private Echo() {
    }

    static String of(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX ? clean.substring(0, MAX) + "…" : clean;
    }
}
