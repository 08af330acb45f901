package nl.ggz.contracts.api.pages;

/** Money as the pages show it (js/money.js): Dutch notation from integer cents, "€ 1.234.567,89". */
final class Euros {

    private Euros() {
    }

    static String of(long cents) {
        String digits = String.format("%03d", Math.abs(cents));
        String whole = digits.substring(0, digits.length() - 2).replaceAll("\\B(?=(\\d{3})+(?!\\d))", ".");
        return (cents < 0 ? "− " : "") + "€ " + whole + "," + digits.substring(digits.length() - 2);
    }
}
