package dev.crossbuild.maven.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The texts of the site report, from the {@code cross-report} bundle, formatted with {@link MessageFormat}. */
final class ReportMessages {

    static final String BUNDLE = "cross-report";

    private final ResourceBundle bundle;
    private final Locale locale;

    private ReportMessages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    static ReportMessages of(Locale locale) {
        // No fallback to the JVM's default locale: a site in English on a German machine stays English.
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ReportMessages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new ReportMessages(bundle, locale);
    }

    /** The text of {@code key} with {@code arguments} filled in. */
    String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text '" + key + "' in " + BUNDLE + ".properties", e);
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }

    String yesNo(boolean value) {
        return get(value ? "yes" : "no");
    }
}
